import Foundation
import Testing
@testable import PolicySiteKit

/// The service-provider table and the Digital Safety Leads are data, kept once and shown through
/// include blocks where each policy prints them, and listed on /contacts/.
@Suite struct ContactsTests {
    static let ashley = "ashley-college/digital-safety-and-acceptable-use/index.html"
    static let roeGreen = "roe-green-junior-school/digital-online-safety-and-acceptable-use/index.html"

    /// The table's rows as they read on a page: header, then each cell's text with tags removed.
    static func providerRows(_ html: String) -> [String] {
        guard let start = html.range(of: "<table class=\"service-providers\">"), let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex) else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "</tr>").map {
            $0.replacingOccurrences(of: "</t[hd]>", with: "|", options: .regularExpression)
                .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }.filter { !$0.isEmpty }
    }

    @Test func serviceProviderDataExistsOnceAndAppearsInBothPolicies() async throws {
        let data = try String(contentsOfFile: TestSite.content + "/data/service-providers.yml", encoding: .utf8)
        #expect(data.contains("08700 776 655"))
        for (path, bytes) in TestSite.snapshot(TestSite.content) where path.hasSuffix(".md") {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("08700 776 655"), "\(path) repeats the service-provider table")
        }
        let (report, site) = await TestSite.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let ashley = Self.providerRows(TestSite.read(site, Self.ashley))
        let roeGreen = Self.providerRows(TestSite.read(site, Self.roeGreen))
        let expected = [
            "Service provider|From your mobile|Pay as you go|Pay monthly contracts|",
            "O2|202 (pay monthly) 4445 (pay as you go)|03448 090 222|03448 090 020|",
            "Vodafone:|191|08700 776 655|08700 700 191|",
            "3|333|08707 330 333|08707 330 333|",
            "EE (Orange and T Mobile)|150|07953 966 250|07953 966 250|",
            "Virgin|789|0345 6000 789|0345 6000 789|",
            "BT||08000 328 751|08000 328 751|",
        ]
        #expect(roeGreen == expected)
        // Ashley College's adopted text spells the row "Vodaphone:"; its include keeps that.
        #expect(ashley == expected.map { $0.replacingOccurrences(of: "Vodafone:", with: "Vodaphone:") })
        let html = TestSite.read(site, Self.roeGreen)
        #expect(html.contains("<a class=\"tel\" href=\"tel:+448700776655\">08700 776 655</a>"))
        #expect(html.contains("<td>191</td>"), "short codes are shown as written, not linked")
    }

    @Test func digitalSafetyLeadsComeFromSchoolFiles() async {
        let (report, site) = await TestSite.build()
        #expect(report.succeeded)
        let ashley = TestSite.read(site, Self.ashley)
        #expect(ashley.contains("<tr><th scope=\"row\">Name</th><td>Sasha Sharpe</td></tr>"))
        #expect(ashley.contains("<td>Ashley College, Ashley Gardens, Wembley, Middx, HA9 8NP</td>"))
        #expect(ashley.contains("<a class=\"tel\" href=\"tel:+442089373330\">020 8937 3330</a>"))
        let roeGreen = TestSite.read(site, Self.roeGreen)
        #expect(roeGreen.contains("<li>Melissa Loosemore</li><li>Dan Guest</li><li>Romina da Silva</li>"))
        #expect(roeGreen.contains("<a class=\"tel\" href=\"tel:+442082045221\">020 8204 5221</a> Ex 2"))
        // Shown where the appendix shows them: after Appendix 3's heading, before Appendix 4.
        for html in [ashley, roeGreen] {
            let appendix3 = html.range(of: "id=\"appendix-3\"")!.upperBound
            let table = html.range(of: "class=\"contact-table\"")!.lowerBound
            let appendix4 = html.range(of: "id=\"appendix-4\"")!.lowerBound
            #expect(appendix3 < table && table < appendix4)
        }
    }

    @Test func contactsPageListsProvidersAndEveryPublishersLeads() async {
        let (report, site) = await TestSite.build()
        #expect(report.succeeded)
        let html = TestSite.read(site, "contacts/index.html")
        for name in ["Sasha Sharpe", "Melissa Loosemore", "Dan Guest", "Romina da Silva", "Derbyshire County Council", "The School (Walsall)"] {
            #expect(html.contains(name), "\(name)")
        }
        #expect(Self.providerRows(html).count == 7)
        #expect(html.contains("<th scope=\"row\">Vodafone</th>"), "the contacts page shows names without the printed colon")
        #expect(html.contains("aria-current=\"page\">Contacts</a>"), "the site navigation lists the page")
    }

    struct IncludeCase: CustomTestStringConvertible, Sendable {
        var name: String
        var body: String
        var data: String?
        var location: (line: Int, column: Int)
        var severity: Diagnostic.Severity
        var contains: String
        var testDescription: String { name }
    }

    static let providersYML = "columns:\n  - key: pay_as_you_go\n    label: Pay as you go\nproviders:\n  - name: \"Vodafone:\"\n    pay_as_you_go: \"08700 776 655\"\n"

    static let includeCases: [IncludeCase] = [
        IncludeCase(name: "unknown include", body: "## Appendix 2\n\n```include phone-book\n```\n", data: providersYML,
                    location: (8, 1), severity: .error, contains: "unknown include 'phone-book'"),
        IncludeCase(name: "no data file", body: "Text\n\n```include service-providers\n```\n", data: nil,
                    location: (8, 1), severity: .error, contains: "needs the file data/service-providers.yml"),
        IncludeCase(name: "unknown provider id", body: "Text\n\n```include service-providers\nnames:\n  vodaphone: \"Vodaphone:\"\n```\n", data: providersYML,
                    location: (10, 3), severity: .warning, contains: "no service provider has the id 'vodaphone' (ids: vodafone)"),
        IncludeCase(name: "unknown option", body: "Text\n\n```include service-providers\nrename: x\n```\n", data: providersYML,
                    location: (9, 1), severity: .warning, contains: "unknown field 'rename'"),
        IncludeCase(name: "names on the wrong include", body: "Text\n\n```include digital-safety-leads\nnames:\n  o2: O2\n```\n", data: providersYML,
                    location: (10, 3), severity: .error, contains: "'names' is only for include service-providers"),
        IncludeCase(name: "leads include without leads", body: "Text\n\n```include digital-safety-leads\n```\n", data: providersYML,
                    location: (8, 1), severity: .warning, contains: "lists no digital_safety_leads"),
    ]

    @Test(arguments: includeCases)
    func includeProblemsAreReportedAtTheirLine(_ c: IncludeCase) async {
        var files = ["schools/test-school/school.yml": TestSite.schoolYML, "schools/test-school/p.md": TestSite.policy(body: c.body)]
        if let data = c.data { files["data/service-providers.yml"] = data }
        let content = TestSite.writeContent(files)
        let (report, _) = await TestSite.build(content: content, write: false)
        let found = report.diagnostics.first { $0.message.contains(c.contains) }
        #expect(found?.location == SourceLocation(path: content + "/schools/test-school/p.md", line: c.location.line, column: c.location.column), "\(report.diagnostics)")
        #expect(found?.severity == c.severity)
    }

    @Test func malformedNumberInTheDataIsAWarningAtItsLine() {
        let yml = Self.providersYML.replacingOccurrences(of: "08700 776 655", with: "08700 776 65")
        let (data, diagnostics) = ServiceProviders.parse(yml, path: "service-providers.yml")
        #expect(data?.providers.first?.id.rawValue == "vodafone")
        #expect(diagnostics.map(\.description) == ["service-providers.yml:6:20: warning: '08700 776 65' is not a valid UK telephone number: a number starting 08 has 11 digits, this has 10"])
    }
}
