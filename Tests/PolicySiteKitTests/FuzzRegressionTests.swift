import Foundation
import Testing
@testable import PolicySiteKit

/// Inputs that once crashed the generator or made it fault (Tests/Fixtures/fuzz/regressions/), and
/// the hostile fixtures, replayed through the fuzz target's pipeline (`InMemoryBuild`).
@Suite(.timeLimit(.minutes(1))) struct FuzzRegressionTests {
    static let pipeline = InMemoryBuild.make(templates: TestSite.templates, content: TestSite.content).0

    static let inputs: [String] = {
        var files: [String] = []
        for folder in ["fuzz/regressions", "hostile"] {
            let path = TestSite.fixture(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
            files += names.filter { $0 != "README.md" && !$0.hasSuffix(".mustache") && $0 != "templates" }.map { folder + "/" + $0 }
        }
        return files
    }()

    @Test func everyRegressionInputIsReplayed() {
        for name in ["fuzz/regressions/quoted-heading", "fuzz/regressions/form-in-list-item", "hostile/unsafe-everywhere.md", "hostile/billion-laughs.md"] {
            #expect(Self.inputs.contains(name))
        }
    }

    /// Each input as written, with its body in a block quote, and in a list item.
    @Test(arguments: inputs, [nil, InMemoryBuild.quoteBody, InMemoryBuild.listBody])
    func replaysWithoutFault(_ name: String, container: UInt8?) throws {
        let pipeline = try #require(Self.pipeline)
        var bytes = try [UInt8](#require(FileManager.default.contents(atPath: TestSite.fixture(name))))
        if let container { bytes.insert(container, at: bytes.firstIndex(of: InMemoryBuild.separator).map { $0 + 1 } ?? 0) }
        let clock = ContinuousClock()
        var result = InMemoryBuild.Result()
        let elapsed = clock.measure { result = pipeline.run(bytes) }
        #expect(result.faults.isEmpty, "\(result.faults)")
        #expect(elapsed < .seconds(5))
    }

    /// A heading inside a block quote crashed the renderer (its anchor was force-unwrapped).
    @Test func aHeadingInsideAQuoteHasAnAnchor() throws {
        let pipeline = try #require(Self.pipeline)
        let bytes = try #require(FileManager.default.contents(atPath: TestSite.fixture("fuzz/regressions/quoted-heading")))
        let result = pipeline.run([UInt8](bytes))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let html = String(decoding: result.pages["fuzz-school/fuzz-policy/index.html"] ?? [], as: UTF8.self)
        #expect(html.contains("<blockquote>\n<h2 id=\"a-heading-inside-a-quote\""))
        #expect(html.contains("<p id=\"clause-1.1\" class=\"clause\">"))
    }

    /// A form inside a list item was listed in the contents but rendered as code, so the contents
    /// linked to an id the page did not have.
    @Test func aFormInsideAListItemIsRenderedAsAForm() throws {
        let pipeline = try #require(Self.pipeline)
        let bytes = try #require(FileManager.default.contents(atPath: TestSite.fixture("fuzz/regressions/form-in-list-item")))
        let result = pipeline.run([UInt8](bytes))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let html = String(decoding: result.pages["fuzz-school/fuzz-policy/index.html"] ?? [], as: UTF8.self)
        #expect(html.contains("<section class=\"form\" id=\"form-staff-declaration\""))
        #expect(html.contains("<span class=\"field-label\">Signed:</span>"))
    }

    /// The fault oracle can fail: a template that links to an id no page has, or carries an inline
    /// handler, is a fault for any input.
    @Test(arguments: [("<h1>{{title}}</h1>", "<h1><a href=\"#nowhere\">{{title}}</a></h1>", "#nowhere"),
                      ("<h1>{{title}}</h1>", "<h1 onclick=\"x()\">{{title}}</h1>", "onclick=")])
    func aBrokenTemplateIsAFault(_ edit: (String, String, String)) throws {
        let templates = TestSite.temporaryFolder("templates") + "/templates"
        try FileManager.default.copyItem(atPath: TestSite.templates, toPath: templates)
        let file = templates + "/policy.mustache"
        try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: edit.0, with: edit.1).write(toFile: file, atomically: true, encoding: .utf8)
        let pipeline = try #require(InMemoryBuild.make(templates: templates).0)
        let result = pipeline.run(Array("---\ntitle: A\n---\nText.\n".utf8))
        #expect(result.faults.count == 1)
        #expect(result.faults.first?.message.contains(edit.2) == true, "\(result.faults)")
    }

    @Test func aContainerByteWrapsTheBodyAfterTheFrontMatter() {
        let policy = "---\ntitle: A\n---\n## 1. Heading\n\n1.1 Text.\n"
        #expect(InMemoryBuild.split([InMemoryBuild.quoteBody] + Array(policy.utf8)).policy
                == Array("---\ntitle: A\n---\n> ## 1. Heading\n> \n> 1.1 Text.\n> ".utf8))
        #expect(InMemoryBuild.split(Array("name: A\u{1E}\u{2}".utf8) + Array(policy.utf8)).policy
                == Array("---\ntitle: A\n---\n- ## 1. Heading\n  \n  1.1 Text.\n  ".utf8))
        #expect(InMemoryBuild.split([InMemoryBuild.quoteBody] + Array("no front matter".utf8)).policy == Array("> no front matter".utf8))
    }

    @Test func anInputIsSplitAtTheFirstSeparator() {
        let (school, policy) = InMemoryBuild.split(Array("name: A\u{1E}---\ntitle: B\u{1E}\n---\n".utf8))
        #expect(school == Array("name: A".utf8))
        #expect(policy == Array("---\ntitle: B\u{1E}\n---\n".utf8))
        #expect(InMemoryBuild.split(Array("x".utf8)).school == InMemoryBuild.defaultSchool)
    }
}
