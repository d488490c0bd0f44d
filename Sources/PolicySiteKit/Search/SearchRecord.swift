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
            inlines.forEachPlainText({ text.append($0) }, space: { text.space() })
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
                path.append(i)
                self.block(block, path: &path)
                path.removeLast()
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
                    path.append(j)
                    blocks(item.blocks, under: &path)
                    path.removeLast()
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
