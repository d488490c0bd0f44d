/// Finds citations of legislation in running text, as policies write them: "The Protection from
/// Harassment act 1997", "S.127 of the Communication act 2003", "The Defamation Acts of 1952, 1996
/// and 2013" (three Acts), "Obscene Publications Act 1959 and 1964" (two), "The General Data
/// Protection Regulation". Names match whole words, ignoring case, so "act" as a verb or inside a
/// word never matches. Something shaped like "… Act 1998" that is not in the glossary is reported.
struct CitationDetector: Sendable {
    /// A citation of a glossary entry: the characters to link.
    struct Match: Sendable, Equatable {
        var range: Range<Int>
        var act: Slug
    }

    /// Text shaped like an Act ("Education Act 2002") that the glossary does not hold.
    struct Unknown: Sendable, Equatable {
        var range: Range<Int>
        var name: String
    }

    /// A glossary name as matched: its normalised words, each with its `WordTable.hash`.
    private struct Name: Sendable {
        var words: [[UInt8]]
        var hashes: [UInt64]
        var act: Slug
        /// The last word is "act": the name has no year ("Freedom of Information Act").
        var endsWithAct: Bool
    }

    /// The first words of the names; a word's index there is its index in `namesByFirstWord`.
    private let firstWords: WordTable
    /// Names by first word, longest first.
    private let namesByFirstWord: [[Name]]
    /// Every name, by its normalised words joined with spaces.
    private let actsByKey: [String: Slug]

    init(_ legislation: Legislation) {
        var byFirst: [String: [(words: [String], act: Slug)]] = [:]
        var byKey: [String: Slug] = [:]
        for act in legislation.acts {
            for name in act.names {
                let words = Self.words(TextToken.tokens(name))
                guard let first = words.first else { continue }
                byFirst[first, default: []].append((words, act.slug))
                byKey[words.joined(separator: " ")] = act.slug
            }
        }
        let firsts = Array(byFirst.keys)
        firstWords = WordTable(firsts)
        namesByFirstWord = firsts.map { first in
            byFirst[first, default: []].sorted { ($0.words.count, $1.act) > ($1.words.count, $0.act) }.map { name in
                let bytes = name.words.map { Array($0.utf8) }
                return Name(words: bytes, hashes: bytes.map { $0.reduce(WordTable.seed, WordTable.hash) }, act: name.act,
                            endsWithAct: name.words.last == "act")
            }
        }
        actsByKey = byKey
    }

    /// The words of a name as matched: lower-cased, "&" as "and", "Acts" as "act", and the "of"
    /// in "Acts of 1952" dropped.
    static func words(_ tokens: TextTokens) -> [String] { stream(tokens).map { tokens.norm(tokens[$0]) } }

    /// The key two names share when they are the same name.
    static func nameKey(_ name: String) -> String { words(TextToken.tokens(name)).joined(separator: " ") }

