/// A word of running text and where it is, for the reference detectors. Offsets count the
/// UTF-8 bytes of the text the token came from.
struct TextToken: Sendable, Equatable {
    var start: Int
    var end: Int
    /// The word as written: "Act", "5.12", "&".
    var text: String
    /// Lower-cased, with "&" as "and" and "acts" as "act", for matching names.
    var norm: String
    /// The characters between the previous token (or the start) and this one.
    var gapBefore: String
    /// Nothing but spaces between this token and the previous one.
    let followsSpace: Bool
    /// Nothing but spaces and commas between this token and the previous one.
    let followsSpaceOrComma: Bool

    init(start: Int, end: Int, text: String, gapBefore: String) {
        let spaces = !gapBefore.isEmpty && gapBefore.allSatisfy(\.isWhitespace)
        let spacesOrCommas = spaces || (!gapBefore.isEmpty && gapBefore.allSatisfy { $0.isWhitespace || $0 == "," })
        self.init(start: start, end: end, text: text, norm: Self.norm(text), gapBefore: gapBefore,
                  followsSpace: spaces, followsSpaceOrComma: spacesOrCommas)
    }

    private init(start: Int, end: Int, text: String, norm: String, gapBefore: String, followsSpace: Bool, followsSpaceOrComma: Bool) {
        self.start = start
        self.end = end
        self.text = text
        self.norm = norm
        self.gapBefore = gapBefore
        self.followsSpace = followsSpace
        self.followsSpaceOrComma = followsSpaceOrComma
    }

    /// Lower-cased, with "&" as "and" and "acts" as "act".
    private static func norm(_ text: String) -> String {
        let lower = text.lowercased()
        return lower == "&" ? "and" : lower == "acts" ? "act" : lower
    }

    /// Starts with a capital letter ("Act", "INTERNET", "KCSiE").
    var isCapitalised: Bool { text.first?.isUppercase == true }

    /// More than one capital letter: an acronym or a document's short name ("KCSiE", "GDPR").
    var isAcronym: Bool { text.filter(\.isUppercase).count >= 2 }

    /// A year as Acts are cited: four digits from 1800 to 2099.
    var isYear: Bool {
        guard text.utf8.count == 4, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(text) else { return false }
        return (1800...2099).contains(n)
    }
}

extension TextToken {
    /// The text as UTF-8 bytes: what token offsets count.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// The text of a range of bytes (ranges always fall on character boundaries).
    static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Splits text into words (letters and digits, with inner apostrophes and hyphens), dotted
    /// numbers ("9.9.3") and "&"; everything else is gap.
    static func tokens(_ text: String) -> [TextToken] { tokens(bytes(text)) }

    static func tokens(_ b: [UInt8]) -> [TextToken] {
        var tokens: [TextToken] = []
        tokens.reserveCapacity(b.count / 5)
        var i = 0
        var gapStart = 0
        let n = b.count
        while i < n {
            let c: Unicode.Scalar, length: Int
            if b[i] < 0x80 {
                // ASCII gap bytes are skipped without decoding.
                guard b[i] == 0x26 || isASCIIWord(b[i]) else { i += 1; continue }
                (c, length) = (Unicode.Scalar(b[i]), 1)
            } else {
                (c, length) = scalar(b, i)
            }
            if c == "&" {
                tokens.append(token(b, gapStart, i, i + 1, text: "&"))
                i += 1
                gapStart = i
                continue
            }
            guard isWord(c) else { i += length; continue }
            let start = i
            var allDigits = isDigit(c)
            i += length
            while i < n {
                let d: Unicode.Scalar, dLength: Int
                if b[i] < 0x80 {
                    if isASCIIWord(b[i]) {
                        if b[i] > 0x39 { allDigits = false }
                        i += 1
                        continue
                    }
                    (d, dLength) = (Unicode.Scalar(b[i]), 1)
                } else {
                    (d, dLength) = scalar(b, i)
                    if isWord(d) {
                        if !isDigit(d) { allDigits = false }
                        i += dLength
                        continue
                    }
                }
                let next = i + dLength < n ? scalar(b, i + dLength).0 : " "
                if (d == "'" || d == "’" || d == "-") && !allDigits && isLetter(next) {
                    i += dLength
                } else if d == "." && allDigits && isDigit(next) {
                    i += dLength
                } else {
                    break
                }
            }
            tokens.append(token(b, gapStart, start, i, text: string(b[start..<i])))
            gapStart = i
        }
        return tokens
    }

    /// The token `text` at `start..<end` after the gap from `gapStart`, read from the bytes
    /// where they are ASCII (the usual case) and as characters otherwise.
    private static func token(_ b: [UInt8], _ gapStart: Int, _ start: Int, _ end: Int, text: String) -> TextToken {
        var asciiGap = true
        var spaces = gapStart < start
        var spacesOrCommas = spaces
        for k in gapStart..<start {
            let g = b[k]
            if g >= 0x80 { asciiGap = false; break }
            let space = g == 0x20 || (g >= 0x09 && g <= 0x0D)
            spaces = spaces && space
            spacesOrCommas = spacesOrCommas && (space || g == 0x2C)
        }
        let gap = start - gapStart == 1 && b[gapStart] == 0x20 ? " " : string(b[gapStart..<start])
        guard asciiGap, let norm = asciiNorm(b, start, end, text: text) else {
            return TextToken(start: start, end: end, text: text, gapBefore: gap)
        }
        return TextToken(start: start, end: end, text: text, norm: norm, gapBefore: gap, followsSpace: spaces, followsSpaceOrComma: spacesOrCommas)
    }

    /// `norm` of an ASCII word from its bytes; nil when the word is not ASCII.
    private static func asciiNorm(_ b: [UInt8], _ start: Int, _ end: Int, text: String) -> String? {
        var hasUpper = false
        for k in start..<end {
            if b[k] >= 0x80 { return nil }
            if b[k] >= 0x41 && b[k] <= 0x5A { hasUpper = true }
        }
        if text == "&" { return "and" }
        let lower = !hasUpper ? text : String(unsafeUninitializedCapacity: end - start) { buffer in
            for k in start..<end { buffer[k - start] = b[k] >= 0x41 && b[k] <= 0x5A ? b[k] | 0x20 : b[k] }
            return end - start
        }
        return lower == "acts" ? "act" : lower
    }

    /// ASCII letters and digits.
    private static func isASCIIWord(_ v: UInt8) -> Bool {
        (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }

    /// The scalar starting at byte `i` of valid UTF-8, and its length in bytes.
    private static func scalar(_ b: [UInt8], _ i: Int) -> (Unicode.Scalar, Int) {
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
        if c.properties.isAlphabetic || c.properties.numericType != nil { return true }
        switch c.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
