/// Finds references to other policies by name, as policies write them: "Safeguarding Policy",
/// "Disciplinary Policy and Procedure", "the Child Protection Policy". A name is a run of
/// capitalised words (with "and", "of", "at", "for" between them) before "Policy", without a
/// leading "The", "A" or "See". "This Acceptable Use Policy" and names made only of the policy's
/// own title words are the policy itself, not a reference.
enum PolicyNameDetector {
    struct Match: Sendable, Equatable {
        var range: Range<Int>
        /// The name as written: "Disciplinary Policy and Procedure".
        var name: String
        /// What two names of the same policy share: "disciplinary".
        var key: String
    }

    private static let connectors = WordTable(["and", "of", "at", "for", "&"])
    private static let determiners = WordTable(["the", "this", "that", "these", "those", "a", "an", "our", "their", "its", "any", "each", "every", "all", "your", "see", "under", "with", "per"])
    private static let selfWords = WordTable(["this", "these"])

    static func scan(_ tokens: TextTokens, ownTitle: String) -> [Match] {
        scan(tokens, ownWords: titleWords(ownTitle))
    }

    /// The words of a policy's title, to tell a reference from the policy naming itself.
    static func titleWords(_ title: String) -> WordTable {
        let tokens = TextToken.tokens(title)
        return WordTable(tokens.map { tokens.norm($0) })
    }

    static func scan(_ tokens: TextTokens, ownWords: WordTable) -> [Match] {
        var out: [Match] = []
        for p in tokens.indices where p > 0 && tokens.hasText(tokens[p], "Policy") {
            var first = p
            while first > 0 {
                let t = tokens[first - 1]
                let slashJoin = tokens.followsSlash(tokens[first]) && t.isCapitalised && tokens[first].isCapitalised
                guard tokens[first].followsSpace || slashJoin, t.isCapitalised || connectors.contains(t, in: tokens),
                      !tokens.isPossessive(t) else { break }
                first -= 1
            }
            // "this Acceptable Use Policy", "This Acceptable Use Policy": the policy itself.
            var isSelf = first > 0 && tokens[first].followsSpace && selfWords.contains(tokens[first - 1], in: tokens)
            while first < p, connectors.contains(tokens[first], in: tokens) || determiners.contains(tokens[first], in: tokens) {
                if selfWords.contains(tokens[first], in: tokens) { isSelf = true }
                first += 1
            }
            guard first < p, !isSelf else { continue }
            var last = p
            if p + 2 < tokens.count, tokens.hasNorm(tokens[p + 1], "and"),
               tokens.hasText(tokens[p + 2], "Procedure") || tokens.hasText(tokens[p + 2], "Procedures"),
               tokens[p + 1].followsSpace, tokens[p + 2].followsSpace {
                last = p + 2
            }
            if (first...last).allSatisfy({ ownWords.contains(tokens[$0], in: tokens) }) { continue }
            // The tokens of the name are the tokens of its text on its own: the key is made from them.
            let name = TextToken.string(tokens.bytes[tokens[first].start..<tokens[last].end])
            out.append(Match(range: tokens[first].start..<tokens[last].end, name: name,
                             key: key(words: (first...last).map { tokens.norm(tokens[$0]) })))
        }
        return out
    }

    /// The words that identify a policy's name: lower-cased, without "the", "policy", "and
    /// procedure(s)". "Disciplinary Policy and Procedure" and "Disciplinary Policy" share "disciplinary".
    static func key(_ name: String) -> String {
        let tokens = TextToken.tokens(name)
        return key(words: tokens.map { tokens.norm($0) })
    }

    /// `key` of a name from its normalised words.
    private static func key(words all: [String]) -> String {
        var words = all.filter { !["policy", "procedure", "procedures"].contains($0) }
        while let w = words.last, connectors.contains(w) { words.removeLast() }
        while let w = words.first, w == "the" || connectors.contains(w) { words.removeFirst() }
        return words.joined(separator: " ")
    }
}
