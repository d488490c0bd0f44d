/// A position in a Markdown source: 1-based line and column (columns count bytes, as cmark-gfm does).
public struct SourcePosition: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A parsed Markdown document: a tree of Swift values, with no C object behind it.
public struct MarkdownDocument: Sendable {
    public var blocks: [Block]

    public init(blocks: [Block]) {
        self.blocks = blocks
    }
}

/// A block-level element.
public enum Block: Sendable {
    case heading(Heading)
    case paragraph(Paragraph)
    case list(MarkdownList)
    case blockQuote(BlockQuote)
    case codeBlock(CodeBlock)
    case html(HTMLBlock)
    case thematicBreak(SourcePosition)
    case table(Table)

    /// Where the block starts in the source.
    public var position: SourcePosition {
        switch self {
        case .heading(let h): h.position
        case .paragraph(let p): p.position
        case .list(let l): l.position
        case .blockQuote(let q): q.position
        case .codeBlock(let c): c.position
        case .html(let h): h.position
        case .thematicBreak(let p): p
        case .table(let t): t.position
        }
    }
}

/// An ATX or setext heading.
public struct Heading: Sendable {
    public var level: Int
    public var content: [Inline]
    public var position: SourcePosition
}

/// A paragraph of inline content.
public struct Paragraph: Sendable {
    public var content: [Inline]
    public var position: SourcePosition
}

/// A bullet or ordered list.
public struct MarkdownList: Sendable {
    public var isOrdered: Bool
    public var start: Int
    public var isTight: Bool
    public var items: [ListItem]
    public var position: SourcePosition
}

/// One item of a list: a sequence of blocks.
public struct ListItem: Sendable {
    public var blocks: [Block]
    public var position: SourcePosition
}

/// A block quote.
public struct BlockQuote: Sendable {
    public var blocks: [Block]
    public var position: SourcePosition
}

/// A fenced or indented code block; `info` is the fence's info string.
public struct CodeBlock: Sendable {
    public var info: String
    public var literal: String
    public var position: SourcePosition
    /// Line of the first content line (the line after an opening fence).
    public var contentLine: Int
}

/// Raw HTML in the source. Kept so callers can report it; never rendered.
public struct HTMLBlock: Sendable {
    public var literal: String
    public var position: SourcePosition
}

/// A GFM table.
public struct Table: Sendable {
    public enum Alignment: Sendable { case none, left, center, right }
    public var alignments: [Alignment]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]
    public var position: SourcePosition
}

/// An inline element.
public enum Inline: Sendable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    indirect case link(Link)
    indirect case image(Image)
    case html(String)
}

/// A link; `isAutolink` is true for `<https://…>` and GFM bare-URL autolinks.
public struct Link: Sendable {
    public var destination: String
    public var title: String
    public var children: [Inline]
    public var isAutolink: Bool
}

/// An image.
public struct Image: Sendable {
    public var source: String
    public var title: String
    public var alt: [Inline]
}

/// Why a Markdown source could not be turned into a document.
public enum MarkdownError: Error, Sendable, Equatable {
    /// Blocks or inlines nest deeper than the limit, at this position.
    case nestingTooDeep(SourcePosition, limit: Int)
    /// A table (its delimiter row is at this position) has more columns than the limit.
    case tableTooWide(SourcePosition, columns: Int, limit: Int)
    /// The tables up to the one at this position would make more cells than the limit.
    case tooManyTableCells(SourcePosition, limit: Int)

    /// Where the problem is.
    public var position: SourcePosition {
        switch self {
        case .nestingTooDeep(let p, _), .tableTooWide(let p, _, _), .tooManyTableCells(let p, _): p
        }
    }

    /// What is wrong and what to do, in the words a policy author uses.
    public var message: String {
        switch self {
        case .nestingTooDeep(_, let limit):
            "lists, quotes or emphasis nest more than \(limit) levels deep; flatten them"
        case .tableTooWide(_, let columns, let limit):
            "this table has \(columns) columns; at most \(limit) can be published: split it"
        case .tooManyTableCells(_, let limit):
            "the tables up to here would have more than \(limit) cells (columns × rows, counting every line up to the next blank line); split them or add blank lines after them"
        }
    }
}

extension Array where Element == Inline {
    /// The text a reader sees, with soft breaks as spaces and markup removed.
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    func appendPlainText(to out: inout String) {
        forEachPlainText({ out += $0 }, space: { out += " " })
    }

    /// The text a reader sees, in pieces, for a caller that builds `plainText` its own way: each
    /// text or code run to `text`, each soft or hard line break to `space`.
    @inlinable
    public func forEachPlainText(_ text: (String) -> Void, space: () -> Void) {
        for inline in self {
            switch inline {
            case .text(let s), .code(let s): text(s)
            case .softBreak, .lineBreak: space()
            case .emphasis(let c), .strong(let c), .strikethrough(let c): c.forEachPlainText(text, space: space)
            case .link(let l): l.children.forEachPlainText(text, space: space)
            case .image(let i): i.alt.forEachPlainText(text, space: space)
            case .html: break
            }
        }
    }
}
