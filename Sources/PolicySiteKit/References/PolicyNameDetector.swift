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

    private static let connectors: Set<String> = ["and", "of", "at", "for", "&"]
    private static let determiners: Set<String> = ["the", "this", "that", "these", "those", "a", "an", "our", "their", "its", "any", "each", "every", "all", "your", "see", "under", "with", "per"]
    private static let selfWords: Set<String> = ["this", "these"]

    static func scan(_ tokens: [TextToken], ownTitle: String) -> [Match] {
        scan(tokens, ownWords: titleWords(ownTitle))
    }

    /// The words of a policy's title, to tell a reference from the policy naming itself.
    static func titleWords(_ title: String) -> Set<String> { Set(TextToken.tokens(title).map(\.norm)) }

    static func scan(_ tokens: [TextToken], ownWords: Set<String>) -> [Match] {
        var out: [Match] = []
        for (p, policy) in tokens.enumerated() where policy.text == "Policy" && p > 0 {
            var first = p
            while first > 0 {
                let t = tokens[first - 1]
                let slashJoin = tokens[first].gapBefore == "/" && t.isCapitalised && tokens[first].isCapitalised
                guard tokens[first].followsSpace || slashJoin, t.isCapitalised || connectors.contains(t.norm),
                      !t.norm.hasSuffix("'s"), !t.norm.hasSuffix("’s") else { break }
                first -= 1
            }
            // "this Acceptable Use Policy", "This Acceptable Use Policy": the policy itself.
            var isSelf = first > 0 && tokens[first].followsSpace && selfWords.contains(tokens[first - 1].norm)
            while first < p, connectors.contains(tokens[first].norm) || determiners.contains(tokens[first].norm) {
                if selfWords.contains(tokens[first].norm) { isSelf = true }
                first += 1
            }
            guard first < p, !isSelf else { continue }
            var last = p
            if p + 2 < tokens.count, tokens[p + 1].norm == "and", ["Procedure", "Procedures"].contains(tokens[p + 2].text),
               tokens[p + 1].followsSpace, tokens[p + 2].followsSpace {
                last = p + 2
            }
            let words = tokens[first...last]
            if words.allSatisfy({ ownWords.contains($0.norm) }) { continue }
            let name = tokens[first].text + tokens[(first + 1)...last].map { $0.gapBefore + $0.text }.joined()
            out.append(Match(range: tokens[first].start..<tokens[last].end, name: name, key: key(name)))
        }
        return out
    }

    /// The words that identify a policy's name: lower-cased, without "the", "policy", "and
    /// procedure(s)". "Disciplinary Policy and Procedure" and "Disciplinary Policy" share "disciplinary".
    static func key(_ name: String) -> String {
        var words = TextToken.tokens(name).map(\.norm).filter { !["policy", "procedure", "procedures"].contains($0) }
        while let w = words.last, connectors.contains(w) { words.removeLast() }
        while let w = words.first, w == "the" || connectors.contains(w) { words.removeFirst() }
        return words.joined(separator: " ")
    }
}
