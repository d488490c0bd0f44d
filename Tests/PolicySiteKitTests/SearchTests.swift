import Foundation
import Testing
@testable import PolicySiteKit

/// The search index: terms, its compact codes, which clause each piece of text belongs to, and
/// lookups in the built files. (Its size for a 20-policy school is measured by SearchBrowserTests.)
@Suite struct SearchTests {
    static let termCases: [(String, [String])] = [
        ("keep a record of your phone’s unique International Mobile Equipment Identity (IMEI) number",
         ["keep", "record", "your", "phones", "unique", "international", "mobile", "equipment", "identity", "imei", "number"]),
        ("Do’s and Don’ts for school staff", ["dos", "donts", "school", "staff"]),
        ("typing *#06# on your handset", ["typing", "06", "your", "handset"]),
        ("e-mail, E-Mail and e‑safety", ["e", "mail", "safety"]),
        ("Café rôle – naïve", ["cafe", "role", "naive"]),
        ("S.127 of the Communication act 2003", ["s", "127", "communication", "act", "2003"]),
        ("parents’ evening and ‘Cybersafe’", ["parents", "evening", "cybersafe"]),
        ("the of and", []),
    ]

    @Test(arguments: termCases)
    func termsOfText(_ c: (String, [String])) {
        #expect(SearchText.terms(in: c.0) == c.1)
    }

