import Testing
@testable import PolicySiteKit

/// Mustache shows a section for an empty string, so optional fields need explicit booleans: a
/// missing field must leave no empty element behind (the browser tests found `<a href="">` and
/// `<link rel="canonical" href="">`).
@Suite struct EmptyFieldsTests {
    @Test func missingPublisherDetailsLeaveNoEmptyElements() async {
        let content = TestSite.writeContent([
            "schools/test-school/school.yml": TestSite.schoolYML + "address: 1 High Street\ndigital_safety_leads:\n  - name: A Lead\n",
            "schools/test-school/policy.md": TestSite.policy(body: "Text.\n"),
        ])
        let (report, site) = await TestSite.build(content: content)
        #expect(report.succeeded, "\(report.diagnostics)")
        let html = TestSite.read(site, "test-school/index.html")
        #expect(html.contains("<dt>Address</dt><dd>1 High Street</dd>"))
        #expect(html.contains("<li>A Lead</li>"))
        for absent in ["<dt>Telephone</dt>", "<dt>Website</dt>", "<dt>Chair of governors</dt>", "href=\"\"", "<dd></dd>"] {
            #expect(!html.contains(absent), "\(absent)")
        }
    }

    @Test(arguments: [("/policies/", false), ("https://school.example/policies/", true)])
    func canonicalLinkOnlyForAnAbsoluteBase(baseURL: String, hasCanonical: Bool) async {
        let (report, site) = await TestSite.build(baseURL: baseURL)
        #expect(report.succeeded)
        let statement = TestSite.read(site, "accessibility/index.html")
        #expect(statement.contains("<link rel=\"canonical\" href=\"https://school.example/policies/accessibility/\">") == hasCanonical)
        #expect(!statement.contains("href=\"\""))
        #expect(!statement.contains("content=\"\""))
        #expect(statement.contains("<body class=\"page-accessibility\">"))
    }
}
