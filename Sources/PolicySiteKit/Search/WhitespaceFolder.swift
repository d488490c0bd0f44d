/// Text with its white space runs (including line breaks) made single spaces, built in pieces:
/// a piece is trimmed and joins the text before it after one space (an empty piece adds nothing).
struct WhitespaceFolder {
    var bytes: [UInt8] = []
    /// Whether the piece being added has had a character yet.
    private var pieceStarted = false
    /// Whether white space came after the piece's last character.
    private var pendingSpace = false

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Starts a new piece.
    mutating func startPiece() {
        pieceStarted = false
        pendingSpace = false
    }

    /// White space in the piece.
    mutating func space() { pendingSpace = true }

    /// Adds `text` to the piece.
    mutating func append(_ text: String) {
        text.withUTF8Bytes { append($0) }
    }

    /// Adds the UTF-8 text `p` to the piece; the bytes that are neither white space nor above
    /// ASCII are skipped eight at a time, and a run of text is copied whole up to white space
    /// that is more than a single space before printable ASCII.
    private mutating func append(_ p: UnsafeBufferPointer<UInt8>) {
        /// Where the run of text being read starts, or -1 in white space.
        var run = -1
        var i = 0
        while i < p.count {
            if i + 8 <= p.count {
                let word = ByteWord.load(p, at: i)
                let found = ByteWord.below(0x21, in: word) | ByteWord.nonASCII(in: word)
                let plain = found == 0 ? 8 : ByteWord.first(found)
                if plain > 0 {
                    if run < 0 {
                        run = i
                        startRun()
                    }
                    i += plain
                    continue
                }
            }
            let b = p[i]
            // A single space inside a run stays in it: the folded text has that space there.
            if b == 0x20, run >= 0, i + 1 < p.count, p[i + 1] &- 0x21 < 0x5F {
                i += 1
                continue
            }
            var length = 1
            let isSpace: Bool
            if b < 0x80 {
                isSpace = b == 0x20 || (b >= 0x09 && b <= 0x0D)
            } else {
                length = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                // Only U+0085, U+00A0, U+1680, U+2000–U+205F and U+3000 are white space above ASCII.
                isSpace = (b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3) && SearchText.decodeScalar(p, at: i).0.properties.isWhitespace
            }
            if isSpace {
                if run >= 0 {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<i]))
                    run = -1
                }
                pendingSpace = true
            } else if run < 0 {
                run = i
                startRun()
            }
            i += length
        }
        if run >= 0 { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<p.count])) }
    }

    /// Before a run of characters: the space that joins it to the text before, if any.
    private mutating func startRun() {
        if pieceStarted {
            if pendingSpace { bytes.append(0x20) }
        } else {
            if !bytes.isEmpty { bytes.append(0x20) }
            pieceStarted = true
        }
        pendingSpace = false
    }
}

extension String {
    /// The text with white space runs (including line breaks) made single spaces and trimmed.
    var trimmingWhitespace: String {
        var folder = WhitespaceFolder(capacity: utf8.count)
        folder.append(self)
        return folder.string
    }
}
