/// A word of running text and where it is, for the reference detectors: a range of the UTF-8
/// bytes of the text it came from (`TextTokens.bytes`), with what the detectors ask of it worked
/// out once, so that matching makes no Strings.
struct TextToken: Sendable, Equatable {
    /// Where the word is: offsets count the UTF-8 bytes of the text.
    var start: Int
    var end: Int
    /// Where the characters between the previous token (or the start) and this one begin.
    var gapStart: Int
    /// Where the normalised word (lower-cased, with "&" as "and" and "acts" as "act") is: in
    /// `TextTokens.bytes`, to be read lower-cased, when `normIsFolded`, else in `TextTokens.norms`.
    /// An ASCII word's is in the bytes, so the usual word copies nothing.
    var normStart: Int
    var normEnd: Int
    var normIsFolded: Bool
    /// `WordTable.hash` of the normalised word.
    var normHash: UInt64
    /// Nothing but spaces between this token and the previous one.
    var followsSpace: Bool
    /// Nothing but spaces and commas between this token and the previous one.
    var followsSpaceOrComma: Bool
    /// Starts with a capital letter ("Act", "INTERNET", "KCSiE").
    var isCapitalised: Bool
    /// More than one capital letter: an acronym or a document's short name ("KCSiE", "GDPR").
    var isAcronym: Bool
    /// A year as Acts are cited: four digits from 1800 to 2099.
    var isYear: Bool
    /// Every byte of the word is ASCII.
    var isASCII: Bool

    var normCount: Int { normEnd - normStart }
}

extension TextToken {
    /// The text as UTF-8 bytes: what token offsets count.
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// The text of a range of bytes (ranges always fall on character boundaries).
    static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Splits text into words (letters and digits, with inner apostrophes and hyphens), dotted
    /// numbers ("9.9.3") and "&"; everything else is gap.
    static func tokens(_ text: String) -> TextTokens { TextTokens(bytes(text)) }

    static func tokens(_ b: [UInt8]) -> TextTokens { TextTokens(b) }
}
