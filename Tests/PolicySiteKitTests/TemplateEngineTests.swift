import Foundation
import Testing
@testable import PolicySiteKit

/// The Mustache engine (TemplateParser, TemplateRenderer, MustacheEscape): each case renders as
/// swift-mustache 2.1.1 rendered it, which the site used before, so pages stay byte for byte.
@Suite struct TemplateEngineTests {
    static var context: [String: Any] { [
        "name": "Ann", "yes": true, "no": false, "empty": "", "zero": 0, "html": "<i>",
        "items": [["n": "1"], ["n": "2"]] as [[String: Any]],
        "none": [[String: Any]](),
        "strings": ["a", "b"],
        "person": ["name": "Bo", "pet": ["name": "Rex"] as [String: Any]] as [String: Any],
        "null": NSNull(),
    ] }

    /// Renders `template` with `partials` beside it, or throws its syntax error.
    static func render(_ template: String, partials: [String: String] = [:], context: [String: Any] = context) throws -> String {
        var compiled = [try TemplateParser.parse(template)]
        var index = ["main": 0]
        for (name, text) in partials {
            index[name] = compiled.count
            compiled.append(try TemplateParser.parse(text))
        }
        compiled = compiled.map { $0.linked(index) { _ in 0 } }
        var keyUse = TemplateKeyUse(slots: 1)
        return String(decoding: TemplateRenderer.render("main", in: compiled, index: index, context: context, noting: &keyUse), as: UTF8.self)
    }