    /// Indices of the tokens that take part in matching: all but an "of" between "act" and a year.
    static func stream(_ tokens: TextTokens) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(tokens.count)
        for (i, t) in tokens.enumerated() {
            if tokens.hasNorm(t, "of"), let previous = out.last, tokens.hasNorm(tokens[previous], "act"), i + 1 < tokens.count,
               tokens[i + 1].isYear { continue }
            out.append(i)
        }
        return out
    }

    /// The tokens that take part in matching, as `stream` gives them; most texts drop none, and
    /// then no list is made.
    private struct Stream {
        let kept: [Int]?
        let count: Int

        init(_ tokens: TextTokens) {
            // An "of" is dropped only right after "act" (an "of" is never dropped after another).
            let drops = tokens.indices.contains { i in
                i > 0 && i + 1 < tokens.count && tokens[i + 1].isYear && tokens.hasNorm(tokens[i], "of") && tokens.hasNorm(tokens[i - 1], "act")
            }
            kept = drops ? CitationDetector.stream(tokens) : nil
            count = kept?.count ?? tokens.count
        }

        subscript(k: Int) -> Int { kept?[k] ?? k }
    }

    /// Words of one name may be separated by spaces and commas only ("Copyright, designs and …").
    private static func joins(_ t: TextToken) -> Bool { t.followsSpaceOrComma }

    private static let connectorList = ["of", "and", "for", "from", "on", "in", "to", "at", "&"]
    private static let connectors = WordTable(connectorList)
    private static let leadingStopWords = WordTable(connectorList + ["the", "this", "that", "these", "those", "a", "an", "our", "their", "its", "under", "see", "per", "by", "with", "within", "as"])

    func scan(_ tokens: TextTokens) -> (matches: [Match], unknown: [Unknown]) {
        let s = Stream(tokens)
        var matches: [Match] = []
        var unknown: [Unknown] = []
        var covered = Set<Int>()
        var k = 0
        while k < s.count {
            guard let (length, act) = longestName(at: k, in: s, tokens) else { k += 1; continue }
            let first = tokens[s[k]], last = tokens[s[k + length - 1]]
            matches.append(Match(range: first.start..<last.end, act: act))
            for j in k..<(k + length) { covered.insert(s[j]) }
            k += length
            // "Acts of 1952, 1996 and 2013", "Act 1959 and 1964": one citation per further year.
            guard length >= 2, tokens.hasNorm(tokens[s[k - 2]], "act"), last.isYear else { continue }
            let stem = ((k - length)..<(k - 1)).map { tokens.norm(tokens[s[$0]]) }.joined(separator: " ")
            let shown = ((k - length)..<(k - 2)).map { tokens.text(tokens[s[$0]]) }.joined(separator: " ")
            while let (yearIndex, next) = nextListedYear(from: k, in: s, tokens) {
                let year = tokens[s[yearIndex]]
                if let other = actsByKey[stem + " " + tokens.text(year)] {
                    matches.append(Match(range: year.start..<year.end, act: other))
                } else {
                    unknown.append(Unknown(range: year.start..<year.end, name: "\(shown) Act \(tokens.text(year))"))
                }
                for j in k..<next { covered.insert(s[j]) }
                k = next
            }
        }
        unknown += unknownActs(tokens, stream: s, covered: covered)
        return (matches, unknown.sorted { $0.range.lowerBound < $1.range.lowerBound })
    }

    /// The longest glossary name starting at stream position `k`: its length in words and its Act.
    private func longestName(at k: Int, in s: Stream, _ tokens: TextTokens) -> (Int, Slug)? {
        guard let first = firstWords.index(of: tokens[s[k]], in: tokens) else { return nil }
        for name in namesByFirstWord[first] where k + name.words.count <= s.count {
            // The first word is the one looked up.
            var ok = true
            for offset in 1..<max(1, name.words.count) {
                let t = tokens[s[k + offset]]
                if t.normHash != name.hashes[offset] || !tokens.hasNorm(t, name.words[offset][...]) || !Self.joins(t) { ok = false; break }
            }
            guard ok else { continue }
            // A name without a year ("Freedom of Information Act") followed by a year is another Act.
            let end = k + name.words.count
            if name.endsWithAct, end < s.count, tokens[s[end]].isYear, Self.joins(tokens[s[end]]) { continue }
            return (name.words.count, name.act)
        }
        return nil
    }

    /// After a cited year: ", 1996" or "and 2013" gives the year's stream position and where the
    /// list continues.
    private func nextListedYear(from k: Int, in s: Stream, _ tokens: TextTokens) -> (Int, Int)? {
        guard k < s.count, Self.joins(tokens[s[k]]) else { return nil }
        if tokens[s[k]].isYear { return (k, k + 1) }
        if tokens.hasNorm(tokens[s[k]], "and"), k + 1 < s.count, tokens[s[k + 1]].isYear, tokens[s[k + 1]].followsSpace { return (k + 1, k + 2) }
        return nil
    }

    /// "Education Act 2002" and the like that no glossary name covered: a capitalised "Act" after a
    /// capitalised name and before a year.
    private func unknownActs(_ tokens: TextTokens, stream s: Stream, covered: Set<Int>) -> [Unknown] {
        var out: [Unknown] = []
        for k in 0..<s.count where tokens.hasText(tokens[s[k]], "Act") || tokens.hasText(tokens[s[k]], "Acts") {
            let i = s[k]
            guard !covered.contains(i), k + 1 < s.count, tokens[s[k + 1]].isYear, Self.joins(tokens[s[k + 1]]) else { continue }
            var first = k
            while first > 0 {
                let t = tokens[s[first - 1]]
                guard !covered.contains(s[first - 1]), tokens[s[first]].followsSpace,
                      t.isCapitalised || Self.connectors.contains(t, in: tokens) else { break }
                first -= 1
            }
            while first < k, Self.leadingStopWords.contains(tokens[s[first]], in: tokens) { first += 1 }
            guard first < k else { continue }
            let shown = (first..<k).map { tokens.text(tokens[s[$0]]) }.joined(separator: " ")
            var years = [k + 1]
            var next = k + 2
            while let (yearIndex, after) = nextListedYear(from: next, in: s, tokens) { years.append(yearIndex); next = after }
            for (n, y) in years.enumerated() {
                let year = tokens[s[y]]
                let start = n == 0 ? tokens[s[first]].start : year.start
                out.append(Unknown(range: start..<year.end, name: "\(shown) Act \(tokens.text(year))"))
            }
        }
        return out
    }
}
