import Foundation
import Testing
@testable import PolicySiteKit

/// The `references` fixture: a policy with a reference to a missing appendix, named policies
/// published and not, a citation split over a line break, a repealed Act and an unknown Act.
@Suite struct ReferenceFixtureTests {
    static let content = TestSite.fixture("references")
    static let policy = content + "/schools/fixture-school/online-safety.md"

    @Test func warningsPointAtTheirPhrase() async {
        let (report, _) = await TestSite.build(content: Self.content, write: false)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(report.diagnostics.map(\.description) == [
            "\(Self.policy):8:78: warning: 'appendix 3' refers to Appendix 3, which this policy does not have (it has Appendix 1, Appendix 2); it is not linked",
            "\(Self.policy):15:82: warning: cites the Data Protection Act 1998, which has been repealed, so the policy may be out of date. Replaced by the Data Protection Act 2018.",
            "\(Self.policy):16:43: warning: 'Education Act 2002' looks like an Act but is not in the legislation glossary (content/data/legislation.yml); add it there so it is explained and linked",
        ])
    }

    @Test func strictMakesTheMissingAppendixAnError() async {
        let (report, _) = await TestSite.build(content: Self.content, strict: true, write: false)
        #expect(!report.succeeded)
        let missing = report.diagnostics.first { $0.message.contains("'appendix 3'") }
        #expect(missing?.severity == .error)
        #expect(missing?.location == SourceLocation(path: Self.policy, line: 8, column: 78))
    }

    @Test func referencesBecomeLinksAndMissingOnesStayText() async {
        let (report, site) = await TestSite.build(content: Self.content)
        #expect(report.succeeded)
        let html = TestSite.read(site, "fixture-school/online-safety/index.html")
        #expect(html.contains(##"<a class="ref ref-part" href="#appendix-1">Appendix 1</a>"##))
        #expect(html.contains("(see appendix 3)."))
        #expect(!html.contains("#appendix-3"))
        #expect(html.contains(##"<a class="ref ref-part" href="#section-2" title="2. The law">section 2</a>"##))
        #expect(html.contains(#"<a class="ref ref-policy" href="../../fixture-school/safeguarding/index.html">Safeguarding Policy</a>"#))
        #expect(html.contains(#"href="../../legislation/protection-from-harassment-act-1997/index.html" title="Protection from Harassment Act 1997">Protection from Harassment act 1997</a>"#))
        #expect(html.contains(#"href="../../legislation/data-protection-act-1998/index.html">Data Protection Act 1998</a>"#))
        #expect(!html.contains("Education Act 2002</a>"))
        // A heading is never linked and a link is never linked again, but the heading still cites.
        #expect(html.contains(##"<h3 id="protection-from-harassment-act-1997" class="anchor heading">Protection from Harassment Act 1997<a class="permalink""##))
        #expect(html.contains(#"See <a href="https://www.legislation.gov.uk/ukpga/1986/64">the Public Order Act 1986</a> and act on it."#))
        let other = TestSite.read(site, "fixture-school/safeguarding/index.html")
        #expect(other.contains(##"<a class="ref ref-part" href="#clause-1.1" title="Clause 1.1: Children come first.">paragraph 1.1</a>"##))
        #expect(other.contains(#"<a class="ref ref-policy" href="../../fixture-school/online-safety/index.html">Online Safety Policy</a>"#))
    }

    @Test func publisherPageShowsUnpublishedPoliciesAndRepealedLegislation() async {
        let (_, site) = await TestSite.build(content: Self.content)
        let html = TestSite.read(site, "fixture-school/index.html")
        guard let start = html.range(of: "Policies referred to but not published here") else { Issue.record("no list"); return }
        let list = String(html[start.upperBound...])
        #expect(list.contains("<li>Complaints Policy – named in <a href=\"../fixture-school/online-safety/index.html#clause-1.2\">Online Safety Policy: Clause 1.2</a></li>"))
        #expect(list.contains("<li>Disciplinary Policy and Procedure – named in"))
        #expect(!list.contains("<li>Safeguarding Policy"))
        #expect(html.contains("cites legislation that has been repealed: <a href=\"../legislation/data-protection-act-1998/index.html\">Data Protection Act 1998</a> (repealed)."))
    }

    @Test func actPagesListCitingClausesAndReplacements() async {
        let (_, site) = await TestSite.build(content: Self.content)
        let act = TestSite.read(site, "legislation/data-protection-act-1998/index.html")
        #expect(act.contains(#"<a href="https://www.legislation.gov.uk/ukpga/1998/29">"#))
        #expect(act.contains(#"<a href="../../legislation/data-protection-act-2018/index.html">Data Protection Act 2018</a>"#))
        #expect(act.contains(#"<a href="../../fixture-school/online-safety/index.html#clause-2.1">Clause 2.1</a>"#))
        let harassment = TestSite.read(site, "legislation/protection-from-harassment-act-1997/index.html")
        #expect(harassment.contains(#"<a href="../../fixture-school/online-safety/index.html#protection-from-harassment-act-1997">Protection from Harassment Act 1997</a>"#))
        let unused = TestSite.read(site, "legislation/data-protection-act-2018/index.html")
        #expect(unused.contains("No published policy cites it."))
        let listing = TestSite.read(site, "legislation/index.html")
        #expect(listing.contains(#"<td><a href="../legislation/protection-from-harassment-act-1997/index.html">Protection from Harassment Act 1997</a></td>"#))
        #expect(listing.contains("<td>2 places</td>") && listing.contains("<td>1 place</td>") && listing.contains("<td>Not cited</td>"))
    }

    @Test func aSiteWithoutAGlossaryHasNoLegislationPages() async {
        let content = TestSite.writeContent([
            "schools/test-school/school.yml": TestSite.schoolYML,
            "schools/test-school/p.md": TestSite.policy(body: "## 1. Intro\n\n1.1 Under the Public Order Act 1986.\n"),
        ])
        let (report, site) = await TestSite.build(content: content)
        #expect(report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: site + "/legislation/index.html"))
        #expect(FileManager.default.fileExists(atPath: site + "/clauses/index.html"))
        #expect(report.diagnostics.map(\.message).contains { $0.hasPrefix("'Public Order Act 1986' looks like an Act") })
    }
}
