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
        #expect(tags[4].enclosing == [TemplateTag.Enclosing(name: "s", inverted: false)])
        #expect(tags[6].enclosing == [TemplateTag.Enclosing(name: "n", inverted: true)])
        #expect(tags[7].kind == .partial && tags[7].enclosing.isEmpty)
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

    @Test func unknownKeysAreFoundOnlyWhereSomePageRenders() {
        let page = "{{title}} {{tittle}}\n{{#items}}{{name}} {{nmae}}{{/items}}\n{{#never}}{{ghost}}{{/never}}\n{{^empty}}{{fallback}}{{/empty}}\n{{> part}}"
        let tags = Self.tags(["page": page, "part": "{{title}} {{partGhost}}", "unused": "{{anything}}"])
        let context: [String: Any] = ["title": "T", "items": [["name": "a"]], "never": [[String: Any]](), "empty": false]
        let found = TemplateCheck.unknownKeys(tags, paths: ["page": "page", "part": "part", "unused": "unused"],
                                              vocabularies: ["page": ContextVocabulary(context)])
        #expect(found.map(\.description) == [
            "page:1:11: warning: no page gives this template 'tittle', so {{tittle}} is always empty; check the spelling",
            "page:2:20: warning: no page gives this template 'nmae', so {{nmae}} is always empty; check the spelling",
            "page:4:11: warning: no page gives this template 'fallback', so {{fallback}} is always empty; check the spelling",
            "part:1:11: warning: no page gives this template 'partGhost', so {{partGhost}} is always empty; check the spelling",
        ])
    }

    /// A vocabulary holds the keys at any depth (in dictionaries, arrays of them, and arrays of
    /// anything), each truthy or falsy as the check reads it: an empty string or array is falsy.
    @Test func vocabularyHoldsKeysAtAnyDepthWithTheirTruth() {
        let context: [String: Any] = [
            "title": "T", "blank": "", "on": true, "off": false, "count": 0,
            "items": [["name": "a", "tags": ["x"]]] as [[String: Any]], "none": [[String: Any]](),
            "mixed": ["s", ["deep": ["deeper": ""] as [String: Any]] as [String: Any], [["inner": 1] as [String: Any]]] as [Any],
        ]
        var vocabulary = ContextVocabulary(context)
        let truthy: ContextVocabulary.Seen = .truthy, falsy: ContextVocabulary.Seen = .falsy
        let expected: [String: ContextVocabulary.Seen] = [
            "title": truthy, "blank": falsy, "on": truthy, "off": falsy, "count": truthy, "items": truthy, "name": truthy,
            "tags": truthy, "none": falsy, "mixed": truthy, "deep": truthy, "deeper": falsy, "inner": truthy,
        ]
        #expect(vocabulary.seen == expected)
        vocabulary.formUnion(ContextVocabulary(["title": "", "new": true]))
        #expect(vocabulary.seen["title"] == [.truthy, .falsy] && vocabulary.contains("new") && !vocabulary.contains("nothing"))
        #expect(vocabulary.wasEntered(.init(name: "title", inverted: true)) && vocabulary.wasEntered(.init(name: "nothing", inverted: true)))
        #expect(!vocabulary.wasEntered(.init(name: "none", inverted: false)) && !vocabulary.wasEntered(.init(name: "on", inverted: true)))
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
