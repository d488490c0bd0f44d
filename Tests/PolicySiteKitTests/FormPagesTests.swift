import Foundation
import Testing
@testable import PolicySiteKit

/// Every declaration form has its own printable page, linked from where it appears.
@Suite struct FormPagesTests {
    /// The five forms of the seeds, by page path.
    static let forms = [
        "ashley-college/digital-safety-and-acceptable-use/forms/staff-declaration",
        "roe-green-junior-school/digital-online-safety-and-acceptable-use/forms/acceptable-use-agreement",
        "roe-green-junior-school/digital-online-safety-and-acceptable-use/forms/staff-declaration",
        "derbyshire-county-council/acceptable-use-of-it/forms/acceptable-use-agreement",
        "derbyshire-county-council/acceptable-use-of-it/forms/laptop-equipment-agreement",
    ]

    @Test func everySeedFormHasAPageLinkedFromThePolicy() async throws {
        let (report, site) = await TestSite.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let parsed = try #require(report.site)
        var count = 0
        for publisher in parsed.publishers {
            for policy in publisher.policies {
                let policyHTML = TestSite.read(site, publisher.path(of: policy).file)
                for form in policy.forms {
                    count += 1
                    let path = FormPages.path(of: form, policy: policy, in: publisher)
                    #expect(Self.forms.contains(String(path.urlPath.dropLast())), "\(path)")
                    #expect(policyHTML.contains("<a href=\"forms/\(form.slug)/index.html\">Print this form on one A4 page</a>"))
                    let html = TestSite.read(site, path.file)
                    let text = HTMLText.unescape(html)
                    for fact in [publisher.school.name, policy.title, policy.version ?? "Not recorded", policy.adopted?.display ?? "Not recorded", policy.fingerprint] {
                        #expect(text.contains(fact), "\(path): \(fact)")
                    }
                    #expect(text.contains("<h1 id=\"form-title\">\(form.title)</h1>"))
                    for field in form.fields {
                        #expect(html.contains("<span class=\"field-label\">\(HTML.escape(field.label))</span><span class=\"field-line\"></span>"), "\(path): \(field.label)")
                    }
                    #expect(policyHTML.contains(policy.fingerprint), "the policy page shows the fingerprint to compare with")
                }
            }
        }
        #expect(count == Self.forms.count)
    }

    @Test func theLongRoeGreenAgreementGetsTheTightestPrintDensity() async throws {
        let (report, _) = await TestSite.build(write: false)
        let policy = try #require(report.site?.publisher(Slug(validating: "roe-green-junior-school")!)?.policies.first)
        let densities = policy.forms.map { FormPages.density(FormPages.printedLines($0)) }
        #expect(densities == ["density-tight", "density-normal"])
    }

    @Test func aFormSlugUsedTwiceIsAnErrorAtTheSecondForm() async {
        let form = "```form declaration \"Declaration\"\nI agree.\n\nSigned:\n```\n"
        let content = TestSite.writeContent([
            "schools/test-school/school.yml": TestSite.schoolYML,
            "schools/test-school/p.md": TestSite.policy(body: "## Appendix 1\n\n" + form + "\n## Appendix 2\n\n" + form),
        ])
        let (report, _) = await TestSite.build(content: content, write: false)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.location) == [SourceLocation(path: content + "/schools/test-school/p.md", line: 16, column: 1)], "\(report.diagnostics)")
        #expect(errors.first?.message.contains("first at line 8") == true)
    }
}

/// Page text with the entities the templates write turned back into characters.
enum HTMLText {
    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