    @Test(arguments: [
        ("St Mary's & St John's", "St Mary&#39;s &amp; St John&#39;s"),
        (#"<b>"quoted"</b>"#, "&lt;b&gt;&quot;quoted&quot;&lt;/b&gt;"),
        ("café <b>", "café &lt;b&gt;"),
        ("é<é", "é&lt;é"),
        // A combining mark or a prepended mark makes one Character with the `&` or `<`: kept.
        ("&\u{301} combined, e\u{301}, plain", "&\u{301} combined, e\u{301}, plain"),
        ("\u{600}<", "\u{600}<"),
        ("a\r\n<", "a\r\n&lt;"),
        ("", ""),
        ("plain", "plain"),
    ])
    func escapesAsMustacheDoes(_ c: (String, String)) throws {
        #expect(MustacheEscape.escaped(c.0) == c.1)
        #expect(try Self.render("{{x}}", context: ["x": c.0]) == c.1)
        #expect(try Self.render("{{{x}}}", context: ["x": c.0]) == c.0)
    }

    @Test(arguments: [
        ("{{html}} {{{html}}} {{& html}}", "&lt;i&gt; <i> <i>"),
        ("{{zero}} {{yes}} {{no}} {{missing}}|", "0 true false |"),
        ("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}n{{/no}}", "Yn"),
        ("{{#items}}{{n}},{{/items}}", "1,2,"),
        ("{{#none}}x{{/none}}{{^none}}no items{{/none}}{{^items}}x{{/items}}", "no items"),
        // An empty string and 0 are values: the section renders once, with them as `.`.
        ("{{#empty}}[{{.}}]{{/empty}}{{^empty}}x{{/empty}}", "[]"),
        ("{{#zero}}<{{.}}>{{/zero}}{{^zero}}x{{/zero}}", "<0>"),
        ("{{#missing}}x{{/missing}}{{^missing}}m{{/missing}}", "m"),
        ("{{#null}}x{{/null}}{{^null}}null{{/null}}{{null}}", "null"),
        ("{{#person}}{{name}} {{pet.name}}{{/person}}", "Bo Rex"),
        ("{{#strings}}{{.}};{{/strings}}", "a;b;"),
        // Names not in the item are looked up in the contexts around it; `.name` only in the item.
        ("{{#items}}{{name}}{{n}}{{.name}} {{/items}}", "Ann1 Ann2 "),
        ("{{person.pet.name}}|{{person.missing.name}}|{{person.name.x}}", "Rex||"),
        ("{{#person}}{{#pet}}{{name}}/{{person.name}}{{/pet}}{{/person}}", "Rex/Bo"),
        ("a{{! a comment }}b{{!\nover lines\n}}c", "abc"),
        ("{{=<% %>=}}<% name %> {{name}} <%={{ }}=%>{{name}}", "Ann {{name}} Ann"),
        ("{{ name }}{{{ name }}}{{#  yes  }}!{{/ yes }}", "AnnAnn!"),
        ("{ {name} }} {{", "{ {name} }} "),
    ])
    func rendersValuesAndSections(_ c: (String, String)) throws {
        #expect(try Self.render(c.0) == c.1)
    }

    /// A section, comment or delimiter tag alone on its line (spaces and tabs around it) takes the
    /// line with it; anywhere else the text around it stays.
    @Test(arguments: [
        ("a\n{{#yes}}\nb\n{{/yes}}\nc\n", "a\nb\nc\n"),
        ("a\n  {{#yes}}  \nb\n\t{{/yes}}\nc", "a\nb\nc"),
        ("a\n{{^no}}\nb\n{{/no}}\n", "a\nb\n"),
        ("{{#items}}\n- {{n}}\n{{/items}}\n", "- 1\n- 2\n"),
        ("a {{#yes}}\nb\n{{/yes}} c", "a \nb\n c"),
        ("  {{! note }}\nx\n  {{=<% %>=}}\n<%name%>", "x\nAnn"),
        ("{{#yes}}\r\nx\r\n{{/yes}}\r\n", "x\r\n"),
        ("  {{name}}\n", "  Ann\n"),
        ("x\n  {{#no}}\n  y\n  {{/no}}  \nz", "x\nz"),
    ])
    func standaloneTagsTakeTheirLine(_ c: (String, String)) throws {
        #expect(try Self.render(c.0) == c.1)
    }

    /// A partial alone on its line is indented as its tag is, every line after a line break that
    /// the partial itself writes.
    @Test(arguments: [
        ("  {{> p}}\nend", ["p": "one\ntwo\n"], "  one\n  two\nend"),
        ("x {{> p}}|", ["p": "one\ntwo\n"], "x one\ntwo\n|"),
        ("\t{{> p}}\n", ["p": "{{#items}}\n{{n}}\n{{/items}}\n"], "\t1\n2\n"),
        ("{{#items}}{{> item}}{{/items}}", ["item": "<{{n}}>"], "<1><2>"),
        ("  {{> p}}\n", ["p": "a\n  {{> q}}\nb\n", "q": "q1\nq2\n"], "  a\n    q1\n    q2\n  b\n"),
        ("  {{> p}}\n", ["p": "{{{html}}}\n{{name}}\n"], "  <i>\n  Ann\n"),
        ("{{> gone}}|", [:], "|"),
    ])
    func partialsAreIndentedAsTheirTag(_ c: (String, [String: String], String)) throws {
        #expect(try Self.render(c.0, partials: c.1) == c.2)
    }

    /// Syntax errors name the tag at fault, at its line and column (Unicode scalars from 1).
    @Test(arguments: [
        ("a\n{{#s}}\nb", 2, 1, "the section '{{#s}}' is never closed (expected '{{/s}}')"),
        ("{{#a}}\n  {{/b}}", 2, 3, "'{{/b}}' does not close the section '{{#a}}' opened at line 1, column 1"),
        ("x\n{{/a}}", 2, 1, "'{{/a}}' closes a section that was never opened"),
        ("ab {{a b}}", 1, 8, "expected '}}' to end this tag after the name 'a'"),
        ("é\n {{{a}}", 2, 2, "the template ends inside this tag"),
        ("{{#a}}{{/a", 1, 7, "the template ends inside this tag"),
        ("{{{a}}}x{{{b}} }", 1, 15, "expected '}' to end this '{{{…}}}' tag"),
        ("{{! never closed", 1, 1, "this comment is never closed with '}}'"),
        ("é {{=<% %>}}", 1, 3, "'{{=' must give two delimiters and end with '=}}'"),
        ("{{=<% %>=}}\n<%#a%>x<%/b%>", 2, 8, "'<%/b%>' does not close the section '<%#a%>' opened at line 2, column 1"),
        ("é {{reversed(list)}}", 1, 3, "transforms such as 'reversed(list)' are not supported"),
        ("{{<parent}}{{/parent}}", 1, 1, "template inheritance ('{{<') is not supported"),
        ("x{{$block}}{{/block}}", 1, 2, "template inheritance ('{{$') is not supported"),
        ("{{%CONTENT_TYPE:TEXT}}", 1, 1, "pragmas ('{{%') are not supported"),
        ("text {", 1, 6, "the template ends inside this tag"),
        (String(repeating: "{{#a}}", count: 10_000), 1, 601, "sections nest more than 100 deep here"),
    ])
    func syntaxErrorsAreFoundAtTheirTag(_ c: (String, Int, Int, String)) {
        do throws(TemplateParser.SyntaxError) {
            _ = try TemplateParser.parse(c.0)
            Issue.record("no syntax error in \(c.0.debugDescription)")
        } catch {
            #expect(error.line == c.1 && error.column == c.2, "\(error)")
            #expect(error.message.hasPrefix(c.3), "\(error.message)")
        }
    }

    /// A template with a syntax error is reported as a build error at its file, line and column.
    @Test func loadReportsTheSyntaxErrorAtItsFile() throws {
        let folder = TestSite.temporaryFolder("templates")
        for name in Templates.required {
            let text = name == "policy" ? "<h1>{{title}}</h1>\n{{#toc}}\n<li>{{title}}</li>\n" : ""
            FileManager.default.createFile(atPath: "\(folder)/\(name).mustache", contents: Data(text.utf8))
        }
        let (templates, diagnostics) = Templates.load(from: folder)
        #expect(templates == nil)
        #expect(diagnostics.map(\.description) == [
            "\(folder)/policy.mustache:2:1: error: template syntax: the section '{{#toc}}' is never closed (expected '{{/toc}}')",
        ])
    }

    /// Values of other types are written as `String(describing:)` writes them, optionals unwrapped.
    @Test func otherValuesAreWrittenAsTheyDescribeThemselves() throws {
        struct Item { var name: String; var size: Double }
        let context: [String: Any] = ["d": 1.5, "u": UInt8(7), "opt": Optional("o") as Any, "item": Item(name: "<n>", size: 2)]
        #expect(try Self.render("{{d}} {{u}} {{opt}} {{item.name}} {{#item}}{{size}}{{/item}}", context: context) == "1.5 7 o &lt;n&gt; 2.0")
    }

    /// A page is rendered straight after the layout's part before `{{{content}}}` only where that
    /// gives the same bytes as rendering the layout around the page: the slot written once, raw
    /// and not in an indented partial. Elsewhere there is no slot, and the layout is rendered again.
    @Test(arguments: [
        ("<main>\n{{{content}}}\n</main>", true),
        ("{{& content}}", true),
        ("{{#content}}[{{{.}}}]{{/content}}", true),
        ("<p>{{content}}</p>", false),
        ("{{{content}}}{{{content}}}", false),
        ("<main>\n  {{> part}}\n</main>", false),
        ("no content here", false),
    ])
    func contentSlotIsUsedOnlyWhereItGivesTheSameBytes(_ c: (String, Bool)) throws {
        let sources = [("layout", c.0), ("part", "{{{content}}}\n"), ("page", "<p>one & two</p>\n<p>{{title}}</p>\n")]
        let templates = try #require(Templates.compile(sources.map { ($0.0, $0.0, $0.1) }, folder: "t", requiring: []).0)
        var keyUse = TemplateKeyUse(slots: templates.slotCount)
        let page: [String: Any] = ["title": "T"]
        let inner = templates.renderBytes(page, with: "page", noting: &keyUse)
        let whole = templates.renderBytes(["content": RenderedHTML(bytes: inner)], with: "layout", noting: &keyUse)
        let parts = templates.renderAroundSlot(["content": ContentSlot()], with: "layout", noting: &keyUse)
        #expect((parts != nil) == c.1)
        if let (before, after) = parts {
            #expect(templates.renderBytes(page, with: "page", after: before, noting: &keyUse) + after == whole)
        }
    }
}
