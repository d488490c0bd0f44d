/// A run of text split into `TextToken`s: the words the reference detectors match, as byte
/// ranges of the run's UTF-8. Made in one pass over the bytes; only a word or gap that is not
/// ASCII is looked at as characters, and only its normalised word (or the "and" of "&") is
/// stored apart, in `norms`, so the usual word makes no String and copies nothing.
struct TextTokens: Sendable, RandomAccessCollection {
    /// The text's UTF-8 bytes: what token offsets count.
    let bytes: [UInt8]
    /// The normalised words of the tokens that are not `normIsFolded`, one after another.
    private(set) var norms: [UInt8] = []
    private(set) var tokens: [TextToken] = []

    var startIndex: Int { 0 }
    var endIndex: Int { tokens.count }
    subscript(i: Int) -> TextToken { tokens[i] }

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var tokens: [TextToken] = []
        var norms: [UInt8] = []
        tokens.reserveCapacity(bytes.count / 6 + 1)
        bytes.withUnsafeBufferPointer { Self.split($0, into: &tokens, &norms) }
        self.tokens = tokens
        self.norms = norms
    }

    /// The word as written: "Act", "5.12", "&".
    func text(_ t: TextToken) -> String { TextToken.string(bytes[t.start..<t.end]) }

    /// The word lower-cased, with "&" as "and" and "acts" as "act", for matching names.
    func norm(_ t: TextToken) -> String {
        guard t.normIsFolded else { return TextToken.string(norms[t.normStart..<t.normEnd]) }
        return String(decoding: bytes[t.normStart..<t.normEnd].lazy.map(Self.lower), as: UTF8.self)
    }

    /// Byte `k` of the token's normalised word.
    @inline(__always)
    func normByte(_ t: TextToken, _ k: Int) -> UInt8 {
        t.normIsFolded ? Self.lower(bytes[t.normStart + k]) : norms[t.normStart + k]
    }

    /// True when the token is written exactly `word`.
    @inline(__always)
    func hasText(_ t: TextToken, _ word: StaticString) -> Bool {
        guard t.end - t.start == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { w in
            for k in 0..<w.count where bytes[t.start + k] != w[k] { return false }
            return true
        }
    }

    /// True when the token's normalised word is `word`.
    @inline(__always)
    func hasNorm(_ t: TextToken, _ word: StaticString) -> Bool {
        guard t.normCount == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { w in
            for k in 0..<w.count where normByte(t, k) != w[k] { return false }
            return true
        }
    }

    /// True when the token's normalised word is `word`.
    @inline(__always)
    func hasNorm(_ t: TextToken, _ word: ArraySlice<UInt8>) -> Bool {
        guard t.normCount == word.count else { return false }
        for (k, b) in word.enumerated() where normByte(t, k) != b { return false }
        return true
    }

    /// True when the characters between the token and the one before it are a single "/".
    func followsSlash(_ t: TextToken) -> Bool { t.start - t.gapStart == 1 && bytes[t.gapStart] == 0x2F }

    /// True when the normalised word ends in "'s" or "’s" (a possessive), as characters.
    func isPossessive(_ t: TextToken) -> Bool {
        let n = t.normCount
        func endsWith(_ suffix: [UInt8]) -> Bool {
            n >= suffix.count && suffix.indices.allSatisfy { normByte(t, n - suffix.count + $0) == suffix[$0] }
        }
        guard endsWith([0x27, 0x73]) || endsWith([0xE2, 0x80, 0x99, 0x73]) else { return false }
        // Outside ASCII a character may run across the apostrophe; ask the characters.
        if t.isASCII { return true }
        let norm = norm(t)
        return norm.hasSuffix("'s") || norm.hasSuffix("’s")
    }

    private static func lower(_ v: UInt8) -> UInt8 { isASCIIUpper(v) ? v | 0x20 : v }
}

extension TextTokens {
    /// The characters between two tokens, as far as read: ASCII white space and commas are told
    /// from the bytes; a gap with anything else in it is looked at as characters.
    private struct Gap {
        var start: Int
        var isASCII = true
        var spaces = true
        var spacesOrCommas = true

        init(start: Int) { self.start = start }

        mutating func add(_ v: UInt8) {
            let space = v == 0x20 || (v >= 0x09 && v <= 0x0D)
            spaces = spaces && space
            spacesOrCommas = spacesOrCommas && (space || v == 0x2C)
        }

        /// (nothing but spaces, nothing but spaces and commas) before a token at `end`.
        func flags(_ b: UnsafeBufferPointer<UInt8>, end: Int) -> (Bool, Bool) {
            guard start < end else { return (false, false) }
            guard !isASCII else { return (spaces, spacesOrCommas) }
            let gap = TextTokens.string(b, start, end)
            let spaces = gap.allSatisfy(\.isWhitespace)
            return (spaces, spaces || gap.allSatisfy { $0.isWhitespace || $0 == "," })
        }
    }

