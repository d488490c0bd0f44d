import Foundation
import Testing
@testable import PolicySiteKit

/// Whole-site builds of `content/` and of small fixture sites, into temporary folders.
@Suite struct SiteBuildTests {
    static let policies = [
        "ashley-college/digital-safety-and-acceptable-use",
        "roe-green-junior-school/digital-online-safety-and-acceptable-use",
        "derbyshire-county-council/acceptable-use-of-it",
        "walsall-school/safer-social-media-practice",
        "school-trust-model/social-media",
    ]

    @Test func contentBuildsWithAPagePerPublisherAndPolicy() async {
        let (report, site) = await TestSite.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(FileManager.default.fileExists(atPath: site + "/index.html"))
        for policy in Self.policies {
            let publisher = String(policy.split(separator: "/")[0])
            #expect(FileManager.default.fileExists(atPath: "\(site)/\(publisher)/index.html"))
            #expect(FileManager.default.fileExists(atPath: "\(site)/\(policy)/index.html"))
        }
        let home = TestSite.read(site, "index.html")
        #expect(home.contains("Roe Green Junior School") && home.contains("Derbyshire County Council"))
    }

    static let anchors: [(String, String)] = [
        ("roe-green-junior-school/digital-online-safety-and-acceptable-use", "clause-5.12"),
        ("roe-green-junior-school/digital-online-safety-and-acceptable-use", "clause-11.9"),
        ("roe-green-junior-school/digital-online-safety-and-acceptable-use", "appendix-2"),
        ("derbyshire-county-council/acceptable-use-of-it", "clause-9.9.3"),
        ("derbyshire-county-council/acceptable-use-of-it", "clause-9.9.3-a"),
        ("derbyshire-county-council/acceptable-use-of-it", "section-17"),
        ("school-trust-model/social-media", "clause-10.2"),
        ("school-trust-model/social-media", "clause-2.1"),
        ("ashley-college/digital-safety-and-acceptable-use", "section-12"),
        ("ashley-college/digital-safety-and-acceptable-use", "appendix-3"),
        ("walsall-school/safer-social-media-practice", "appendix-b"),
        ("walsall-school/safer-social-media-practice", "rationale"),
    ]

    @Test func seedClausesHaveTheirAnchorsAndPermalinks() async {
        let (report, site) = await TestSite.build()
        #expect(report.succeeded)
        for (policy, id) in Self.anchors {
            let html = TestSite.read(site, policy + "/index.html")
            #expect(html.contains("id=\"\(id)\""), "\(policy)#\(id)")
            #expect(html.contains("href=\"#\(id)\""), "permalink for \(policy)#\(id)")
        }
    }

