/// A word of running text and where it is, for the reference detectors: a range of the UTF-8
/// bytes of the text it came from (`TextTokens.bytes`), with what the detectors ask of it worked
/// out once, so that matching makes no Strings.
struct TextToken: Sendable, Equatable {
    // Stored in 32 bytes (offsets as 32 bits: sources are at most 16 MB; the flags in one byte):
    // a site's runs make millions of tokens, each written once and read by three detectors.
    private var start32: Int32
    private var end32: Int32
    private var gapStart32: Int32
    private var normStart32: Int32
    private var normEnd32: Int32
    private var flags: UInt8
    /// `WordTable.hash` of the normalised word.
    var normHash: UInt64

    init(start: Int, end: Int, gapStart: Int, normStart: Int, normEnd: Int, normIsFolded: Bool, normHash: UInt64,
         followsSpace: Bool, followsSpaceOrComma: Bool, isCapitalised: Bool, isAcronym: Bool, isYear: Bool, isASCII: Bool) {
        start32 = Int32(start)
        end32 = Int32(end)
        gapStart32 = Int32(gapStart)
        normStart32 = Int32(normStart)
        normEnd32 = Int32(normEnd)
        self.normHash = normHash
        flags = 0
        self.normIsFolded = normIsFolded
        self.followsSpace = followsSpace
        self.followsSpaceOrComma = followsSpaceOrComma
        self.isCapitalised = isCapitalised
        self.isAcronym = isAcronym
        self.isYear = isYear
        self.isASCII = isASCII
    }

    /// Where the word is: offsets count the UTF-8 bytes of the text.
    var start: Int { get { Int(start32) } set { start32 = Int32(newValue) } }
    var end: Int { get { Int(end32) } set { end32 = Int32(newValue) } }
    /// Where the characters between the previous token (or the start) and this one begin.
    var gapStart: Int { get { Int(gapStart32) } set { gapStart32 = Int32(newValue) } }
    /// Where the normalised word (lower-cased, with "&" as "and" and "acts" as "act") is: in
    /// `TextTokens.bytes`, to be read lower-cased, when `normIsFolded`, else in `TextTokens.norms`.
    /// An ASCII word's is in the bytes, so the usual word copies nothing.
    var normStart: Int { get { Int(normStart32) } set { normStart32 = Int32(newValue) } }
    var normEnd: Int { get { Int(normEnd32) } set { normEnd32 = Int32(newValue) } }
    var normIsFolded: Bool { get { flag(0) } set { setFlag(0, newValue) } }
    /// Nothing but spaces between this token and the previous one.
    var followsSpace: Bool { get { flag(1) } set { setFlag(1, newValue) } }
    /// Nothing but spaces and commas between this token and the previous one.
    var followsSpaceOrComma: Bool { get { flag(2) } set { setFlag(2, newValue) } }
    /// Starts with a capital letter ("Act", "INTERNET", "KCSiE").
    var isCapitalised: Bool { get { flag(3) } set { setFlag(3, newValue) } }
    /// More than one capital letter: an acronym or a document's short name ("KCSiE", "GDPR").
    var isAcronym: Bool { get { flag(4) } set { setFlag(4, newValue) } }
    /// A year as Acts are cited: four digits from 1800 to 2099.
    var isYear: Bool { get { flag(5) } set { setFlag(5, newValue) } }
    /// Every byte of the word is ASCII.
    var isASCII: Bool { get { flag(6) } set { setFlag(6, newValue) } }

    var normCount: Int { normEnd - normStart }

    @inline(__always) private func flag(_ bit: UInt8) -> Bool { flags & (1 << bit) != 0 }
    @inline(__always) private mutating func setFlag(_ bit: UInt8, _ on: Bool) {
        flags = on ? flags | (1 << bit) : flags & ~(1 << bit)
    }
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
