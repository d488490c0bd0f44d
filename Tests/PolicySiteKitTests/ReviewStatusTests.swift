import Foundation
import Testing
@testable import PolicySiteKit

/// Review status from `review_due` and `--today`: a month means its last day; due soon is 60 days.
@Suite struct ReviewStatusTests {
    static let cases: [(String?, String, ReviewStatus)] = [
        ("2026-09", "2026-11-21", .overdue),      // Roe Green: September 2026, seen in November
        ("2026-09", "2026-09-30", .dueSoon),      // a month is due on its last day
        ("2026-09", "2026-10-01", .overdue),
        ("2026-09-15", "2026-07-17", .dueSoon),   // exactly 60 days before
        ("2026-09-15", "2026-07-16", .current),   // 61 days before
        ("2026-09-15", "2026-09-16", .overdue),
        ("2027-02", "2026-12-31", .dueSoon),      // 28 February 2027 is 59 days away
        ("2028-02", "2027-12-31", .dueSoon),      // leap year: 29 February is 60 days away
        (nil, "2026-11-21", .notRecorded),
    ]

    @Test(arguments: cases)
    func status(_ due: String?, _ today: String, _ expected: ReviewStatus) {
        #expect(ReviewStatus.of(reviewDue: due.flatMap { PolicyDate(iso: $0) }, today: PolicyDate(iso: today)!) == expected)
    }

    @Test func dayNumbersRoundTrip() {
        for number in stride(from: -25_000, through: 2_900_000, by: 997) { // 1901 to 9909
            #expect(PolicyDate.day(number: number).dayNumber == number)
        }
        #expect(PolicyDate.day(number: PolicyDate(iso: "2026-09-30")!.dayNumber + 1).iso == "2026-10-01")
    }

    @Test func overduePoliciesWarnAtTheirReviewDueLine() async {
        let (report, site) = await TestSite.build(today: "2026-11-21")
        #expect(report.succeeded)
        let overdue = report.diagnostics.filter { $0.message.hasPrefix("review overdue") }
        #expect(overdue.map(\.location) == [
            SourceLocation(path: TestSite.content + "/schools/roe-green-junior-school/digital-online-safety-and-acceptable-use.md", line: 6, column: 13),
            SourceLocation(path: TestSite.content + "/schools/school-trust-model/social-media.md", line: 3, column: 13),
        ])
        #expect(overdue.allSatisfy { $0.severity == .warning })
        #expect(overdue.first?.message.contains("by the end of September 2026") == true)
        let policy = TestSite.read(site, "roe-green-junior-school/digital-online-safety-and-acceptable-use/index.html")
        #expect(policy.contains("<span class=\"review-tag review-overdue\">Overdue for review</span> (52 days overdue)"))
        #expect(policy.contains("<dd>By the end of September 2026</dd>"))
        let publisher = TestSite.read(site, "roe-green-junior-school/index.html")
        #expect(publisher.contains("review-overdue"))
        let ashley = TestSite.read(site, "ashley-college/index.html")
        #expect(ashley.contains("review-not-recorded") && !ashley.contains("review-overdue"))
    }

    @Test func beforeTheDeadlineNothingWarns() async {
        let (report, site) = await TestSite.build(today: "2026-06-01", write: true)
        #expect(!report.diagnostics.contains { $0.message.hasPrefix("review overdue") && $0.location.path.contains("roe-green") })
        let policy = TestSite.read(site, "roe-green-junior-school/digital-online-safety-and-acceptable-use/index.html")
        #expect(policy.contains("review-current"))
    }

    @Test func reviewsPageListsEveryPolicyByReviewDate() async {
        let (report, site) = await TestSite.build(today: "2026-11-21")
        #expect(report.succeeded)
        let html = TestSite.read(site, "reviews/index.html")
        let order = ["Policy on Social Media", "Digital/Online Safety and Acceptable Use Policy for Schools",
                     "Digital Safety/Social Media and Acceptable Use of Property Policy", "Acceptable Use of IT Advice and Guidance",
                     "Safer Social Media Practice in Schools"]
        let positions = order.compactMap { html.range(of: ">\($0)</a>")?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted(), "overdue first, then by date, then those without a date by publisher")
        #expect(html.contains("href=\"../reviews.ics\""))
        #expect(TestSite.read(site, "index.html").contains("href=\"reviews/index.html\""), "the site navigation links the reviews page")
    }
}