    @Test func everyNumberedClauseInTheSeedsHasAnAnchor() async {
        let (report, _) = await TestSite.build(write: false)
        guard let site = report.site else { Issue.record("no site"); return }
        let expected: [String: [String]] = [
            "roe-green-junior-school": (1...13).map { "5.\($0)" } + (1...9).map { "11.\($0)" } + (1...6).map { "10.\($0)" },
            "derbyshire-county-council": ["3.1", "3.2", "7.4", "9.9", "9.9.1", "9.9.4", "13.4", "17.3"],
            "school-trust-model": ["2.1", "2.5", "3.3", "4.1", "10.5", "11.2"],
        ]
        for (publisher, numbers) in expected {
            let ids = Set(site.publisher(Slug(validating: publisher)!)!.policies.flatMap { $0.outline.anchors.map(\.id) })
            for n in numbers { #expect(ids.contains("clause-\(n)"), "\(publisher) \(n)") }
        }
    }

    @Test func twoBuildsAreByteIdentical() async {
        let (first, a) = await TestSite.build()
        let (second, b) = await TestSite.build()
        #expect(first.succeeded && second.succeeded)
        let sa = TestSite.snapshot(a), sb = TestSite.snapshot(b)
        #expect(sa.keys.sorted() == sb.keys.sorted())
        for (path, data) in sa { #expect(sb[path] == data, "\(path) differs") }
    }

    @Test func aSecondBuildWritesNothing() async {
        let (first, site) = await TestSite.build()
        let (second, _) = await TestSite.build(output: site)
        #expect(first.written > 0)
        #expect(second.written == 0 && second.removed == 0 && second.unchanged == first.written + first.unchanged)
    }

    @Test func brokenFrontMatterFailsAndLeavesTheSiteUntouched() async throws {
        let content = TestSite.writeContent([
            "schools/test-school/school.yml": TestSite.schoolYML,
            "schools/test-school/good.md": TestSite.policy(body: "## 1. Intro\n\n1.1 Text.\n"),
        ])
        let (ok, site) = await TestSite.build(content: content)
        #expect(ok.succeeded)
        let before = TestSite.snapshot(site)
        try "---\ntitle: Broken\nadopted: [2025\n---\nBody\n".write(toFile: content + "/schools/test-school/good.md", atomically: true, encoding: .utf8)
        let (failed, _) = await TestSite.build(content: content, output: site)
        #expect(!failed.succeeded)
        let error = failed.diagnostics.first { $0.severity == .error }
        #expect(error?.location.path == content + "/schools/test-school/good.md")
        #expect(error?.location.line == 4)
        #expect(TestSite.snapshot(site) == before)
    }

    @Test func brokenInternalLinkFailsWithItsSourceLine() async {
        let content = TestSite.writeContent([
            "schools/test-school/school.yml": TestSite.schoolYML,
            "schools/test-school/p.md": TestSite.policy(body: "## 1. Intro\n\nSee [the rules](#clause-9.9).\n"),
        ])
        let (report, site) = await TestSite.build(content: content)
        #expect(!report.succeeded)
        #expect(report.diagnostics.map(\.location) == [SourceLocation(path: content + "/schools/test-school/p.md", line: 8, column: 1)])
        #expect(report.diagnostics.first?.message.contains("#clause-9.9") == true)
        // The pages were rendered into a staging folder beside the output; both are gone.
        let parent = (site as NSString).deletingLastPathComponent
        #expect(!FileManager.default.fileExists(atPath: site))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? ["?"]).isEmpty)
    }

    /// A rebuild after one edit stages only the changed pages and moves them into place; every
    /// other file keeps its inode (it was not rewritten), and the output holds no staging leftovers.
    @Test func aRebuildReplacesOnlyWhatChanged() async throws {
        let content = TestSite.writeContent([
            "schools/test-school/school.yml": TestSite.schoolYML,
            "schools/test-school/a.md": TestSite.policy(title: "Alpha", body: "## 1. Intro\n\nFirst text.\n"),
            "schools/test-school/b.md": TestSite.policy(title: "Beta", body: "## 1. Intro\n\nOther text.\n"),
        ])
        let out = TestSite.temporaryFolder() + "/site"
        let (first, _) = await TestSite.build(content: content, output: out)
        #expect(first.succeeded)
        func inode(_ path: String) throws -> Int { try #require(FileManager.default.attributesOfItem(atPath: out + "/" + path)[.systemFileNumber] as? Int) }
        let before = (a: try inode("test-school/a/index.html"), b: try inode("test-school/b/index.html"))
        try "---\ntitle: Alpha\nadopted: 2025-09-01\nreview_due: 2027-09-01\n---\n## 1. Intro\n\nChanged text.\n"
            .write(toFile: content + "/schools/test-school/a.md", atomically: true, encoding: .utf8)
        let (second, _) = await TestSite.build(content: content, output: out)
        #expect(second.succeeded)
        #expect(second.written > 0 && second.written < first.written, "\(second.written) of \(first.written)")
        #expect(TestSite.read(out, "test-school/a/index.html").contains("Changed text."))
        #expect(try inode("test-school/a/index.html") != before.a)
        #expect(try inode("test-school/b/index.html") == before.b)
        let parent = (out as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["site"])
    }

    @Test func unsafeLinksAndRawHTMLNeverReachThePage() async {
        let content = TestSite.writeContent([
            "schools/test-school/school.yml": TestSite.schoolYML,
            "schools/test-school/p.md": TestSite.policy(body: "[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](java\tscript:x) [d](data:text/html,hi)\n\n<iframe src=x></iframe>\n\nHi <img src=x onerror=alert(1)> &lt;b&gt;\n"),
        ])
        let (report, site) = await TestSite.build(content: content)
        #expect(report.succeeded)
        let html = TestSite.read(site, "test-school/p/index.html")
        for bad in ["javascript:", "JAVASCRIPT:", "data:text", "<iframe", "onerror"] { #expect(!html.contains(bad), "\(bad)") }
        #expect(html.contains("&lt;b&gt;"))
        #expect(report.diagnostics.count >= 4)
    }

    @Test func strictMakesWarningsErrors() async {
        let content = TestSite.writeContent([
            "schools/test-school/school.yml": TestSite.schoolYML,
            "schools/test-school/p.md": TestSite.policy(extra: "colour: blue\n", body: "Text\n"),
        ])
        let (lenient, _) = await TestSite.build(content: content)
        let (strict, _) = await TestSite.build(content: content, strict: true)
        #expect(lenient.succeeded && !strict.succeeded)
        #expect(strict.diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func hostileSlugsAreRefused() async {
        let content = TestSite.writeContent([
            "schools/Bad School/school.yml": TestSite.schoolYML,
            "schools/ok-school/school.yml": TestSite.schoolYML,
            "schools/ok-school/..evil.md": TestSite.policy(body: "x"),
            "schools/ok-school/Policy One.md": TestSite.policy(body: "x"),
        ])
        let (report, _) = await TestSite.build(content: content)
        #expect(!report.succeeded)
        let messages = report.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(messages.filter { $0.contains("not a valid slug") }.count == 2)
    }

    @Test func outputFolderWithForeignFilesIsRefused() async throws {
        let content = TestSite.writeContent(["schools/a/school.yml": TestSite.schoolYML])
        let output = TestSite.temporaryFolder()
        try "keep me".write(toFile: output + "/notes.txt", atomically: true, encoding: .utf8)
        let (report, _) = await TestSite.build(content: content, output: output)
        #expect(!report.succeeded)
        #expect(FileManager.default.fileExists(atPath: output + "/notes.txt"))
    }
}
