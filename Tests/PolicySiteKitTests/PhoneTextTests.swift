import Foundation
import Testing
@testable import PolicySiteKit

/// Telephone numbers as the seeds and school files write them.
@Suite struct PhoneTextTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var pieces: [PhoneText.Piece]
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "03448 090 222", pieces: [.number(written: "03448 090 222", e164: "+443448090222")]),
        Case(text: "08700 776 655", pieces: [.number(written: "08700 776 655", e164: "+448700776655")]),
        Case(text: "07953 966 250", pieces: [.number(written: "07953 966 250", e164: "+447953966250")]),
        Case(text: "0345 6000 789", pieces: [.number(written: "0345 6000 789", e164: "+443456000789")]),
        Case(text: "08000 328 751", pieces: [.number(written: "08000 328 751", e164: "+448000328751")]),
        Case(text: "020 8937 3330", pieces: [.number(written: "020 8937 3330", e164: "+442089373330")]),
        Case(text: "020 8204 5221 Ex 2", pieces: [.number(written: "020 8204 5221", e164: "+442082045221"), .text(" Ex 2")]),
        Case(text: "202 (pay monthly) 4445 (pay as you go)", pieces: [.shortCode("202"), .text(" (pay monthly) "), .shortCode("4445"), .text(" (pay as you go)")]),
        Case(text: "191", pieces: [.shortCode("191")]),
        Case(text: "", pieces: []),
        Case(text: "+44 (0)20 8937 3330", pieces: [.number(written: "+44 (0)20 8937 3330", e164: "+442089373330")]),
        Case(text: "01629 580000, or 999", pieces: [.number(written: "01629 580000", e164: "+441629580000"), .text(", or "), .shortCode("999")]),
        Case(text: "020 8937 333", pieces: [.malformed(written: "020 8937 333", problem: "a number starting 02 has 11 digits, this has 10")]),
        Case(text: "8937 3330", pieces: [.malformed(written: "8937 3330", problem: "a UK number starts with 0 (or +44); add the area code")]),
        Case(text: "04123 456789", pieces: [.malformed(written: "04123 456789", problem: "no UK numbers start 04")]),
    ]

    @Test(arguments: cases)
    func readsNumbersAsWritten(_ c: Case) {
        let pieces = PhoneText.pieces(c.text)
        #expect(pieces == c.pieces)
        let written = pieces.map { piece -> String in
            switch piece {
            case .text(let t), .shortCode(let t), .malformed(let t, _), .number(let t, _): t
            }
        }.joined()
        #expect(written == c.text, "the pieces give back the text exactly")
    }

    @Test func htmlLinksFullNumbersOnly() {
        #expect(PhoneText.html("020 8204 5221 Ex 2") == "<a class=\"tel\" href=\"tel:+442082045221\">020 8204 5221</a> Ex 2")
        #expect(PhoneText.html("202 (pay monthly)") == "202 (pay monthly)")
        #expect(PhoneText.html("020 8937 333") == "020 8937 333")
    }

    @Test(arguments: [("02089373330", "+442089373330"), ("+44-20-8937-3330", "+442089373330"), ("020 8937 3330", "+442089373330")])
    func telLinkTargetsBecomeE164(_ pair: (String, String)) {
        #expect(PhoneText.e164(pair.0) == pair.1)
    }

    @Test(arguments: ["202", "020 8937 333", "call me", "020 8937 3330 or 020 8937 3331"])
    func telLinkTargetsThatAreNotOneFullNumberAreRefused(_ text: String) {
        #expect(PhoneText.e164(text) == nil)
    }

    @Test func malformedNumberInSchoolFileIsAWarningAtItsLine() {
        let yml = "name: A School\nkind: school\nphone: \"020 8937 333\"\ndigital_safety_leads:\n  - name: Sam Lead\n    phone: \"8937 3330\"\n"
        let (school, diagnostics) = School.parse(yml, slug: Slug(validating: "a")!, path: "school.yml")
        #expect(school != nil)
        #expect(diagnostics.sorted().map(\.description) == [
            "school.yml:3:8: warning: '020 8937 333' is not a valid UK telephone number: a number starting 02 has 11 digits, this has 10",
            "school.yml:6:12: warning: '8937 3330' is not a valid UK telephone number: a UK number starts with 0 (or +44); add the area code",
        ])
    }

    @Test func markdownTelLinkIsNormalisedOrDroppedWithAWarning() async {
        let content = TestSite.writeContent([
            "schools/test-school/school.yml": TestSite.schoolYML,
            "schools/test-school/p.md": TestSite.policy(body: "Call [the office](<tel:020 8937 3330>) or [the lead](tel:8937).\n"),
        ])
        let (report, site) = await TestSite.build(content: content)
        #expect(report.succeeded)
        let html = TestSite.read(site, "test-school/p/index.html")
        #expect(html.contains("<a href=\"tel:+442089373330\">the office</a>"))
        #expect(!html.contains("tel:8937"))
        #expect(report.diagnostics.map(\.location) == [SourceLocation(path: content + "/schools/test-school/p.md", line: 6, column: 1)])
    }

    /// Every `tel:` link the built site makes is E.164: + then 8 to 15 digits, no leading 0.
    @Test func everyTelLinkOfTheSiteIsE164() async throws {
        let (report, site) = await TestSite.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let regex = try NSRegularExpression(pattern: #"href="(tel:[^"]*)""#)
        var links: [String] = []
        for (path, data) in TestSite.snapshot(site) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for m in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                links.append((html as NSString).substring(with: m.range(at: 1)))
            }
        }
        #expect(links.count >= 20, "the seeds' providers and leads make tel: links")
        for link in links {
            #expect(link.range(of: #"^tel:\+[1-9][0-9]{7,14}$"#, options: .regularExpression) != nil, "\(link)")
        }
    }
}
