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

    static let stopWordBytes = stopWords.map { Array($0.utf8) }

    /// The distinct terms of `text`, stop words removed, in first-seen order.
    static func terms(in text: String) -> [String] {
        struct Distinct: TermSink {
            var table = TermTable.withStopWords()
            var result: [String] = []
            mutating func add(_ term: UnsafeBufferPointer<UInt8>) {
                let known = table.count
                let id = table.intern(term)
                if id == known, id >= TermTable.stopWordCount { result.append(String(decoding: term, as: UTF8.self)) }
            }
        }
        var distinct = Distinct()
        forEachTerm(in: text, into: &distinct)
        return distinct.result
    }

    /// Gives `sink` each term of `text` as UTF-8 bytes, in order, repeats and stop words
    /// included. The same as normalizing each of `words(in:)` and skipping empty terms and terms
    /// of more than `maximumTermLength` characters, but reads the text's bytes: a word of lower
    /// case ASCII letters and digits is given as it is in the text, another ASCII word is copied
    /// in lower case, and only the words that are not plain ASCII are folded.
    static func forEachTerm<Sink: TermSink>(in text: String, into sink: inout Sink) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumTermLength) { scratch in
            text.withUTF8Bytes { forEachTerm(in: $0, scratch: scratch, into: &sink) }
        }
    }

    /// `forEachTerm(in:into:)` on valid UTF-8, with room for one term to be copied. A word's run
    /// of lower case ASCII letters and digits is read in a tight loop; the other characters
    /// are looked at one by one.
    private static func forEachTerm<Sink: TermSink>(in p: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutableBufferPointer<UInt8>,
                                                    into sink: inout Sink) {
        let n = p.count
        var i = 0
        while i < n {
            // Between words.
            var (kind, next) = character(p, at: i)
            guard kind != .other, kind != .apostrophe else {
                i = next
                continue
            }
            let wordStart = i
            /// Whether the word has a letter that is not ASCII (its term is folded)...
            var needsFolding = kind == .folded
            /// ...or an upper case letter or an apostrophe (its term is a copy).
            var needsCopy = kind == .upper
            i = next
            while true {
                while i < n, isLowerOrDigit(p[i]) { i += 1 }
                guard i < n else { break }
                (kind, next) = character(p, at: i)
                if kind == .upper || kind == .folded {
                    needsCopy = needsCopy || kind == .upper
                    needsFolding = needsFolding || kind == .folded
                    i = next
                    continue
                }
                // An apostrophe between two letters is part of the word.
                if kind == .apostrophe, next < n {
                    let (after, afterNext) = character(p, at: next)
                    if after != .other, after != .apostrophe {
                        needsCopy = true
                        needsFolding = needsFolding || after == .folded
                        i = afterNext
                        continue
                    }
                }
                break
            }
            emit(UnsafeBufferPointer(rebasing: p[wordStart..<i]), folding: needsFolding, copying: needsCopy, scratch: scratch, into: &sink)
            // The character that ended the word is not part of the next one.
            if i < n { i = next }
        }
    }

    /// What a character is to `forEachTerm`.
    private enum Kind { case lowerOrDigit, upper, folded, apostrophe, other }

    @inline(__always)
    private static func isLowerOrDigit(_ b: UInt8) -> Bool { b &- 0x61 < 26 || b &- 0x30 < 10 }

    /// The kind of the character at `i` of valid UTF-8, and where the next one starts.
    @inline(__always)
    private static func character(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (Kind, Int) {
        let b = p[i]
        if b < 0x80 {
            if isLowerOrDigit(b) { return (.lowerOrDigit, i + 1) }
            if b &- 0x41 < 26 { return (.upper, i + 1) }
            return (b == 0x27 ? .apostrophe : .other, i + 1)
        }
        let (scalar, length) = decodeScalar(p, at: i)
        if isWordScalar(scalar) { return (.folded, i + length) }
        return (scalar == "\u{2019}" ? .apostrophe : .other, i + length)
    }

    /// Gives `sink` the term of the `raw` word: the word itself when it is lower case ASCII
    /// letters and digits, its ASCII letters and digits in lower case in `scratch` when it is
    /// other ASCII (with apostrophes), or else the word folded.
    @inline(__always)
    private static func emit<Sink: TermSink>(_ raw: UnsafeBufferPointer<UInt8>, folding: Bool, copying: Bool,
                                             scratch: UnsafeMutableBufferPointer<UInt8>, into sink: inout Sink) {
        if folding {
            var term = normalize(String(decoding: raw, as: UTF8.self))
            if !term.isEmpty, term.unicodeScalars.count <= maximumTermLength { term.withUTF8 { sink.add($0) } }
        } else if !copying {
            if raw.count <= maximumTermLength { sink.add(raw) }
        } else {
            var n = 0
            for b in raw where b < 0x80 && b != 0x27 {
                guard n < maximumTermLength else { return }
                // Digits have the 0x20 bit already; letters get their lower case.
                scratch[n] = b | 0x20
                n += 1
            }
            sink.add(UnsafeBufferPointer(rebasing: scratch[..<n]))
        }
    }

    /// The scalar that starts at `i` of valid UTF-8 (a `String`'s), and how many bytes it takes.
    @inline(__always)
    static func decodeScalar(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(p[i])
        let value: UInt32
        let length: Int
        if b0 < 0xE0 {
            value = (b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
            length = 2
        } else if b0 < 0xF0 {
            value = (b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
            length = 3
        } else {
            value = (b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
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

/// What `SearchText.forEachTerm(in:into:)` gives terms to.
protocol TermSink {
    mutating func add(_ term: UnsafeBufferPointer<UInt8>)
}
