import Foundation
import Testing
@testable import PolicySiteKit

/// Earlier versions in `<policy>.versions/<date>.md`: their pages, "what changed", permalinks.
@Suite struct VersionsTests {
    static let fixture = TestSite.fixture("versions")

    @Test func theEarlierVersionHasItsOwnPageWithASupersededBanner() async {
        let (report, site) = await TestSite.build(content: Self.fixture)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let old = TestSite.read(site, "test-school/online-safety/2024-09-01/index.html")
        #expect(old.contains("<strong>This version has been superseded.</strong>"))
        #expect(old.contains("<a href=\"../../../test-school/online-safety/index.html\">read the current version</a>"))
        #expect(old.contains("review-superseded"))
        #expect(old.contains("<div><dt>Version</dt><dd>1.0</dd></div>"))
        // Clause permalinks are the same ids in both versions.
        let current = TestSite.read(site, "test-school/online-safety/index.html")
        for id in ["clause-1.1", "clause-1.2", "clause-2.1", "clause-2.2", "section-2"] {
            #expect(old.contains("<p id=\"\(id)\"") || old.contains("<h2 id=\"\(id)\""), "\(id) in the old version")
            #expect(current.contains("<p id=\"\(id)\"") || current.contains("<h2 id=\"\(id)\""), "\(id) in the current version")
        }
        #expect(old.contains("id=\"clause-2.3\"") && current.contains("id=\"clause-2.3\""), "a removed clause's permalink lands on the note that it was removed")
        #expect(current.contains("href=\"../../test-school/online-safety/2024-09-01/index.html\""), "the current page links its earlier version")
    }

    @Test func whatChangedListsAddedRemovedAndRewordedClauses() async {
        let (_, site) = await TestSite.build(content: Self.fixture)
        let html = TestSite.read(site, "test-school/online-safety/index.html")
        #expect(html.contains("<h2 id=\"what-changed-title\">What changed since the version adopted on 1 September 2024 (version 1.0)</h2>"))
        #expect(html.contains("2 added, 1 removed and 2 reworded (5 changes in all)."))
        let heads = html.matches(of: #/<p class="change-head"><span class="change-kind">(\w+):</span> <a href="([^"]*)">([^<]*)</a>/#)
            .map { "\($0.1) \($0.3) \($0.2)" }
        #expect(heads == [
            "Reworded Clause 1.1 #clause-1.1",
            "Reworded Clause 2.2 #clause-2.2",
            "Removed Clause 2.3 ../../test-school/online-safety/2024-09-01/index.html#clause-2.3",
            "Added Section 3 heading #section-3",
            "Added Clause 3.1 #clause-3.1",
        ])
        #expect(html.contains("This policy applies to all staff <ins><span class=\"visually-hidden\">[inserted: </span>and volunteers<span class=\"visually-hidden\">]</span></ins>."))
        #expect(html.contains("<div class=\"change-text\">Staff may use personal phones in the staff room.</div>"))
    }

    @Test func versionFilesAreCheckedWhereTheyAre() async {
        let policy = TestSite.policy(body: "## 1. Intro\n\n1.1 Text.\n")
        let content = TestSite.writeContent([
            "schools/test-school/school.yml": TestSite.schoolYML,
            "schools/test-school/p.md": policy,
            "schools/test-school/p.versions/2024-09-01.md": "---\ntitle: Test Policy\nadopted: 2024-08-01\n---\n1.1 Old text.\n",
            "schools/test-school/p.versions/2026-01-01.md": "---\ntitle: Test Policy\n---\n1.1 Newer than the current one.\n",
            "schools/test-school/p.versions/old.md": policy,
            "schools/test-school/gone.versions/2024-09-01.md": policy,
        ])
        let (report, _) = await TestSite.build(content: content, write: false)
        let folder = content + "/schools/test-school/"
        let found = report.diagnostics.map { "\($0.severity) \($0.location.description.replacingOccurrences(of: folder, with: ""))" }
        #expect(found == [
            "warning gone.versions:1:1",
            "warning p.versions/2024-09-01.md:3:10",
            "warning p.versions/2026-01-01.md:1:1",
            "error p.versions/old.md:1:1",
        ])
    }

    @Test func theFeedHasAnEntryPerAdoption() async throws {
        let (_, site) = await TestSite.build(content: Self.fixture, baseURL: "https://school.example/policies/")
        let entries = try AtomCheck.validate(TestSite.read(site, "feed.atom"))
        #expect(entries.map(\.updated) == ["2025-09-15T00:00:00Z", "2024-09-01T00:00:00Z"])
        #expect(entries[0].title == "Re-adopted: Online Safety Policy (Test School)")
        #expect(entries[0].link == "https://school.example/policies/test-school/online-safety/")
        #expect(entries[0].summary.contains("Added: Clause 3.1"))
        #expect(entries[1].link == "https://school.example/policies/test-school/online-safety/2024-09-01/")
    }
}
