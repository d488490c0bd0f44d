import Foundation
import Testing
@testable import PolicySiteKit

/// The static template checks: tags as the Mustache engine reads them, include loops, and keys no
/// page gives a template.
@Suite struct TemplateCheckTests {
    @Test func scanReadsEveryKindOfTagWithItsPlace() {
        let text = "a {{x}} {{{y}}} {{& z}} {{! note }}\n{{#s}}{{t.u}}{{/s}} {{^n}}{{v}}{{/n}} {{> p}}\n{{=<% %>=}}<%w%> <%#q%><%reversed(list)%><%/q%> {{notATag}}"
        let tags = TemplateTag.scan(text)
        #expect(tags.map(\.name) == ["x", "y", "z", "s", "t.u", "n", "v", "p", "w", "q", "reversed(list)"])
        #expect(tags.map(\.key) == ["x", "y", "z", "s", "t", "n", "v", "p", "w", "q", "list"])
        #expect(tags.map(\.line) == [1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3])
        #expect(tags.map(\.column) == [3, 9, 17, 1, 7, 21, 27, 39, 12, 18, 24])
        #expect(tags[3].kind == .section(inverted: false) && tags[5].kind == .section(inverted: true))
        #expect(tags[7].kind == .partial)
    }

    static func tags(_ templates: [String: String]) -> [String: [TemplateTag]] {
        templates.mapValues(TemplateTag.scan)
    }

    @Test(arguments: [
        (["a": "{{> a}}"], ["a:1:1: template 'a' includes itself"]),
        (["a": "{{> b}}", "b": "x {{> a}}"], ["b:1:3: templates include each other in a loop (a → b → a)"]),
        (["a": "{{> b}}", "b": "{{> c}}", "c": "\n {{< a}}{{/a}}"], ["c:2:2: templates include each other in a loop (a → b → c → a)"]),
        (["a": "{{> b}}{{> c}}", "b": "{{> d}}", "c": "{{> d}}", "d": "leaf"], []),
        (["a": "{{> gone}}"], ["a:1:1: template 'gone.mustache', included here, is not in the templates folder"]),
        (["a": "{{>*name}}"], ["a:1:1: '{{> *name}}' takes a template's name from the data; name the partial instead"]),
    ])
    func partialProblemsAreFoundAtTheirTag(_ c: ([String: String], [String])) {
        let paths = Dictionary(uniqueKeysWithValues: c.0.keys.map { ($0, $0) })
        let found = TemplateCheck.partialProblems(Self.tags(c.0), paths: paths).map { "\($0.location): \($0.message)" }
        #expect(found.count == c.1.count)
        for (f, expected) in zip(found, c.1) { #expect(f.hasPrefix(expected), "\(f)") }
    }

    /// A key is reported where some page's rendering reached its tag and no lookup of it found a
    /// value: not inside a section no page entered, nor in a template no page used.
    @Test func unknownKeysAreFoundOnlyWhereSomePageRenders() throws {
        let page = "{{title}} {{tittle}}\n{{#items}}{{name}} {{nmae}} {{title}}{{/items}}\n{{#never}}{{ghost}}{{/never}}\n{{^empty}}{{fallback}}{{/empty}}\n{{> part}} {{person.name}}"
        let sources = [("page", page), ("part", "{{title}} {{partGhost}} {{#items}}{{.}}{{/items}}"), ("unused", "{{anything}}")]
        let (compiled, diagnostics) = Templates.compile(sources.map { ($0.0, $0.0, $0.1) }, folder: "t", requiring: [])
        let templates = try #require(compiled)
        #expect(diagnostics.isEmpty)
        var keyUse = TemplateKeyUse(slots: templates.slotCount)
        let context: [String: Any] = ["title": "T", "items": [["name": "a"]], "never": [[String: Any]](), "empty": false, "person": ["name": "P"]]
        _ = templates.renderBytes(context, with: "page", noting: &keyUse)
        #expect(TemplateCheck.unknownKeys(templates, keyUse: keyUse).map(\.description) == [
            "page:1:11: warning: no page gives this template 'tittle', so {{tittle}} is always empty; check the spelling",
            "page:2:20: warning: no page gives this template 'nmae', so {{nmae}} is always empty; check the spelling",
            "page:4:11: warning: no page gives this template 'fallback', so {{fallback}} is always empty; check the spelling",
            "part:1:11: warning: no page gives this template 'partGhost', so {{partGhost}} is always empty; check the spelling",
        ])
        // Key uses from two parts of a build add up: a later page that gives the key clears it.
        var other = TemplateKeyUse(slots: templates.slotCount)
        _ = templates.renderBytes(["tittle": "x", "empty": true], with: "page", noting: &other)
        keyUse.formUnion(other)
        #expect(!TemplateCheck.unknownKeys(templates, keyUse: keyUse).contains { $0.message.contains("'tittle'") })
    }

    /// The project's templates use no key their pages do not give, even on a site where optional
    /// parts (contents lists, contacts) never appear.
    @Test(arguments: [true, false])
    func theProjectTemplatesAskForNothingMissing(fullContent: Bool) async {
        let content = fullContent ? TestSite.content : TestSite.writeContent([
            "schools/test-school/school.yml": TestSite.schoolYML,
            "schools/test-school/p.md": TestSite.policy(body: "Only a paragraph.\n"),
        ])
        let (report, _) = await TestSite.build(content: content, write: false)
        #expect(report.succeeded)
        #expect(!report.diagnostics.contains { $0.message.contains("no page gives this template") }, "\(report.diagnostics.filter { $0.location.path.hasSuffix(".mustache") })")
    }
}
