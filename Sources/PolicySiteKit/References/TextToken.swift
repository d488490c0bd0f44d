/// A word of running text and where it is, for the reference detectors. Offsets count
/// `Character`s of the text the token came from.
struct TextToken: Sendable, Equatable {
    var start: Int
    var end: Int
    /// The word as written: "Act", "5.12", "&".
    var text: String
    /// The characters between the previous token (or the start) and this one.
    var gapBefore: String

    /// Lower-cased, with "&" as "and" and "acts" as "act", for matching names.
    var norm: String {
        let lower = text.lowercased()
        switch lower {
        case "&": return "and"
        case "acts": return "act"
        default: return lower
        }
    }

    /// Starts with a capital letter ("Act", "INTERNET", "KCSiE").
    var isCapitalised: Bool { text.first?.isUppercase == true }

    /// More than one capital letter: an acronym or a document's short name ("KCSiE", "GDPR").
    var isAcronym: Bool { text.filter(\.isUppercase).count >= 2 }

    /// A year as Acts are cited: four digits from 1800 to 2099.
    var isYear: Bool {
        guard text.count == 4, text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text) else { return false }
        return (1800...2099).contains(n)
    }

    /// A clause number: digits, optionally dotted ("12", "5.4", "9.9.3").
    var isNumber: Bool { text.first?.isNumber == true && text.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." } }

    /// Nothing but spaces between this token and the previous one.
    var followsSpace: Bool { !gapBefore.isEmpty && gapBefore.allSatisfy(\.isWhitespace) }
}

extension TextToken {
    /// Splits text into words (letters and digits, with inner apostrophes and hyphens), dotted
    /// numbers ("9.9.3") and "&"; everything else is gap.
    static func tokens(_ chars: [Character]) -> [TextToken] {
        var tokens: [TextToken] = []
        var i = 0
        var gapStart = 0
        let n = chars.count
        func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        while i < n {
            let c = chars[i]
            if c == "&" {
                tokens.append(TextToken(start: i, end: i + 1, text: "&", gapBefore: String(chars[gapStart..<i])))
                i += 1
                gapStart = i
                continue
            }
            guard isWord(c) else { i += 1; continue }
            let start = i
            let numeric = c.isNumber
            var allDigits = numeric
            i += 1
            while i < n {
                let d = chars[i]
                if isWord(d) {
                    if !d.isNumber { allDigits = false }
                    i += 1
                } else if (d == "'" || d == "’" || d == "-") && !allDigits && i + 1 < n && chars[i + 1].isLetter {
                    i += 1
                } else if d == "." && allDigits && i + 1 < n && chars[i + 1].isNumber {
                    i += 1
                } else {
                    break
                }
            }
            tokens.append(TextToken(start: start, end: i, text: String(chars[start..<i]), gapBefore: String(chars[gapStart..<start])))
            gapStart = i
        }
        return tokens
    }
}
