import Foundation
import Testing
@testable import PolicySiteKit

/// /<school>/parents/ for every publisher, and entry points by audience on the home and publisher pages.
@Suite struct ParentsPagesTests {
    static let publishers = ["ashley-college", "derbyshire-county-council", "roe-green-junior-school", "school-trust-model", "walsall-school"]

    @Test func everyPublisherHasAParentsPageListingItsPoliciesForParents() async throws {
        let (report, site) = await TestSite.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let parsed = try #require(report.site)
        for publisher in parsed.publishers {
            let html = HTMLText.unescape(TestSite.read(site, publisher.school.slug.rawValue + "/parents/index.html"))
            #expect(html.contains("<h1>Parents and carers</h1>"))
            #expect(html.contains("id=\"raise-a-concern\"") && html.contains("id=\"contact\""))
            for policy in publisher.policies {
                let link = "href=\"../../\(publisher.school.slug)/\(policy.slug)/index.html\">\(policy.title)</a>"
                #expect(html.contains(link) == policy.audience.contains(.parents), "\(publisher.school.slug)/\(policy.slug)")
            }
        }
        let walsall = TestSite.read(site, "walsall-school/parents/index.html")
        #expect(walsall.contains("safer-social-media-practice/index.html"))
        let roeGreen = TestSite.read(site, "roe-green-junior-school/parents/index.html")
        #expect(roeGreen.contains("is written for parents and carers. You can still read all of them"))
        #expect(roeGreen.contains("Melissa Loosemore"), "whom to contact names the Digital Safety Leads")
    }

    @Test func derbyshireParentsPageShowsAndLinksItsHomeSchoolAgreementSection() async {
        let (report, site) = await TestSite.build()
        #expect(report.succeeded)
        let html = TestSite.read(site, "derbyshire-county-council/parents/index.html")
        let anchor = "suggested-section-for-insertion-in-home-school-agreement-or-school-brochure"
        #expect(html.contains("href=\"../../derbyshire-county-council/acceptable-use-of-it/index.html#\(anchor)\""))
        #expect(TestSite.read(site, "derbyshire-county-council/acceptable-use-of-it/index.html").contains("id=\"\(anchor)\""))
        #expect(html.contains("<h2 id=\"home-school-agreement\">Home School Agreement</h2>"))
        #expect(html.contains("The school is committed to working with parents to promote children’s online safety"))
        #expect(html.contains("(See Appendix 1 for a summary of the guidance for staff members and for Headteachers)"), "the section runs to the next heading")
        #expect(!html.contains("Disclosure over social media outside working hours"), "and stops there")
        for other in Self.publishers where other != "derbyshire-county-council" {
            #expect(!TestSite.read(site, other + "/parents/index.html").contains("home-school-agreement"), "\(other)")
        }
    }

    @Test(arguments: [
        ("Suggested Section for Insertion in Home School Agreement or School Brochure", true),
        ("Home-School Agreement", true),
        ("Home/School agreement", true),
        ("Homework and school agreements", false),
        ("9.9.2 Preventative Actions", false),
    ])
    func homeSchoolAgreementHeadings(_ c: (String, Bool)) {
        #expect(Policy.namesHomeSchoolAgreement(c.0) == c.1)
    }

    @Test func homeAndPublisherPagesHaveEntryPointsByAudience() async {
        let (report, site) = await TestSite.build()
        #expect(report.succeeded)
        let home = TestSite.read(site, "index.html")
        for title in ["<h3>Parents and carers</h3>", "<h3>Staff</h3>", "<h3>Governors</h3>"] { #expect(home.contains(title)) }
        for publisher in Self.publishers {
            #expect(home.contains("href=\"\(publisher)/parents/index.html\""))
            #expect(home.contains("href=\"\(publisher)/index.html#for-staff\""))
            #expect(home.contains("href=\"\(publisher)/index.html#for-governors\""))
            let page = TestSite.read(site, publisher + "/index.html")
            for id in ["for-parents", "for-staff", "for-governors"] { #expect(page.contains("id=\"\(id)\""), "\(publisher) #\(id)") }
        }
        let roeGreen = TestSite.read(site, "roe-green-junior-school/index.html")
        #expect(roeGreen.contains("href=\"../roe-green-junior-school/digital-online-safety-and-acceptable-use/forms/staff-declaration/index.html\">Staff Declaration</a>"),
                "staff find the forms to sign")
    }

    @Test func aPolicyCalledParentsIsAnErrorAtItsFile() async {
        let content = TestSite.writeContent([
            "schools/test-school/school.yml": TestSite.schoolYML,
            "schools/test-school/parents.md": TestSite.policy(body: "Text\n"),
        ])
        let (report, _) = await TestSite.build(content: content, write: false)
        #expect(report.diagnostics.contains { $0.severity == .error && $0.location.path == content + "/schools/test-school/parents.md" && $0.message.contains("cannot be called 'parents'") })
    }
}
