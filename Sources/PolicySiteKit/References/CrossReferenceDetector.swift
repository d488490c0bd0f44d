/// Finds references to parts of the same policy, as policies write them: "Appendix 2", "see
/// appendix 4", "attached at Appendix 4", "section 12", "paragraph 5.4", "clause 10.1",
/// "Appendix 1 of this policy". A reference to another document ("section 127 of the
/// Communications Act 2003", "KCSiE paragraph 141") is not one.
enum CrossReferenceDetector {
    /// A reference: the characters to link and the anchor ids it may mean, best first.
    struct Match: Sendable, Equatable {
        var range: Range<Int>
        /// "Appendix 2", "Section 12", "Clause 5.4": how it reads in a message.
        var label: String
        var candidates: [String]
    }

    private static let keywords = WordTable(["appendix", "section", "paragraph", "para", "clause"])
    /// Words after the number that make it a part of some other document, unless "this policy" follows.
    private static let elsewhere = WordTable(["of", "in", "under"])
    private static let selfWords = WordTable(["policy", "document", "procedure", "agreement", "guidance"])

    static func scan(_ tokens: TextTokens) -> [Match] {
        var out: [Match] = []
        var i = 0
        while i + 1 < tokens.count {
            defer { i += 1 }
            guard keywords.contains(tokens[i], in: tokens) else { continue }
            let target = tokens[i + 1]
            guard target.followsSpace else { continue }
            // "KCSiE paragraph 141", "Act 2003 section 3": a part of a named document.
            if i > 0, tokens[i].followsSpace, tokens[i - 1].isAcronym || tokens.hasNorm(tokens[i - 1], "act") || tokens[i - 1].isYear { continue }
            var end = target.end
            if i + 2 < tokens.count, tokens[i + 2].followsSpace, elsewhere.contains(tokens[i + 2], in: tokens) {
                guard i + 4 < tokens.count, tokens.hasNorm(tokens[i + 3], "this") || tokens.hasNorm(tokens[i + 3], "the"),
                      selfWords.contains(tokens[i + 4], in: tokens), tokens[i + 3].followsSpace, tokens[i + 4].followsSpace else { continue }
                end = tokens[i + 4].end
            }
            // Only a number, or a capital letter for an appendix, can follow (see `resolve`).
            let lead = tokens.bytes[target.start]
            guard (lead >= 0x30 && lead <= 0x39) || (lead >= 0x41 && lead <= 0x5A),
                  let (label, candidates) = resolve(keyword: tokens.norm(tokens[i]), tokens.text(target)) else { continue }
            out.append(Match(range: tokens[i].start..<end, label: label, candidates: candidates))
            i += 1
        }
        return out
    }

    /// The anchor ids a keyword and number may mean: "appendix 2" → appendix-2; "section 12" →
    /// section-12; "paragraph 5.4" → clause-5.4 (a single number may be a section).
    static func resolve(keyword: String, _ number: String) -> (String, [String])? {
        if keyword == "appendix" {
            let isNumber = number.count <= 3 && number.allSatisfy { $0.isASCII && $0.isNumber }
            let isLetter = number.count == 1 && number.allSatisfy { $0.isASCII && $0.isUppercase }
            guard isNumber || isLetter else { return nil }
            return ("Appendix \(number)", ["appendix-\(number.lowercased())"])
        }
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let name = keyword == "section" ? "Section" : keyword == "clause" ? "Clause" : "Paragraph"
        let label = "\(name) \(number)"
        if parts.count == 1 { return (label, ["section-\(number)"]) }
        return (label, ["clause-\(number)", "section-\(number)"])
    }
}
