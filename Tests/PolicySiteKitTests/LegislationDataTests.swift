import Foundation
import Testing
@testable import PolicySiteKit

/// `content/data/legislation.yml`: every identifier URL pinned, every Act in the seeds present,
/// and the checks that catch a wrong chapter.
@Suite struct LegislationDataTests {
    static let contentPath = TestSite.content + "/data/legislation.yml"
    static let contentText = (try? String(contentsOfFile: contentPath, encoding: .utf8)) ?? ""

    static func glossary() throws -> Legislation {
        let (parsed, diagnostics) = Legislation.parse(contentText, path: contentPath)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(parsed)
    }

    /// Each slug with its legislation.gov.uk identifier, checked by hand against the Act's title,
    /// year and chapter. Changing one of these needs the same check.
    static let identifiers: [(String, String)] = [
        ("communications-act-2003", "https://www.legislation.gov.uk/ukpga/2003/21"),
        ("computer-misuse-act-1990", "https://www.legislation.gov.uk/ukpga/1990/18"),
        ("copyright-designs-and-patents-act-1988", "https://www.legislation.gov.uk/ukpga/1988/48"),
        ("criminal-justice-and-public-order-act-1994", "https://www.legislation.gov.uk/ukpga/1994/33"),
        ("data-protection-act-1998", "https://www.legislation.gov.uk/ukpga/1998/29"),
        ("data-protection-act-2018", "https://www.legislation.gov.uk/ukpga/2018/12"),
        ("defamation-act-1952", "https://www.legislation.gov.uk/ukpga/Geo6and1Eliz2/15-16/66"),
        ("defamation-act-1996", "https://www.legislation.gov.uk/ukpga/1996/31"),
        ("defamation-act-2013", "https://www.legislation.gov.uk/ukpga/2013/26"),
        ("equality-act-2010", "https://www.legislation.gov.uk/ukpga/2010/15"),
        ("freedom-of-information-act-2000", "https://www.legislation.gov.uk/ukpga/2000/36"),
        ("general-data-protection-regulation", "https://www.legislation.gov.uk/eur/2016/679"),
        ("human-rights-act-1998", "https://www.legislation.gov.uk/ukpga/1998/42"),
        ("malicious-communications-act-1988", "https://www.legislation.gov.uk/ukpga/1988/27"),
        ("obscene-publications-act-1959", "https://www.legislation.gov.uk/ukpga/Eliz2/7-8/66"),
        ("obscene-publications-act-1964", "https://www.legislation.gov.uk/ukpga/1964/74"),
        ("online-safety-act-2023", "https://www.legislation.gov.uk/ukpga/2023/50"),
        ("protection-from-harassment-act-1997", "https://www.legislation.gov.uk/ukpga/1997/40"),
        ("protection-of-children-act-1978", "https://www.legislation.gov.uk/ukpga/1978/37"),
        ("public-order-act-1986", "https://www.legislation.gov.uk/ukpga/1986/64"),
        ("racial-and-religious-hatred-act-2006", "https://www.legislation.gov.uk/ukpga/2006/1"),
        ("regulation-of-investigatory-powers-act-2000", "https://www.legislation.gov.uk/ukpga/2000/23"),
        ("safeguarding-vulnerable-groups-act-2006", "https://www.legislation.gov.uk/ukpga/2006/47"),
        ("sexual-offences-act-2003", "https://www.legislation.gov.uk/ukpga/2003/42"),
        ("telecommunications-act-1984", "https://www.legislation.gov.uk/ukpga/1984/12"),
        ("trade-marks-act-1994", "https://www.legislation.gov.uk/ukpga/1994/26"),
    ]

    @Test func everyIdentifierIsPinned() throws {
        let legislation = try Self.glossary()
        #expect(legislation.acts.map(\.slug.rawValue).sorted() == Self.identifiers.map(\.0).sorted())
        for (slug, url) in Self.identifiers {
            #expect(legislation.act(Slug(validating: slug)!)?.url == url, "\(slug)")
        }
    }

    @Test func everyEntryIsComplete() throws {
        for act in try Self.glossary().acts {
            #expect(act.title.hasSuffix(" \(act.year)") || act.kind == .eur, "\(act.title)")
            #expect(act.summary.count > 60, "\(act.title)")
            #expect(act.status == .inForce || act.statusNote != nil, "\(act.title)")
        }
    }

