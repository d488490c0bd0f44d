import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PolicySiteKit

/// reviews.ics, feed.atom, sitemap.xml and export.json from the seed content.
@Suite struct FeedsTests {
    @Test func reviewsCalendarIsValidICalendar() async throws {
        let (report, site) = await TestSite.build(today: "2026-11-21")
        #expect(report.succeeded)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: site + "/reviews.ics")))
        let events = try ICalendarCheck.validate(bytes)
        let roe = try #require(events.first { $0.properties["UID"] == "review-roe-green-junior-school-digital-online-safety-and-acceptable-use@policy-site" })
        #expect(roe.properties["DTSTART"] == "20260930", "a month-only review date is due on the month's last day")
        #expect(roe.properties["DTSTAMP"] == "20250901T000000Z", "DTSTAMP comes from the adoption date, not the clock")
        #expect(roe.properties["SUMMARY"] == "Review due: Digital/Online Safety and Acceptable Use Policy for Schools (Roe Green Junior School)")
        #expect(events.count == 2, "only policies with a review date have an event")
    }

    /// An independent parser: Python's `icalendar` (installed by `make setup-test`).
    @Test func reviewsCalendarParsesWithPythonICalendar() async throws {
        let content = TestSite.writeContent([
            "schools/test-school/school.yml": "name: \"St Mary's; Church, School \\\\ Trust\"\nkind: school\n",
            "schools/test-school/p.md": TestSite.policy(title: "Long title with commas, semicolons; backslashes \\\\ and “quotes” – and non-ASCII é ü ß 漢字 repeated to force folding", body: "Text\n"),
        ])
        let (report, site) = await TestSite.build(content: content, baseURL: "https://school.example/policies/")
        #expect(report.succeeded, "\(report.diagnostics)")
        let path = site + "/reviews.ics"
        _ = try ICalendarCheck.validate([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        let script = """
        import sys, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        for event in cal.walk('VEVENT'):
            print(event['UID'])
            print(event['SUMMARY'])
            print(event.decoded('DTSTART').isoformat())
            print(event.decoded('DTSTAMP').isoformat())
            print(event['URL'])
        """
        let (status, output) = try Python.run(script, arguments: [path])
        #expect(status == 0, "python icalendar could not read reviews.ics (run `make setup-test`): \(output)")
        #expect(output.split(separator: "\n").map(String.init) == [
            "review-test-school-p@policy-site",
            "Review due: Long title with commas, semicolons; backslashes \\ and “quotes” – and non-ASCII é ü ß 漢字 repeated to force folding (St Mary's; Church, School \\ Trust)",
            "2027-09-01",
            "2025-09-01T00:00:00+00:00",
            "https://school.example/policies/test-school/p/",
        ])
    }

    @Test(arguments: ["Hello, world; \\ done\nnext", String(repeating: "é漢", count: 60)])
    func foldingAndEscaping(_ text: String) throws {
        let line = "DESCRIPTION:" + ReviewCalendar.escape(text)
        let folded = ReviewCalendar.fold(line)
        let physical = folded.components(separatedBy: "\r\n")
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(physical.first! + physical.dropFirst().map { String($0.dropFirst()) }.joined() == line)
        #expect(!ICalendarCheck.unescapedSpecial(ReviewCalendar.escape(text)))
    }

    @Test func atomFeedIsValidAndDeterministic() async throws {
        let (_, a) = await TestSite.build()
        let (_, b) = await TestSite.build()
        let xml = TestSite.read(a, "feed.atom")
        #expect(xml == TestSite.read(b, "feed.atom"))
        let entries = try AtomCheck.validate(xml)
        #expect(entries.map(\.updated) == ["2025-09-01T00:00:00Z", "2020-09-01T00:00:00Z"])
        #expect(entries[0].link == "/roe-green-junior-school/digital-online-safety-and-acceptable-use/")
        #expect(xml.contains("<updated>2025-09-01T00:00:00Z</updated>\n<author>"), "the feed's updated is its newest entry")
        #expect(TestSite.read(a, "index.html").contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Adoptions and changes\" href=\"feed.atom\">"))
    }

    @Test func sitemapListsEveryPageWithAbsoluteURLs() async throws {
        let (_, site) = await TestSite.build(baseURL: "https://school.example/policies/")
        let xml = TestSite.read(site, "sitemap.xml")
        let document = try XMLDocument(xmlString: xml, options: [])
        let locs = try document.nodes(forXPath: "//*[local-name()='loc']").compactMap(\.stringValue)
        let pages = TestSite.snapshot(site).keys.filter { $0.hasSuffix("index.html") }
            .map { "https://school.example/policies/" + String($0.dropLast("index.html".count)) }
        #expect(Set(locs) == Set(pages))
        #expect(locs.count == Set(locs).count)
        #expect(locs.contains("https://school.example/policies/roe-green-junior-school/digital-online-safety-and-acceptable-use/compare/ashley-college/"))
    }