    /// Splits `b` into words (letters and digits, with inner apostrophes and hyphens), dotted
    /// numbers ("9.9.3") and "&"; everything else is gap.
    private static func split(_ b: UnsafeBufferPointer<UInt8>, into tokens: inout [TextToken], _ norms: inout [UInt8]) {
        var i = 0
        var gap = Gap(start: 0)
        let n = b.count
        while i < n {
            let v = b[i]
            if v < 0x80 && !isASCIIWord(v) {
                if v == 0x26 {
                    // "&", normalised "and".
                    let (spaces, spacesOrCommas) = gap.flags(b, end: i)
                    let normStart = norms.count
                    norms += [0x61, 0x6E, 0x64]
                    tokens.append(TextToken(start: i, end: i + 1, gapStart: gap.start, normStart: normStart, normEnd: norms.count,
                                            normIsFolded: false, normHash: hash(norms, normStart),
                                            followsSpace: spaces, followsSpaceOrComma: spacesOrCommas, isCapitalised: false,
                                            isAcronym: false, isYear: false, isASCII: true))
                    i += 1
                    gap = Gap(start: i)
                } else {
                    gap.add(v)
                    i += 1
                }
                continue
            }
            if v >= 0x80 {
                let (c, length) = scalar(b, i)
                guard isWord(c) else {
                    gap.isASCII = false
                    i += length
                    continue
                }
            }
            let start = i
            var allDigits = true
            var ascii = true
            var capitals = 0
            var hash = WordTable.seed
            while i < n {
                let d = b[i]
                if isASCIIWord(d) {
                    if d > 0x39 { allDigits = false }
                    if isASCIIUpper(d) { capitals += 1 }
                    hash = WordTable.hash(hash, lower(d))
                    i += 1
                    continue
                }
                // Only an apostrophe, "’", a hyphen or a dot can join what follows.
                if d < 0x80 && d != 0x27 && d != 0x2D && d != 0x2E { break }
                let (c, length) = scalar(b, i)
                if d >= 0x80 && isWord(c) {
                    ascii = false
                    allDigits = false
                    i += length
                    continue
                }
                let next = i + length < n ? scalar(b, i + length).0 : " "
                if (c == "'" || c == "’" || c == "-") && !allDigits && isLetter(next) || c == "." && allDigits && isDigit(next) {
                    if d >= 0x80 { ascii = false } else { hash = WordTable.hash(hash, d) }
                    i += length
                } else {
                    break
                }
            }
            let (spaces, spacesOrCommas) = gap.flags(b, end: start)
            var t = TextToken(start: start, end: i, gapStart: gap.start, normStart: start, normEnd: i, normIsFolded: true, normHash: hash,
                              followsSpace: spaces, followsSpaceOrComma: spacesOrCommas, isCapitalised: isASCIIUpper(b[start]),
                              isAcronym: capitals >= 2, isYear: isYear(b, start, i), isASCII: ascii)
            if !ascii {
                // Lower-cased as characters, into `norms`.
                let text = string(b, start, i)
                t.isCapitalised = text.first?.isUppercase == true
                t.isAcronym = text.filter(\.isUppercase).count >= 2
                let lower = text.lowercased()
                t.normStart = norms.count
                norms += (lower == "acts" ? "act" : lower).utf8
                t.normEnd = norms.count
                t.normIsFolded = false
                t.normHash = Self.hash(norms, t.normStart)
            } else if i - start == 4, lower(b[start]) == 0x61, lower(b[start + 1]) == 0x63, lower(b[start + 2]) == 0x74,
                      lower(b[start + 3]) == 0x73 {
                // "acts" → "act"
                t.normEnd = start + 3
                t.normHash = (0..<3).reduce(WordTable.seed) { WordTable.hash($0, lower(b[start + $1])) }
            }
            tokens.append(t)
            gap = Gap(start: i)
        }
    }

    /// `WordTable.hash` of `norms` from `start` to the end.
    private static func hash(_ norms: [UInt8], _ start: Int) -> UInt64 {
        norms[start...].reduce(WordTable.seed, WordTable.hash)
    }

    /// Four digits from 1800 to 2099.
    private static func isYear(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard end - start == 4 else { return false }
        var n = 0
        for k in start..<end {
            guard b[k] >= 0x30 && b[k] <= 0x39 else { return false }
            n = n * 10 + Int(b[k] - 0x30)
        }
        return (1800...2099).contains(n)
    }

    private static func string(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
    }

    private static func isASCIIUpper(_ v: UInt8) -> Bool { v >= 0x41 && v <= 0x5A }

    /// ASCII letters and digits.
    private static func isASCIIWord(_ v: UInt8) -> Bool {
        (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }

    /// The scalar starting at byte `i` of valid UTF-8, and its length in bytes.
    private static func scalar(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unicode.Scalar, Int) {
        let b0 = b[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        guard i + length <= b.count else { return ("\u{FFFD}", 1) }
        var v = UInt32(b0) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { v = v << 6 | UInt32(b[i + k] & 0x3F) }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", length)
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        return c.properties.isAlphabetic
    }

    /// Letters, digits and combining marks (so "é" written as "e" plus an accent stays one word).
    private static func isWord(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        // No-break space; dashes, quotes, bullets and "…": never letters, digits or marks.
        if v == 0xA0 || (v >= 0x2010 && v <= 0x2027) { return false }
        if c.properties.isAlphabetic || c.properties.numericType != nil { return true }
        switch c.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
