/// Unit-by-unit differences between two texts of a policy (an earlier version and the current
/// one, or a model and a school's adaptation).
///
/// Units are first aligned by their text with Myers' diff, so unchanged clauses match even when
/// renumbered or when one side numbers them and the other uses bullets. What is left between two
/// matches is paired up: clauses with the same number always pair (permalinks stay put across
/// versions), other units pair when their words are similar enough; the rest are added or removed.
struct TextComparison: Sendable {
    struct Change: Sendable {
        enum Kind: String, Sendable { case added, removed, reworded }
        var kind: Kind
        var old: TextUnit?
        var new: TextUnit?
        /// Word-level marks, for reworded units.
        var words: WordDiff?
    }

    /// Changes in reading order of the new text (removed units where they stood).
    let changes: [Change]
    /// Units present in both with the same words.
    let unchanged: Int

    /// Two units at least this similar (Dice coefficient of their words) are one unit reworded.
    static let similarEnough = 0.5
    /// The most pairs a gap between matches is scored for; beyond it only clause numbers pair.
    static let maximumPairs = 40_000

    init(old: [TextUnit], new: [TextUnit]) {
        var interner = Interner<String>()
        let key = { (u: TextUnit) in "\(u.kind.rawValue)|" + TextNormal.key(ofText: u.text) }
        let steps = Myers.diff(old.map { interner.id(key($0)) }, new.map { interner.id(key($0)) })
        var changes: [Change] = []
        var unchanged = 0
        var deleted: [Int] = [], inserted: [Int] = []
        func flush() {
            if !deleted.isEmpty || !inserted.isEmpty {
                for change in TextComparison.pair(deleted.map { old[$0] }, inserted.map { new[$0] }) {
                    if change.kind == .reworded, change.words?.hasChanges == false { unchanged += 1 } else { changes.append(change) }
                }
            }
            deleted = []; inserted = []
        }
        for step in steps {
            switch step {
            case .equal: flush(); unchanged += 1
            case .delete(let i): deleted.append(i)
            case .insert(let j): inserted.append(j)
            }
        }
        flush()
        self.changes = changes
        self.unchanged = unchanged
    }

    var added: [Change] { changes.filter { $0.kind == .added } }
    var removed: [Change] { changes.filter { $0.kind == .removed } }
    var reworded: [Change] { changes.filter { $0.kind == .reworded } }

    /// Order-preserving best pairing of the removed and added units of one gap (Needleman–Wunsch).
    private static func pair(_ a: [TextUnit], _ b: [TextUnit]) -> [Change] {
        let p = a.count, q = b.count
        guard p * q <= maximumPairs else { return pairByNumber(a, b) }
        let wordsA = a.map { WordBag($0.text) }, wordsB = b.map { WordBag($0.text) }
        func score(_ i: Int, _ j: Int) -> Double {
            guard a[i].kind == b[j].kind else { return 0 }
            if let n = a[i].numberKey, n == b[j].numberKey { return 1 + wordsA[i].dice(wordsB[j]) }
            let s = wordsA[i].dice(wordsB[j])
            return s >= similarEnough ? s : 0
        }
        // best[i][j]: the best total for a[i...] and b[j...].
        var best = [[Double]](repeating: [Double](repeating: 0, count: q + 1), count: p + 1)
        var pairScore = [[Double]](repeating: [Double](repeating: 0, count: q), count: p)
        for i in stride(from: p - 1, through: 0, by: -1) {
            for j in stride(from: q - 1, through: 0, by: -1) {
                let s = score(i, j)
                pairScore[i][j] = s
                best[i][j] = max(best[i + 1][j], best[i][j + 1], s > 0 ? best[i + 1][j + 1] + s : 0)
            }
        }
        var changes: [Change] = []
        var i = 0, j = 0
        while i < p || j < q {
            if i < p, j < q, pairScore[i][j] > 0, best[i][j] == best[i + 1][j + 1] + pairScore[i][j] {
                let words = WordDiff(old: a[i].text, new: b[j].text)
                changes.append(Change(kind: .reworded, old: a[i], new: b[j], words: words))
                i += 1; j += 1
            } else if i < p, best[i][j] == best[i + 1][j] {
                changes.append(Change(kind: .removed, old: a[i], new: nil, words: nil))
                i += 1
            } else {
                changes.append(Change(kind: .added, old: nil, new: b[j], words: nil))
                j += 1
            }
        }
        return changes
    }

    /// For very large gaps: only clauses with the same number pair; removed units come first.
    private static func pairByNumber(_ a: [TextUnit], _ b: [TextUnit]) -> [Change] {
        var byNumber: [String: Int] = [:]
        for (j, unit) in b.enumerated() { if let n = unit.numberKey, byNumber[n] == nil { byNumber[n] = j } }
        var partner: [Int: TextUnit] = [:]
        var changes: [Change] = []
        for unit in a {
            if let n = unit.numberKey, let j = byNumber.removeValue(forKey: n), b[j].kind == unit.kind {
                partner[j] = unit
            } else {
                changes.append(Change(kind: .removed, old: unit, new: nil, words: nil))
            }
        }
        for (j, unit) in b.enumerated() {
            if let old = partner[j] {
                changes.append(Change(kind: .reworded, old: old, new: unit, words: WordDiff(old: old.text, new: unit.text)))
            } else {
                changes.append(Change(kind: .added, old: nil, new: unit, words: nil))
            }
        }
        return changes
    }
}

/// The words of a text as a multiset, for a quick similarity score.
struct WordBag {
    private var counts: [String: Int] = [:]
    private(set) var total = 0

    init(_ text: String) {
        for token in WordDiff.tokens(text) where !TextNormal.isMark(token.text.first ?? " ") {
            counts[token.key.lowercased(), default: 0] += 1
            total += 1
        }
    }

    /// 2·|shared| / (|a| + |b|): 1 for the same words, 0 for none in common.
    func dice(_ other: WordBag) -> Double {
        guard total + other.total > 0 else { return 1 }
        let (small, large) = counts.count <= other.counts.count ? (counts, other.counts) : (other.counts, counts)
        var shared = 0
        for (word, n) in small { shared += min(n, large[word] ?? 0) }
        return 2 * Double(shared) / Double(total + other.total)
    }
}
