import Foundation
import Testing
@testable import PolicySiteKit

/// Whatever a colleague pastes, saves or links into `content/` (or `templates/`): the build reports
/// it at its exact place, finishes within its bound, and leaves `site/` and everything outside it
/// byte for byte as they were. Fixtures: Tests/Fixtures/hostile/ (huge ones are generated here).
@Suite(.serialized, .timeLimit(.minutes(3))) struct HostileInputTests {
    /// A hostile input: how to add it to a site with a good build, and what the build must say.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var setUp: @Sendable (HostileSite) -> Void
        var severity: Diagnostic.Severity
        /// The file the diagnostics are about, relative to the site's root folder.
        var path: String
        /// Each expected diagnostic: line, column and a part of its message.
        var expected: [(line: Int, column: Int, message: String)]
        var testDescription: String { name }
    }

    static let policy = HostileSite.publisher + "/hostile.md"
    static func fixture(_ name: String, at path: String = policy) -> @Sendable (HostileSite) -> Void {
        { $0.copyFixture(name, to: path) }
    }
    static func generated(_ body: @escaping @Sendable () -> String) -> @Sendable (HostileSite) -> Void {
        { $0.write([policy: Array(TestSite.policy(body: body()).utf8)]) }
    }
    /// Body lines of `TestSite.policy` start at file line 6.
    static let bodyLine = 6

    static let cases: [Case] = [
        Case(name: "front matter never closed", setUp: fixture("never-closed.md"), severity: .error,
             path: "content/" + policy, expected: [(1, 1, "front matter is never closed")]),
        Case(name: "YAML alias bomb (billion laughs)", setUp: fixture("billion-laughs.md"), severity: .error,
             path: "content/" + policy, expected: [(3, 7, "anchors and aliases")]),
        Case(name: "YAML alias bomb behind tabs and JSON-style keys", setUp: fixture("billion-laughs-tabs.md"), severity: .error,
             path: "content/" + policy, expected: [(3, 4, "anchors and aliases")]),
        Case(name: "YAML alias bomb in school.yml", setUp: fixture("billion-laughs-school.yml", at: "schools/bomb-school/school.yml"), severity: .error,
             path: "content/schools/bomb-school/school.yml", expected: [(3, 5, "anchors and aliases")]),
        Case(name: "YAML nested 10,000 deep", setUp: { $0.write([policy: Array(("---\ntitle: Deep\nx: " + String(repeating: "[", count: 10_000) + "\n---\n").utf8)]) },
             severity: .error, path: "content/" + policy, expected: [(3, 5, "YAML nests too deeply")]),
        Case(name: "10,000 nested list levels", setUp: generated { String(repeating: "- ", count: 10_000) + "x\n" }, severity: .error,
             path: "content/" + policy, expected: [(bodyLine, 129, "nest more than 64 levels")]),
        Case(name: "10,000 nested quotes", setUp: generated { String(repeating: ">", count: 10_000) + " x\n" }, severity: .error,
             path: "content/" + policy, expected: [(bodyLine, 65, "nest more than 64 levels")]),
        Case(name: "5 MB single line", setUp: generated { "1.1 " + String(repeating: "word ", count: 1_048_576) + "\n" }, severity: .error,
             path: "content/" + policy, expected: [(bodyLine, 100_001, "longer than 100000 characters")]),
        Case(name: "NUL byte", setUp: fixture("nul-byte.md"), severity: .error,
             path: "content/" + policy, expected: [(4, 16, "NUL byte")]),
        Case(name: "invalid UTF-8 (a Latin-1 é)", setUp: fixture("invalid-utf8.md"), severity: .error,
             path: "content/" + policy, expected: [(4, 4, "invalid UTF-8 (byte 0xE9)")]),
        Case(name: "byte-order mark", setUp: fixture("byte-order-mark.md"), severity: .warning,
             path: "content/" + policy, expected: [(3, 1, "unknown field 'colour'"), (9, 1, "raw HTML is not published")]),
        Case(name: "CRLF line ends", setUp: fixture("crlf.md"), severity: .warning,
             path: "content/" + policy, expected: [(3, 1, "unknown field 'colour'"), (9, 1, "raw HTML is not published")]),
        Case(name: "lone CR line ends", setUp: fixture("lone-cr.md"), severity: .warning,
             path: "content/" + policy, expected: [(3, 1, "unknown field 'colour'"), (9, 1, "raw HTML is not published")]),
        Case(name: "file name with ..", setUp: fixture("a..b.md", at: HostileSite.publisher + "/a..b.md"), severity: .error,
             path: "content/" + HostileSite.publisher + "/a..b.md", expected: [(1, 1, "not a valid slug")]),
        Case(name: "based_on with ../ and /", setUp: fixture("based-on-traversal.md"), severity: .error,
             path: "content/" + policy, expected: [(3, 11, "based_on must be 'publisher-slug/policy-slug'")]),
        Case(name: "form slug with ../ and /", setUp: fixture("form-slug-traversal.md"), severity: .error,
             path: "content/" + policy, expected: [(6, 1, "a form needs a slug and a title")]),
        Case(name: "symbolic link to a file outside content/", setUp: { $0.link("content/" + HostileSite.publisher + "/leak.md", to: "../../../outside/secret.md") },
             severity: .error, path: "content/" + HostileSite.publisher + "/leak.md", expected: [(1, 1, "points outside the content folder")]),
        Case(name: "symbolic link to a folder outside content/", setUp: { $0.link("content/schools/linked-school", to: "../../outside") },
             severity: .error, path: "content/schools/linked-school", expected: [(1, 1, "points outside the content folder")]),
        Case(name: "symbolic link that loops", setUp: { $0.link("content/" + HostileSite.publisher + "/loop.md", to: "loop.md") },
             severity: .error, path: "content/" + HostileSite.publisher + "/loop.md", expected: [(1, 1, "cannot be followed")]),
        Case(name: "named pipe as a policy", setUp: { _ = mkfifo($0.content + "/" + HostileSite.publisher + "/pipe.md", 0o644) },
             severity: .error, path: "content/" + HostileSite.publisher + "/pipe.md", expected: [(1, 1, "not a regular file")]),
        Case(name: "same slug by case (Good.md beside good.md)", setUp: fixture("never-closed.md", at: HostileSite.publisher + "/Good.md"), severity: .error,
             path: "content/" + HostileSite.publisher + "/Good.md", expected: [(1, 1, "not a valid slug")]),
        Case(name: "publisher folder with the address of a site page", setUp: { $0.write(["schools/accessibility/school.yml": Array(TestSite.schoolYML.utf8)]) },
             severity: .error, path: "content/schools/accessibility/school.yml", expected: [(1, 1, "would be published at /accessibility/index.html")]),
        Case(name: "same clause number twice", setUp: fixture("duplicate-clause.md"), severity: .warning,
             path: "content/" + policy, expected: [(10, 1, "Clause 5.1 appears twice in this policy (first at line 6)")]),
        Case(name: "empty policy file", setUp: fixture("empty.md"), severity: .error,
             path: "content/" + policy, expected: [(1, 1, "front matter missing")]),
        Case(name: "empty school.yml", setUp: fixture("empty-school.yml", at: "schools/empty-school/school.yml"), severity: .error,
             path: "content/schools/empty-school/school.yml", expected: [(1, 1, "missing required field 'name'")]),
        Case(name: "table 10,000 columns wide", setUp: generated { "|" + String(repeating: "a|", count: 10_000) + "\n|" + String(repeating: "-|", count: 10_000) + "\n" + String(repeating: "x\n", count: 10_000) },
             severity: .error, path: "content/" + policy, expected: [(bodyLine + 1, 1, "10000 columns")]),
        Case(name: "table of 100 columns over 5,000 lines", setUp: generated { "|" + String(repeating: "a|", count: 100) + "\n|" + String(repeating: "-|", count: 100) + "\n" + String(repeating: "x\n", count: 5_000) },
             severity: .error, path: "content/" + policy, expected: [(bodyLine + 1, 1, "more than 100000 cells")]),
        Case(name: "symbolic link inside the output folder", setUp: { $0.link("site/escape", to: "../outside") }, severity: .error,
             path: "site/escape", expected: [(1, 1, "output folder holds a symbolic link")]),
        Case(name: "templates that include each other", setUp: { s in for t in ["loop-a", "loop-b"] { s.copyFixture("templates/\(t).mustache", to: "\(t).mustache", under: s.templates) } },
             severity: .error, path: "templates/loop-b.mustache", expected: [(1, 9, "loop (loop-a → loop-b → loop-a)")]),
        Case(name: "template that includes itself", setUp: { $0.copyFixture("templates/itself.mustache", to: "itself.mustache", under: $0.templates) },
             severity: .error, path: "templates/itself.mustache", expected: [(1, 14, "includes itself")]),
        Case(name: "template that includes a missing partial", setUp: { $0.copyFixture("templates/missing-partial.mustache", to: "missing-partial.mustache", under: $0.templates) },
             severity: .error, path: "templates/missing-partial.mustache", expected: [(1, 1, "'nowhere.mustache', included here, is not in the templates folder")]),
        Case(name: "template that takes a partial's name from data", setUp: { $0.copyFixture("templates/dynamic-partial.mustache", to: "dynamic-partial.mustache", under: $0.templates) },
             severity: .error, path: "templates/dynamic-partial.mustache", expected: [(1, 1, "takes a template's name from the data")]),
        Case(name: "template key no page gives", setUp: { s in
                 let path = s.templates + "/policy.mustache"
                 let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                 try? text.replacingOccurrences(of: "<h1>{{title}}</h1>", with: "<h1>{{tittle}}</h1>").write(toFile: path, atomically: true, encoding: .utf8)
             }, severity: .warning, path: "templates/policy.mustache", expected: [(2, 5, "no page gives this template 'tittle'")]),
    ]

    @Test(arguments: cases)
    func isReportedAtItsPlaceAndChangesNothing(_ c: Case) async throws {
        let site = try #require(await HostileSite.make())
        c.setUp(site)
        // A warning lets a normal build through, so --strict shows that it, too, leaves site/ alone.
        let outcome = await site.build(strict: c.severity == .warning)
        #expect(!outcome.report.succeeded)
        #expect(outcome.outputUnchanged, "site/ changed")
        #expect(outcome.restUnchanged, "something outside site/ changed")
        Self.expectBounded(outcome)
        var diagnostics = outcome.report.diagnostics
        if c.severity == .warning {
            let lenient = await site.build()
            #expect(lenient.report.succeeded)
            #expect(lenient.restUnchanged, "something outside site/ changed")
            Self.expectBounded(lenient)
            diagnostics = lenient.report.diagnostics
        }
        for e in c.expected {
            let location = SourceLocation(path: site.root + "/" + c.path, line: e.line, column: e.column)
            let found = diagnostics.first { $0.location == location && $0.message.contains(e.message) }
            #expect(found?.severity == c.severity, "expected \(c.severity) at \(location): \(e.message); got \(diagnostics.prefix(4).map(\.description))")
        }
    }

    /// 100,000 clauses in one policy build without anything quadratic: a step that scans all
    /// anchors for each anchor would take hours at this size. The release build takes about 5 s
    /// (docs/robustness.md); the bound leaves room for this debug build on a busy shared machine.
    @Test(.timeLimit(.minutes(3)))
    func aHundredThousandClausesBuildInBoundedTime() async throws {
        let site = try #require(await HostileSite.make())
        let body = (0..<100_000).map { "\($0 / 999 + 1).\($0 % 999 + 1) Clause text.\n" }.joined(separator: "\n")
        site.write([Self.policy: Array(TestSite.policy(body: body).utf8)])
        let outcome = await site.build()
        #expect(outcome.report.succeeded)
        #expect(outcome.report.diagnostics.isEmpty)
        #expect(outcome.restUnchanged)
        Self.expectBounded(outcome, seconds: 120)
        #expect(TestSite.read(site.output, "test-school/hostile/index.html").contains("id=\"clause-101.100\""))
    }

    /// 100,000 copies of clause 1.1: each copy gets the next free id and a warning naming the first,
    /// found through dictionaries (this took some 20 minutes when each copy scanned all anchors).
    @Test func aHundredThousandCopiesOfOneClauseParseInBoundedTime() throws {
        let text = TestSite.policy(body: String(repeating: "1.1 Text.\n\n", count: 100_000))
        let clock = ContinuousClock()
        let start = clock.now
        let (parsed, diagnostics) = Policy.parse(text, school: Slug(validating: "s")!, slug: Slug(validating: "p")!, path: "p.md")
        let policy = try #require(parsed)
        var renderer = PolicyBodyRenderer(policy: policy)
        let html = renderer.render()
        #expect(clock.now - start < .seconds(30))
        #expect(diagnostics.count == 99_999)
        #expect(diagnostics.first?.location == SourceLocation(path: "p.md", line: Self.bodyLine + 2, column: 1))
        #expect(diagnostics.last?.location == SourceLocation(path: "p.md", line: Self.bodyLine + 199_998, column: 1))
        #expect(diagnostics.last?.message.hasPrefix("Clause 1.1 appears twice in this policy (first at line \(Self.bodyLine))") == true)
        #expect(html.contains("<p id=\"clause-1.1-100000\" class=\"clause\">"))
    }

    /// The time and memory bound of one build (a debug build, on a shared machine).
    static func expectBounded(_ outcome: HostileSite.Outcome, seconds: Double = 10, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let phases = outcome.report.timings.map { "\($0.step.rawValue) \(Int($0.seconds * 1000)) ms" }.joined(separator: ", ")
        #expect(outcome.seconds < seconds, "took \(outcome.seconds) s: \(phases)", sourceLocation: sourceLocation)
        #expect(outcome.peakGrowthMB < 1024, "peak memory grew by \(outcome.peakGrowthMB) MB", sourceLocation: sourceLocation)
    }
}
