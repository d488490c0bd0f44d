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
        collector.blocks(policy.document.blocks, under: BlockPath([]))
        collector.flush()
        return collector.records
    }

    /// Walks the blocks the way the renderer does, so block paths match the outline's.
    private struct Collector {
        let outline: Outline
        var records: [SearchRecord] = []
        var current = SearchRecord(anchorID: nil, label: "Opening text", text: "")
        /// Section and appendix headings seen so far, by level, to name the headings under them.
        var numberedHeadings: [(level: Int, label: String)] = []

        init(outline: Outline) { self.outline = outline }

        mutating func flush() {
            if !current.text.isEmpty { records.append(current) }
            current.text = ""
        }

        mutating func add(_ text: String) {
            let t = text.trimmingWhitespace
            guard !t.isEmpty else { return }
            if current.text.utf8.count >= SearchRecord.targetLength { flush() }
            current.text += current.text.isEmpty ? t : " " + t
        }

        mutating func start(_ anchor: Anchor) {
            flush()
            current = SearchRecord(anchorID: anchor.id, label: label(for: anchor), text: "")
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

        mutating func blocks(_ list: [Block], under parent: BlockPath) {
            for (i, block) in list.enumerated() { self.block(block, path: parent.appending(i)) }
        }

        mutating func block(_ block: Block, path: BlockPath) {
            if let anchor = outline.anchor(at: path) { start(anchor) }
            switch block {
            case .heading(let h): add(h.content.plainText)
            case .paragraph(let p): add(p.content.plainText)
            case .list(let list):
                for (j, item) in list.items.enumerated() { blocks(item.blocks, under: path.appending(j)) }
            case .blockQuote(let q): blocks(q.blocks, under: path)
            case .codeBlock(let c):
                if FormHeader.looksLikeForm(c.info), let anchor = outline.anchor(at: path) {
                    add(anchor.title)
                    add(c.literal)
                } else {
                    add(c.literal)
                }
            case .table(let t):
                add(t.header.map(\.plainText).joined(separator: " "))
                for row in t.rows { add(row.map(\.plainText).joined(separator: " ")) }
            case .html, .thematicBreak:
                break
            }
        }
    }
}

extension String {
    /// The text with white space runs (including line breaks) made single spaces and trimmed.
    var trimmingWhitespace: String {
        var text = self
        return text.withUTF8 { p in
            var out: [UInt8] = []
            out.reserveCapacity(p.count)
            /// Where the run of text being read starts, or -1 in white space.
            var run = -1
            func endRun(at end: Int) {
                if !out.isEmpty { out.append(0x20) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[run..<end]))
                run = -1
            }
            var i = 0
            while i < p.count {
                let b = p[i]
                var length = 1
                let isSpace: Bool
                if b < 0x80 {
                    isSpace = b == 0x20 || (b >= 0x09 && b <= 0x0D)
                } else {
                    let (scalar, n) = SearchText.decodeScalar(p, at: i)
                    length = n
                    isSpace = scalar.properties.isWhitespace
                }
                if isSpace {
                    if run >= 0 { endRun(at: i) }
                } else if run < 0 {
                    run = i
                }
                i += length
            }
            if run >= 0 { endRun(at: p.count) }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