    @Test func repealedAndReplacedActsSayBy() throws {
        let legislation = try Self.glossary()
        let dpa1998 = try #require(legislation.act(Slug(validating: "data-protection-act-1998")!))
        #expect(dpa1998.status == .repealed)
        #expect(dpa1998.replacedBy.map(\.rawValue) == ["data-protection-act-2018", "general-data-protection-regulation"])
        #expect(legislation.acts.filter { $0.status.isOutOfDate }.map(\.slug.rawValue) == [
            "data-protection-act-1998", "regulation-of-investigatory-powers-act-2000", "telecommunications-act-1984",
        ])
    }

    /// Every Act each seed names, found by the citation detector in the seed's raw text.
    static let seedActs: [(String, [String])] = [
        ("000_9dff6680d36c137d.txt", ["communications-act-2003", "data-protection-act-2018", "defamation-act-1952", "defamation-act-1996", "defamation-act-2013", "general-data-protection-regulation", "malicious-communications-act-1988", "protection-from-harassment-act-1997", "public-order-act-1986", "safeguarding-vulnerable-groups-act-2006"]),
        ("001_3a153712de2e23e8.txt", ["communications-act-2003", "computer-misuse-act-1990", "copyright-designs-and-patents-act-1988", "criminal-justice-and-public-order-act-1994", "data-protection-act-1998", "freedom-of-information-act-2000", "general-data-protection-regulation", "human-rights-act-1998", "malicious-communications-act-1988", "obscene-publications-act-1959", "obscene-publications-act-1964", "protection-from-harassment-act-1997", "protection-of-children-act-1978", "public-order-act-1986", "racial-and-religious-hatred-act-2006", "regulation-of-investigatory-powers-act-2000", "sexual-offences-act-2003", "telecommunications-act-1984", "trade-marks-act-1994"]),
        ("002_de166e79da8915df.txt", ["communications-act-2003", "data-protection-act-2018", "defamation-act-1952", "defamation-act-1996", "defamation-act-2013", "general-data-protection-regulation", "malicious-communications-act-1988", "protection-from-harassment-act-1997", "public-order-act-1986", "safeguarding-vulnerable-groups-act-2006"]),
        ("003_59cd10fb153d8319.txt", ["general-data-protection-regulation"]),
        ("004_2439b723c43299e8.txt", []),
    ]

    @Test(arguments: seedActs)
    func everyActInTheSeedsIsInTheGlossary(_ file: String, _ expected: [String]) throws {
        let text = try String(contentsOfFile: TestSite.fixture("seeds/" + file), encoding: .utf8)
        let (matches, unknown) = CitationDetector(try Self.glossary()).scan(TextToken.tokens(text))
        #expect(unknown.map(\.name) == [])
        #expect(Set(matches.map(\.act.rawValue)).sorted() == expected)
    }

    /// The Walsall policy's Appendix B names 17 Acts (the 1959 and 1964 Obscene Publications Acts
    /// under one heading), each a heading, and each heading cites its Act.
    @Test func walsallAppendixBHeadingsEachCiteTheirAct() async throws {
        let (report, _) = await TestSite.build(write: false)
        let site = try #require(report.site)
        let policy = try #require(site.publisher(Slug(validating: "walsall-school")!)?.policies.first)
        let scanner = ReferenceScanner(site: site, legislation: try Self.glossary())
        let headings = policy.outline.anchors.filter { $0.level == 3 && $0.location.line > 150 && $0.location.line < 260 }
        let cited = headings.map { Set(scanner.scan($0.title, in: policy, isHeading: true).compactMap { ref -> String? in
            if case .act(let slug) = ref.target { return slug.rawValue } else { return nil }
        }) }
        #expect(headings.count == 17)
        #expect(cited.allSatisfy { !$0.isEmpty })
        #expect(cited.reduce(0) { $0 + $1.count } == 19)
    }

    /// Bad entries use the same table shape as the policy diagnostics: YAML text, line, column, words.
    typealias BadEntry = DiagnosticsTests.Case

    static let entry = "acts:\n  - title: Protection from Harassment Act 1997\n    year: 1997\n    chapter: 40\n    url: https://www.legislation.gov.uk/ukpga/1997/40\n    status: in force\n    summary: S.\n"

    static let badEntries: [BadEntry] = [
        BadEntry(name: "wrong chapter in the url", text: entry.replacingOccurrences(of: "1997/40", with: "1997/41"), line: 5, column: 10, contains: "url must be https://www.legislation.gov.uk/ukpga/1997/40"),
        BadEntry(name: "wrong year in the url", text: entry.replacingOccurrences(of: "ukpga/1997", with: "ukpga/1979"), line: 5, column: 10, contains: "for year 1997 and chapter 40"),
        BadEntry(name: "regnal url with another chapter", text: entry.replacingOccurrences(of: "1997", with: "1952").replacingOccurrences(of: "ukpga/1952/40", with: "ukpga/Geo6and1Eliz2/15-16/66"), line: 5, column: 10, contains: "/40 for an Act of 1952"),
        BadEntry(name: "unknown status", text: entry.replacingOccurrences(of: "in force", with: "current"), line: 6, column: 13, contains: "status 'current'"),
        BadEntry(name: "repealed without a note", text: entry.replacingOccurrences(of: "in force", with: "repealed"), line: 2, column: 5, contains: "needs a status_note"),
        BadEntry(name: "chapter not a number", text: entry.replacingOccurrences(of: "chapter: 40", with: "chapter: forty"), line: 4, column: 14, contains: "'chapter' must be a whole number"),
        BadEntry(name: "replaced by an unknown entry", text: entry + "    replaced_by: [nothing-act-2020]\n", line: 8, column: 19, contains: "replaced_by 'nothing-act-2020'"),
        BadEntry(name: "two entries, one name", text: entry + entry.dropFirst(5).replacingOccurrences(of: "title: Protection from Harassment Act 1997", with: "title: Harassment Act 1997\n    aliases: [Protection from harassment act 1997]"), line: 9, column: 5, contains: "also given for Protection from Harassment Act 1997"),
    ]

    @Test(arguments: badEntries)
    func aBadEntryIsAnErrorAtItsPlace(_ c: BadEntry) {
        let (parsed, diagnostics) = Legislation.parse(c.text, path: "legislation.yml")
        #expect(parsed == nil)
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.location == SourceLocation(path: "legislation.yml", line: c.line, column: c.column), "\(diagnostics)")
        #expect(error?.message.contains(c.contains) == true, "\(diagnostics)")
    }
}
