import Markdown

/// One searchable piece of a policy: the text under one anchor (a clause, a section heading, an
/// appendix), so a result links to the closest permalink. Paragraphs and list items that have no
/// anchor of their own belong to the anchor above them.
struct SearchRecord: Sendable, Equatable {
    /// The anchor's id, or nil for text before the policy's first anchor.
    var anchorID: String?
    /// How the place is named in a result: "Clause 5.12", "Appendix 1: How to Stay ‘Cybersafe’".
    var label: String
    var text: String
}

extension SearchRecord {
    /// A record's text is cut at the block that takes it past this many characters; the rest goes
    /// into another record with the same anchor, so a reader never downloads a whole policy for one result.
    static let targetLength = 1_200

    /// The records of a policy, in document order.
    static func records(of policy: Policy) -> [SearchRecord] {
        var collector = Collector(outline: policy.outline)
        var path = BlockPath([])
        path.indices.reserveCapacity(8)
        collector.blocks(policy.document.blocks, under: &path)
        collector.flush()
        return collector.records
    }

    /// Walks the blocks the way the renderer does, so block paths match the outline's. Each
    /// block's text goes straight into the record's bytes as white space folded text (no string
    /// per block).
    private struct Collector {
        let outline: Outline
        var records: [SearchRecord] = []
        var anchorID: String? = nil
        var label = "Opening text"
        var text = WhitespaceFolder(capacity: SearchRecord.targetLength * 2)
        /// Section and appendix headings seen so far, by level, to name the headings under them.
        var numberedHeadings: [(level: Int, label: String)] = []

        init(outline: Outline) { self.outline = outline }

        mutating func flush() {
            if !text.bytes.isEmpty { records.append(SearchRecord(anchorID: anchorID, label: label, text: text.string)) }
            text.bytes.removeAll(keepingCapacity: true)
        }

        /// Starts a block's text: it joins the record's text after a space, in a new record once
        /// the text is `targetLength` bytes long (checked when the block's first character comes).
        mutating func startBlock() {
            if text.bytes.count >= SearchRecord.targetLength { flush() }
            text.startPiece()
        }

        mutating func add(_ text: String) {
            startBlock()
            self.text.append(text)
        }

        mutating func add(_ inlines: [Inline]) {
            startBlock()
            append(inlines)
        }

        /// The text a reader sees of `inlines` (as `plainText`).
        mutating func append(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .text(let s), .code(let s): text.append(s)
                case .softBreak, .lineBreak: text.space()
                case .emphasis(let c), .strong(let c), .strikethrough(let c): append(c)
                case .link(let l): append(l.children)
                case .image(let i): append(i.alt)
                case .html: break
                }
            }
        }

        mutating func start(_ anchor: Anchor) {
            flush()
            anchorID = anchor.id
            label = label(for: anchor)
        }

        mutating func label(for anchor: Anchor) -> String {
            guard anchor.isHeading else { return anchor.label }
            numberedHeadings.removeAll { $0.level >= anchor.level }
            let parent = numberedHeadings.last?.label
            if anchor.kind == .section || anchor.kind == .appendix {
                numberedHeadings.append((anchor.level, anchor.label))
            }
            if anchor.kind == .heading || anchor.kind == .form, let parent { return parent + ": " + anchor.title }
            if anchor.kind == .appendix || anchor.kind == .section, anchor.title != anchor.label,
               anchor.title.count > anchor.label.count + 2 {
                return anchor.title
            }
            return anchor.label
        }

        /// The blocks of `list`, whose parent is at `path` (given back as it came).
        mutating func blocks(_ list: [Block], under path: inout BlockPath) {
            for (i, block) in list.enumerated() {
                path.indices.append(i)
                self.block(block, path: &path)
                path.indices.removeLast()
            }
        }

        mutating func block(_ block: Block, path: inout BlockPath) {
            let anchor = outline.anchor(at: path)
            if let anchor { start(anchor) }
            switch block {
            case .heading(let h): add(h.content)
            case .paragraph(let p): add(p.content)
            case .list(let list):
                for (j, item) in list.items.enumerated() {
                    path.indices.append(j)
                    blocks(item.blocks, under: &path)
                    path.indices.removeLast()
                }
            case .blockQuote(let q): blocks(q.blocks, under: &path)
            case .codeBlock(let c):
                if FormHeader.looksLikeForm(c.info), let anchor { add(anchor.title) }
                add(c.literal)
            case .table(let t):
                startBlock()
                for (k, cell) in t.header.enumerated() {
                    if k > 0 { text.space() }
                    append(cell)
                }
                for row in t.rows {
                    startBlock()
                    for (k, cell) in row.enumerated() {
                        if k > 0 { text.space() }
                        append(cell)
                    }
                }
            case .html, .thematicBreak:
                break
            }
        }
    }
}

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
        // A native string's bytes are read in place, without a copy of the string to call `withUTF8` on.
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            var text = text
            text.withUTF8 { append($0) }
        }
    }

    /// Adds the UTF-8 text `p` to the piece; the bytes that are neither white space nor above
    /// ASCII are skipped eight at a time, and a run of text is copied whole up to white space
    /// that is more than a single space before printable ASCII.
    mutating func append(_ p: UnsafeBufferPointer<UInt8>) {
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
