import Foundation

/// How text becomes search terms. `templates/assets/search.js` does exactly the same to a query:
/// a word is a run of letters, digits and combining marks (an apostrophe between two of them is
/// dropped: "don’t" → "dont"), folded to lower case without accents.
enum SearchText {
    /// Words too common to be worth indexing; a query ignores them too.
    static let stopWords: [String] = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "if", "in", "is",
        "it", "its", "of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "which", "will", "with",
    ]
    static let stopWordSet = Set(stopWords)

    /// Terms longer than this are not indexed (they are debris such as long identifiers).
    static let maximumTermLength = 40

    /// The distinct terms of `text`, stop words removed, in first-seen order. The same as
    /// normalizing each of `words(in:)`, with a fast path for words that are plain ASCII.
    static func terms(in text: String) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        func add(_ term: String) {
            guard !term.isEmpty, term.unicodeScalars.count <= maximumTermLength, !stopWordSet.contains(term) else { return }
            if seen.insert(term).inserted { result.append(term) }
        }
        var ascii: [UInt8] = []
        var raw = String.UnicodeScalarView()
        var needsFolding = false
        var inWord = false
        var pendingApostrophe: Unicode.Scalar? = nil
        func end() {
            if inWord { add(needsFolding ? normalize(String(raw)) : String(decoding: ascii, as: UTF8.self)) }
            ascii.removeAll(keepingCapacity: true)
            raw = String.UnicodeScalarView()
            needsFolding = false
            inWord = false
            pendingApostrophe = nil
        }
        for s in text.unicodeScalars {
            let v = s.value
            let isWord: Bool
            if v < 0x80 {
                isWord = (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
            } else {
                isWord = isWordScalar(s)
            }
            if isWord {
                if let apostrophe = pendingApostrophe { raw.append(apostrophe); pendingApostrophe = nil }
                inWord = true
                raw.append(s)
                if v < 0x80 {
                    ascii.append(v >= 0x41 && v <= 0x5A ? UInt8(v + 0x20) : UInt8(v))
                } else {
                    needsFolding = true
                }
            } else if inWord, pendingApostrophe == nil, isApostrophe(s) {
                pendingApostrophe = s
            } else {
                end()
            }
        }
        end()
        return result
    }

    /// Lower case, accents removed, apostrophes removed: "Café’s" → "cafes".
    static func normalize<S: StringProtocol>(_ word: S) -> String {
        var out = String.UnicodeScalarView()
        for scalar in String(word).decomposedStringWithCanonicalMapping.unicodeScalars where !isMark(scalar) && !isApostrophe(scalar) {
            out.append(scalar)
        }
        return String(out).lowercased()
    }

    /// The words of `text` as written.
    static func words(in text: String) -> [Substring] {
        var words: [Substring] = []
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        var start: String.UnicodeScalarView.Index? = nil
        while i < scalars.endIndex {
            let s = scalars[i]
            if isWordScalar(s) {
                if start == nil { start = i }
            } else if start != nil, isApostrophe(s), let next = scalars.index(i, offsetBy: 1, limitedBy: scalars.endIndex),
                      next < scalars.endIndex, isWordScalar(scalars[next]) {
                // an apostrophe inside a word: keep going
            } else if let s0 = start {
                words.append(Substring(text.unicodeScalars[s0..<i]))
                start = nil
            }
            i = scalars.index(after: i)
        }
        if let s0 = start { words.append(Substring(text.unicodeScalars[s0..<scalars.endIndex])) }
        return words
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }
}
