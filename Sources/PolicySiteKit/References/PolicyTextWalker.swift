import Markdown

/// One run of a policy's text as the body renderer hands it to the linkers: adjacent text and
/// line wraps merged, outside links and code.
struct TextRun {
    var text: String
    /// Heading text is never linked, but it is still searched for legislation and policy names.
    var isHeading: Bool
    /// The anchor (clause, section, heading) the text belongs to, if any.
    var anchorID: String?
    /// Where the block holding the text starts, in the Markdown body.
    var position: SourcePosition
}

/// Visits a policy's text in document order exactly as `PolicyBodyRenderer` walks it, so what the
/// resolve phase finds is what the linkers will see.
struct PolicyTextWalker {
    let policy: Policy
    private var anchorID: String? = nil
    private var visit: (TextRun) -> Void

    /// Calls `visit` for every run of text in `policy`'s body.
    static func walk(_ policy: Policy, _ visit: @escaping (TextRun) -> Void) {
        var walker = PolicyTextWalker(policy: policy, visit: visit)
        walker.blocks(policy.document.blocks, under: BlockPath([]))
    }

    private init(policy: Policy, visit: @escaping (TextRun) -> Void) {
        self.policy = policy
        self.visit = visit
    }

    private mutating func blocks(_ list: [Block], under parent: BlockPath) {
        for (i, block) in list.enumerated() { self.block(block, path: parent.appending(i)) }
    }

    private mutating func block(_ block: Block, path: BlockPath) {
        // Only headings, paragraphs and code blocks have anchors: other blocks skip the look-up.
        switch block {
        case .heading(let h):
            if let anchor = policy.outline.anchor(at: path) { anchorID = anchor.id }
            inlines(h.content, at: h.position, isHeading: true)
        case .paragraph(let p):
            if let a = policy.outline.anchor(at: path), a.kind == .clause || a.kind == .step {
                anchorID = a.id
                inlines(PolicyBodyRenderer.splitNumber(p.content, anchor: a).1, at: p.position, isHeading: false)
            } else {
                inlines(p.content, at: p.position, isHeading: false)
            }
        case .list(let list):
            for (j, item) in list.items.enumerated() { blocks(item.blocks, under: path.appending(j)) }
        case .blockQuote(let q):
            blocks(q.blocks, under: path)
        case .codeBlock:
            // Forms are declarations to sign: their text is not linked.
            if let anchor = policy.outline.anchor(at: path), anchor.kind == .form { anchorID = anchor.id }
        case .table(let t):
            for cell in t.header { inlines(cell, at: t.position, isHeading: false) }
            for row in t.rows { for cell in row { inlines(cell, at: t.position, isHeading: false) } }
        case .html, .thematicBreak:
            break
        }
    }

    private mutating func inlines(_ content: [Inline], at position: SourcePosition, isHeading: Bool) {
        for inline in PolicyBodyRenderer.coalesced(content) {
            switch inline {
            case .text(let s):
                visit(TextRun(text: s, isHeading: isHeading, anchorID: anchorID, position: position))
            case .emphasis(let kids), .strong(let kids), .strikethrough(let kids):
                inlines(kids, at: position, isHeading: isHeading)
            case .link, .image, .code, .html, .softBreak, .lineBreak:
                break
            }
        }
    }
}