    /// The export is written record by record; its bytes must be exactly what `JSONEncoder` makes
    /// of the schema's `Document` (pretty, sorted keys), for the seeds and for a site with
    /// characters JSON must escape and fields left out.
    @Test(arguments: [false, true]) func jsonExportWriterMatchesJSONEncoder(awkward: Bool) async throws {
        let content = awkward ? TestSite.writeContent([
            "schools/test-school/school.yml": "name: \"Quote \\\" back\\\\slash / tab\\t bell\\a é\"\nkind: school\n",
            "schools/test-school/p.md": TestSite.policy(title: "Title \\\\ with \\\" quotes", body: "1. Intro\n\nText with a\ttab and </script>\n"),
        ]) : TestSite.content
        let options = BuildOptions(content: content, templates: TestSite.templates, output: TestSite.temporaryFolder() + "/site",
                                   baseURL: BaseURL("https://school.example/p/")!, today: PolicyDate(iso: "2026-11-21")!)
        let report = await SiteBuilder(options: options).build(write: false)
        let site = try #require(report.site)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = [UInt8](try encoder.encode(JSONExport.document(site, options: options, lineage: Lineage(site)))) + [0x0A]
        let written = JSONExport.bytes(site, options: options, lineage: Lineage(site))
        #expect(written.count > 200)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test func jsonExportHasStableUniqueIds() async throws {
        let (_, site) = await TestSite.build(today: "2026-11-21")
        let data = try Data(contentsOf: URL(fileURLWithPath: site + "/export.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["schemaVersion"] as? Int == 1)
        let publishers = try #require(root["publishers"] as? [[String: Any]])
        let policies = try #require(root["policies"] as? [[String: Any]])
        let clauses = try #require(root["clauses"] as? [[String: Any]])
        #expect((root["legislation"] as? [Any])?.isEmpty == true)
        let clauseIDs = clauses.compactMap { $0["id"] as? String }
        #expect(Set(clauseIDs).count == clauseIDs.count)
        #expect(Set(publishers.compactMap { $0["id"] as? String }).count == 5)
        for policy in policies {
            for id in policy["clauses"] as? [String] ?? [] { #expect(Set(clauseIDs).contains(id)) }
        }
        let roe = try #require(policies.first { $0["id"] as? String == "roe-green-junior-school/digital-online-safety-and-acceptable-use" })
        #expect(roe["reviewStatus"] as? String == "overdue")
        #expect(roe["reviewDeadline"] as? String == "2026-09-30")
        #expect(roe["sameModelAs"] as? [String] == ["ashley-college/digital-safety-and-acceptable-use"])
        let clause = try #require(clauses.first { $0["id"] as? String == "roe-green-junior-school/digital-online-safety-and-acceptable-use#clause-5.11" })
        #expect((clause["text"] as? String)?.hasPrefix("Special consideration may be given") == true)
        #expect(clause["url"] as? String == "/roe-green-junior-school/digital-online-safety-and-acceptable-use/#clause-5.11")
    }

    @Test func comparisonPageListsTheClausesRoeGreenAdded() async throws {
        let (report, site) = await TestSite.build()
        #expect(report.succeeded)
        let html = TestSite.read(site, "roe-green-junior-school/digital-online-safety-and-acceptable-use/compare/ashley-college/index.html")
        let added = try #require(html.range(of: "<h2 id=\"added\">")?.upperBound)
        let removed = try #require(html.range(of: "<h2 id=\"removed\">")?.lowerBound)
        let section = String(html[added..<removed])
        #expect(section.hasPrefix("Only in Roe Green Junior School’s policy (13)</h2>"))
        let addedLabels = section.matches(of: #/<p class="change-head"><a href="[^"]*?(#[^"]*)?">([^<]*)</a>/#).map { "\($0.2)\($0.1.map { " " + $0 } ?? "")" }
        #expect(addedLabels == [
            "Opening text, paragraph 1", "Opening text, paragraph 2", "Opening text, paragraph 3", "Opening text, paragraph 4",
            "Clause 5.11 #clause-5.11", "Section 8 heading #section-8", "Clause 8.1 #clause-8.1", "Clause 8.2 #clause-8.2",
            "Clause 9.5 #clause-9.5", "Clause 10.6 #clause-10.6",
            "How to Stay ‘Cybersafe’ – Do’s and Don’ts for school staff, paragraph 4 #how-to-stay-cybersafe-dos-and-donts-for-school-staff",
            "Form: Acceptable use of the school&#39;s ICT facilities and the internet: agreement for staff, governors, volunteers and visitors #form-acceptable-use-agreement",
            "Appendix 5 heading #appendix-5",
        ])
        #expect(section.contains("trade union activity"))
        let back = TestSite.read(site, "ashley-college/digital-safety-and-acceptable-use/compare/roe-green-junior-school/index.html")
        #expect(back.contains("<h2 id=\"removed\">Only in Roe Green Junior School’s policy (13)</h2>"), "the same comparison from Ashley College's side")
        let policy = TestSite.read(site, "roe-green-junior-school/digital-online-safety-and-acceptable-use/index.html")
        #expect(policy.contains("href=\"../../roe-green-junior-school/digital-online-safety-and-acceptable-use/compare/ashley-college/index.html\">Ashley College</a>"))
    }
}
