import Foundation
import Testing
@testable import PolicySiteKit

/// The clause index and the legislation pages built from `content/`.
@Suite struct ReferenceSiteTests {
    @Test func harassmentActPageLinksTheOfficialTextAndItsCitingClauses() async {
        let (report, site) = await TestSite.build()
        #expect(report.succeeded)
        let html = TestSite.read(site, "legislation/protection-from-harassment-act-1997/index.html")
        #expect(html.contains(#"<a href="https://www.legislation.gov.uk/ukpga/1997/40">"#))
        for (publisher, place) in [
            ("Ashley College", "../../ashley-college/digital-safety-and-acceptable-use/index.html#section-12"),
            ("Roe Green Junior School", "../../roe-green-junior-school/digital-online-safety-and-acceptable-use/index.html#section-13"),
            ("The School (Walsall)", "../../walsall-school/safer-social-media-practice/index.html#protection-from-harassment-act-1997"),
        ] {
            #expect(html.contains("<h3>\(publisher)</h3>"), "\(publisher)")
            #expect(html.contains("<a href=\"\(place)\">"), "\(place)")
        }
    }

    @Test func everyActInTheSeedsHasAPageAndTheListingCountsCitations() async {
        let (_, site) = await TestSite.build()
        let listing = TestSite.read(site, "legislation/index.html")
        for (slug, _) in LegislationDataTests.identifiers {
            #expect(FileManager.default.fileExists(atPath: "\(site)/legislation/\(slug)/index.html"), "\(slug)")
            #expect(listing.contains("href=\"../legislation/\(slug)/index.html\""), "\(slug)")
        }
        #expect(listing.contains(#"<td><a href="../legislation/defamation-act-1996/index.html">Defamation Act 1996</a></td>"# + "\n<td>In force</td>\n<td>2 places</td>"))
        #expect(listing.contains(#"<td><a href="../legislation/equality-act-2010/index.html">Equality Act 2010</a></td>"# + "\n<td>In force</td>\n<td>Not cited</td>"))
    }

    @Test func walsallPageFlagsRepealedLegislation() async {
        let (report, site) = await TestSite.build()
        let html = TestSite.read(site, "walsall-school/index.html")
        #expect(html.contains("cites legislation that has been repealed: <a href=\"../legislation/data-protection-act-1998/index.html\">Data Protection Act 1998</a> (repealed)"))
        let warning = report.diagnostics.first { $0.message.hasPrefix("cites the Data Protection Act 1998") }
        #expect(warning?.location == SourceLocation(path: TestSite.content + "/schools/walsall-school/safer-social-media-practice.md", line: 163, column: 5))
    }

    @Test func clauseIndexListsEveryClauseOfEverySeedPolicy() async throws {
        let (report, site) = await TestSite.build()
        let built = try #require(report.site)
        let html = TestSite.read(site, "clauses/index.html")
        var numbered = 0
        for publisher in built.publishers {
            for policy in publisher.policies {
                for anchor in policy.outline.anchors {
                    #expect(html.contains("href=\"../\(publisher.school.slug)/\(policy.slug)/index.html#\(anchor.id)\""), "\(policy.path)#\(anchor.id)")
                    if anchor.kind == .clause || anchor.kind == .step { numbered += 1 }
                }
            }
        }
        #expect(numbered > 100)
        #expect(html.contains(##"<li><a href="../roe-green-junior-school/digital-online-safety-and-acceptable-use/index.html#clause-5.12">Clause 5.12</a> <span class="clause-text">"##))
        #expect(html.contains(##"<li><a href="../derbyshire-county-council/acceptable-use-of-it/index.html#clause-9.9.3">Clause 9.9.3</a> <span class="clause-text">Responding to Specific Concerns</span></li>"##))
    }

    @Test func clauseFilterIsAnExternalScriptAndTheBoxStartsHidden() async {
        let (_, site) = await TestSite.build()
        let html = TestSite.read(site, "clauses/index.html")
        #expect(html.contains(#"<div class="clause-filter no-print" id="clause-filter" hidden>"#))
        #expect(html.contains(#"<script src="../assets/clause-filter.js" defer></script>"#))
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(FileManager.default.fileExists(atPath: site + "/assets/clause-filter.js"))
        #expect(html.contains("script-src &#39;self&#39;"))
    }
}

/// Every run the body renderer links was scanned by the resolve phase, and the links it keeps are
/// exactly the links a fresh scan of the run reports.
@Suite struct FoundReferencesTests {
    /// Checks each run it is handed against a fresh scan, then links it as the build does.
    struct CheckingLinker: TextLinker {
        let linker: ReferenceLinker

        func segments(for text: String, in context: TextContext) -> [TextSegment] {
            let found = linker.found[context.policy.path]?.links(in: text, at: context.location)
            #expect(found != nil, "not scanned at \(context.location): \(text)")
            #expect(found == linker.scanner.scan(text, in: context.policy, isHeading: false).filter(\.isLink), "\(context.location)")
            return linker.segments(for: text, in: context)
        }
    }

    /// Runs that differ in one byte, in length only, or in place have different fingerprints; the
    /// same run at the same place has the same one.
    @Test func fingerprintsTellRunsApart() {
        let base = "Governors review this policy every year, see Section 4.2 of the Data Protection Act 2018."
        var seen: [Int: String] = [:]
        let here = SourceLocation(path: "p.md", line: 12, column: 3)
        for length in 0...base.utf8.count {
            let text = String(base.utf8.prefix(length))!
            var variants = [text, text + " "]
            if let last = text.last { variants.append(String(text.dropLast()) + (last == "x" ? "y" : "x")) }
            for variant in variants {
                let value = FoundReferences.fingerprint(variant, at: here)
                #expect(value == FoundReferences.fingerprint(variant, at: here))
                if let other = seen[value] { #expect(other == variant, "\(other) and \(variant) collide") }
                seen[value] = variant
            }
        }
        let text = "Appendix 2"
        let places = [(12, 3), (12, 4), (13, 3), (3, 12), (0, 0), (1 << 20, 7)].map { SourceLocation(path: "p.md", line: $0.0, column: $0.1) }
        #expect(Set(places.map { FoundReferences.fingerprint(text, at: $0) }).count == places.count)
    }

    @Test func theRendererReusesTheResolvePhaseScan() async throws {
        let (report, _) = await TestSite.build(write: false)
        let site = try #require(report.site)
        let legislation = try LegislationDataTests.glossary()
        let scanner = ReferenceScanner(site: site, legislation: legislation)
        let index = ReferenceIndex.build(site: site, legislation: legislation, scanner: scanner, sourceTexts: [:])
        let reusing = ReferenceLinker(scanner: scanner, legislation: legislation, found: index.found)
        let scanning = ReferenceLinker(scanner: scanner, legislation: legislation)
        #expect(index.found.count == site.policies.count)
        for policy in site.policies {
            var checked = PolicyBodyRenderer(policy: policy, linkers: [CheckingLinker(linker: reusing)])
            var fresh = PolicyBodyRenderer(policy: policy, linkers: [scanning])
            #expect(checked.render() == fresh.render(), "\(policy.path)")
        }
    }
}
