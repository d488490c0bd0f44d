import Testing
@testable import PolicySiteKit

/// Myers' diff, word diffs and clause-by-clause comparisons.
@Suite struct DiffTests {
    /// A small deterministic generator, so the property tests see the same inputs every run.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func lcsLength(_ a: [Int], _ b: [Int]) -> Int {
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var diagonal = 0
            for (j, y) in b.enumerated() {
                let above = row[j + 1]
                row[j + 1] = x == y ? diagonal + 1 : max(row[j + 1], row[j])
                diagonal = above
            }
        }
        return row[b.count]
    }

    @Test func myersIsAShortestEditScript() {
        var g = Generator(state: 42)
        for _ in 0..<400 {
            let a = (0..<g.next(30)).map { _ in g.next(5) }
            let b = (0..<g.next(30)).map { _ in g.next(5) }
            let steps = Myers.diff(a, b)
            var rebuilt: [Int] = [], consumedA: [Int] = []
            for step in steps {
                switch step {
                case .equal(let i, let j): #expect(a[i] == b[j]); rebuilt.append(b[j]); consumedA.append(i)
                case .delete(let i): consumedA.append(i)
                case .insert(let j): rebuilt.append(b[j])
                }
            }
            #expect(rebuilt == b)
            #expect(consumedA == Array(a.indices))
            let edits = steps.filter { if case .equal = $0 { false } else { true } }.count
            #expect(edits == a.count + b.count - 2 * Self.lcsLength(a, b), "\(a) → \(b)")
        }
    }

    @Test func tooManyDifferencesStillGiveACorrectScript() {
        let a = Array(0..<10_000), b = Array(10_000..<20_000)
        let steps = Myers.diff(a, b)
        #expect(steps.count == 20_000)
    }

    static let words: [(String, String, [WordDiff.Piece])] = [
        ("this is l representative of the school.", "this is representative of the school.",
         [.init(kind: .same, text: "this is", spaceBefore: false), .init(kind: .deleted, text: "l", spaceBefore: true),
          .init(kind: .same, text: "representative of the school.", spaceBefore: true)]),
        ("record such incidents.", "Record such incidents in writing.",
         [.init(kind: .deleted, text: "record", spaceBefore: false), .init(kind: .inserted, text: "Record", spaceBefore: false),
          .init(kind: .same, text: "such incidents", spaceBefore: true), .init(kind: .inserted, text: "in writing", spaceBefore: true),
          .init(kind: .same, text: ".", spaceBefore: false)]),
        ("the school’s reputation", "the school's reputation", [.init(kind: .same, text: "the school's reputation", spaceBefore: false)]),
    ]

    @Test(arguments: words)
    func wordDiff(_ old: String, _ new: String, _ expected: [WordDiff.Piece]) {
        #expect(WordDiff(old: old, new: new).pieces == expected)
    }

    @Test func marksAreAnnouncedToScreenReaders() {
        let html = ChangeContext.html(WordDiff(old: "use school accounts", new: "use official school accounts"))
        #expect(html == "use <ins><span class=\"visually-hidden\">[inserted: </span>official<span class=\"visually-hidden\">]</span></ins> school accounts")
        #expect(ChangeContext.marked("a < b", inserted: false).contains("<del><span class=\"visually-hidden\">[deleted: </span>a &lt; b"))
    }

    /// The seeds: Roe Green adapted the model text that Ashley College adopted unchanged.
    @Test func roeGreenComparedWithAshleyCollege() async throws {
        let (report, _) = await TestSite.build(write: false)
        let site = try #require(report.site)
        let ashley = try #require(site.publisher(Slug(validating: "ashley-college")!)?.policies.first)
        let roe = try #require(site.publisher(Slug(validating: "roe-green-junior-school")!)?.policies.first)
        let comparison = TextComparison(old: ashley.textUnits, new: roe.textUnits)
        let added = comparison.added.compactMap { $0.new?.label }
        for label in ["Clause 5.11", "Section 8 heading", "Clause 8.1", "Clause 8.2", "Clause 9.5", "Clause 10.6"] {
            #expect(added.contains(label), "\(label) is Roe Green's own")
        }
        let pairs = Dictionary(comparison.reworded.map { ($0.new!.label, $0.old!.label) }, uniquingKeysWith: { a, _ in a })
        #expect(pairs["Clause 5.1"] == "Section 5, item 1", "bullets align with numbered clauses by their words")
        #expect(pairs["Clause 9.1"] == "Section 8, item 1", "Roe Green's section 9 is Ashley's section 8")
        #expect(pairs["Clause 10.1"] == "Section 9, item 1")
        #expect(!added.contains("Clause 5.12") && !added.contains("Clause 9.3"), "unchanged clauses are matched, not added")
        #expect(comparison.unchanged > 80)
    }
}