    /// The fast path in `terms(in:)` must give what the browser computes: words, then normalize.
    @Test func fastPathAgreesWithTheBrowsersRule() throws {
        let folder = TestSite.fixture("seeds")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".txt") {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8) + " Ğüß İstanbul ﬁle 𝔘nicode Ⅻ"
            var expected: [String] = []
            for word in SearchText.words(in: text) {
                let t = SearchText.normalize(word)
                if !t.isEmpty, t.unicodeScalars.count <= SearchText.maximumTermLength, !SearchText.stopWordSet.contains(t), !expected.contains(t) {
                    expected.append(t)
                }
            }
            #expect(SearchText.terms(in: text) == expected, "\(name)")
        }
    }

    static let postings: [[Int]] = [[0], [0, 1, 2, 3], [31], [32], [5, 40, 1000, 1001, 70_000], [1023, 1024, 1025]]

    @Test(arguments: postings)
    func postingsRoundTrip(_ records: [Int]) {
        let code = SearchEncoding.encodePostings(records)
        #expect(SearchEncoding.decodePostings(code) == records)
        #expect(!code.contains(" ") && !code.contains("\n"))
    }

    @Test func postingsCodeIsCompact() {
        #expect(SearchEncoding.encodePostings([0, 1, 2, 3]) == "0000")
        #expect(SearchEncoding.encodePostings([31, 32]) == "v0")
        #expect(SearchEncoding.encodePostings([32]) == "x0")
    }

    /// Sizes around the cut-over to `sort()`, and numbers that share their high bytes (as terms
    /// with the same first letters do), repeat, or differ only in their top byte.
    static let radixCases: [(count: Int, mask: UInt64)] = [
        (0, .max), (1, .max), (64, .max), (65, .max), (1_000, .max), (3_000, 0xFFFF), (3_000, 0xFF00_0000_0000_00FF), (5_000, 0x3),
    ]

    @Test(arguments: radixCases)
    func radixSortSortsAsSortDoes(_ c: (count: Int, mask: UInt64)) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(c.count)
        let numbers = (0..<c.count).map { _ -> UInt64 in
            // xorshift64*: the same numbers on every run.
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27
            return (state &* 0x2545_F491_4F6C_DD1D) & c.mask | 0x4200_0000_0000_0000
        }
        var sorted = numbers
        sorted.radixSort()
        #expect(sorted == numbers.sorted())
    }

    static let frontCodes: [(String, String, String)] = [
        ("𝔘nicode", "𝔘nit", "4code"),
        ("𝔘b", "𝔘a", "2b"),
        ("imei", "", "0imei"),
        ("image", "imei", "2age"),
        ("images", "image", "5s"),
        ("école", "écoles", "5"),
        (String(repeating: "a", count: 40), String(repeating: "a", count: 39), "z" + String(repeating: "a", count: 5)),
    ]

    @Test(arguments: frontCodes)
    func frontCoding(_ c: (String, String, String)) {
        #expect(SearchEncoding.frontCoded(c.0, after: c.1) == c.2)
    }

    @Test(arguments: ["plain", "quote \" and \\ backslash", "line\nbreak\tand\r", "\u{1}\u{1F}", "line\u{2028}separator\u{2029}", "Don’t – café ✓ 𝔘"])
    func jsonStringsRoundTrip(_ text: String) throws {
        let json = JSONText.string(text)
        #expect(!json.contains("\n") && !json.contains("\u{2028}"))
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(json)]".utf8)) as? [String]
        #expect(parsed == [text])
    }

    @Test func termsSortInCodePointOrder() {
        let sorted = ["𝔘", "\u{FF01}", "é", "b", "ab", "a", ""].sorted(by: SearchEncoding.precedes)
        #expect(sorted == ["", "a", "ab", "b", "é", "\u{FF01}", "𝔘"])
    }

    @Test func whiteSpaceRunsBecomeOneSpace() {
        #expect("  a\n\tb  c\u{00A0}d\u{2003}é \r\n".trimmingWhitespace == "a b c d\u{2003}é".replacingOccurrences(of: "\u{2003}", with: " "))
        #expect("".trimmingWhitespace == "" && " \n ".trimmingWhitespace == "" && "Don’t".trimmingWhitespace == "Don’t")
    }

    static func records(_ texts: String...) -> [SearchRecord] { texts.map { SearchRecord(anchorID: nil, label: "", text: $0) } }

    @Test func termPostingsListTermsInCodePointOrderWithTheirRecords() {
        let part = TermPostings(records: Self.records("Pear and apple", "the pear, the PEAR", "Éclair 𝔘nicode pear’s"))
        #expect(part.terms == ["apple", "eclair", "pear", "pears", "𝔘nicode"])
        #expect(part.postings == [[0], [2], [0, 1], [2], [2]])
    }

    @Test func mergingTermListsJoinsPostingsInOrder() {
        let a = TermPostings(records: Self.records("apple", "pear"))
        let b = TermPostings(records: Self.records("fig", "pear", "plum"))
        let merged = TermPostings.merged([a, b], recordCounts: [2, 3])
        #expect(merged.terms == ["apple", "fig", "pear", "plum"])
        #expect(merged.postings == [[0], [2], [1, 3], [4]])
        #expect(TermPostings.merged([a], recordCounts: [2]) == a)
        #expect(TermPostings.merged([TermPostings(records: []), a], recordCounts: [0, 2]) == a)
    }

    /// A small scope has its terms in meta.json; a large one in shards of about `shardTarget` bytes.
    @Test func smallScopesHaveTheirTermsInMeta() throws {
        let words = (0..<20000).map { "word\($0)" }
        let large = TermPostings(records: [SearchRecord(anchorID: nil, label: "", text: words.joined(separator: " "))])
        let small = TermPostings(records: Self.records("apple pear", "fig"))
        for (terms, sharded) in [(small, false), (large, true)] {
            let files = SearchIndex.scopeFiles(folder: "search/x/", publishers: [], terms: terms)
            let meta = try #require(JSONSerialization.jsonObject(with: Data(files[0].bytes)) as? [String: Any])
            #expect((files.count > 2) == sharded)
            #expect((meta["terms"] as? String != nil) == !sharded)
            #expect((meta["shards"] as? [String])?.count == files.count - (sharded ? 1 : 0))
        }
    }

    /// A small publisher's records are one chunk, a mid-sized one's in chunks of about 16 KB, a
    /// large one's of about 4 KB.
    @Test func chunkSizeFollowsThePublishersText() {
        #expect(SearchIndex.chunkTarget(text: 0) == .max)
        #expect(SearchIndex.chunkTarget(text: SearchIndex.singleChunkText - 1) == .max)
        #expect(SearchIndex.chunkTarget(text: SearchIndex.singleChunkText) == SearchIndex.smallChunkTarget)
        #expect(SearchIndex.chunkTarget(text: SearchIndex.smallPublisherText) == SearchIndex.chunkTarget)
    }

    /// List items under "Appendix 1 / How to Stay ‘Cybersafe’" belong to that heading's anchor.
    @Test(arguments: ["ashley-college", "roe-green-junior-school"])
    func imeiIsUnderTheCybersafeHeadingOfAppendix1(_ publisher: String) async throws {
        let (report, _) = await TestSite.build(write: false)
        let site = try #require(report.site)
        let policy = try #require(site.publisher(Slug(validating: publisher)!)?.policies.first)
        let records = SearchRecord.records(of: policy).filter { $0.text.contains("IMEI") }
        #expect(records.map(\.anchorID) == ["how-to-stay-cybersafe-dos-and-donts-for-school-staff"])
        #expect(records.first?.label == "Appendix 1: How to Stay ‘Cybersafe’ – Do’s and Don’ts for school staff")
    }

    @Test func numberedClausesAreTheirOwnRecords() async throws {
        let (report, _) = await TestSite.build(write: false)
        let site = try #require(report.site)
        let policy = try #require(site.publisher(Slug(validating: "roe-green-junior-school")!)?.policies.first)
        let records = SearchRecord.records(of: policy)
        let clause = try #require(records.first { $0.anchorID == "clause-5.12" })
        #expect(clause.label == "Clause 5.12")
        #expect(records.allSatisfy { $0.text.utf8.count < SearchRecord.targetLength * 3 })
        #expect(Set(records.compactMap(\.anchorID)).isSubset(of: policy.outline.ids))
    }

    @Test func builtIndexFindsIMEIForAPublisherAndSiteWide() async throws {
        let (report, site) = await TestSite.build()
        #expect(report.succeeded)
        var publisher = try #require(SearchIndexReader(site: site, scope: "search/ashley-college/"))
        let hits = publisher.records(of: "imei").compactMap { publisher.hit($0) }
        #expect(hits.map(\.anchor) == ["how-to-stay-cybersafe-dos-and-donts-for-school-staff"])
        #expect(hits.first?.policy == "digital-safety-and-acceptable-use")
        // Ashley College has about 20 KB of text: one chunk, and its terms in meta.json.
        let files = try FileManager.default.contentsOfDirectory(atPath: site + "/search/ashley-college").sorted()
        #expect(files == ["index.html", "meta.json", "r-0.json"])

        var all = try #require(SearchIndexReader(site: site, scope: "search/"))
        let everywhere = all.records(of: "imei").compactMap { all.hit($0) }
        #expect(everywhere.map(\.publisher) == ["ashley-college", "roe-green-junior-school", "walsall-school"])
        #expect(everywhere.allSatisfy { $0.text.contains("IMEI") })
    }

    @Test func searchPagesWorkWithoutJavaScript() async {
        let (report, site) = await TestSite.build()
        #expect(report.succeeded)
        let page = TestSite.read(site, "search/roe-green-junior-school/index.html")
        #expect(page.contains("<form class=\"search-form\" role=\"search\""))
        #expect(page.contains("data-scope=\"search/roe-green-junior-school/\""))
        #expect(page.contains("id=\"search-nojs\""))
        #expect(page.contains("href=\"../../roe-green-junior-school/digital-online-safety-and-acceptable-use/index.html\""))
        #expect(page.contains("<script src=\"../../assets/search.js\" defer></script>"))
        #expect(!page.contains("<script>"))
        #expect(page.contains("<a href=\"../../clauses/index.html#publisher-roe-green-junior-school\">clause index</a>"))
        #expect(TestSite.read(site, "search/index.html").contains("<a href=\"../clauses/index.html\">clause index</a>"))
        #expect(TestSite.read(site, "index.html").contains("href=\"search/index.html\">Search</a>"))
        #expect(TestSite.read(site, "roe-green-junior-school/index.html").contains("action=\"../search/roe-green-junior-school/index.html\""))
        #expect(FileManager.default.fileExists(atPath: site + "/assets/search.js"))
    }
}
