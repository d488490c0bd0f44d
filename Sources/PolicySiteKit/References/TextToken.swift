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

    init(start: Int, end: Int, text: String, gapBefore: String) {
        self.start = start
        self.end = end
        self.text = text
        self.gapBefore = gapBefore
        let lower = text.lowercased()
        norm = lower == "&" ? "and" : lower == "acts" ? "act" : lower
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

    /// Nothing but spaces between this token and the previous one.
    var followsSpace: Bool { !gapBefore.isEmpty && gapBefore.allSatisfy(\.isWhitespace) }
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
        var i = 0
        var gapStart = 0
        let n = b.count
        while i < n {
            let (c, length) = scalar(b, i)
            if c == "&" {
                tokens.append(TextToken(start: i, end: i + 1, text: "&", gapBefore: string(b[gapStart..<i])))
                i += 1
                gapStart = i
                continue
            }
            guard isWord(c) else { i += length; continue }
            let start = i
            var allDigits = isDigit(c)
            i += length
            while i < n {
                let (d, dLength) = scalar(b, i)
                if isWord(d) {
                    if !isDigit(d) { allDigits = false }
                    i += dLength
                    continue
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
            tokens.append(TextToken(start: start, end: i, text: string(b[start..<i]), gapBefore: string(b[gapStart..<start])))
            gapStart = i
        }
        return tokens
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
