import CCmarkGFM
import Synchronization

/// All C interop with cmark-gfm lives in this file. Every C object is freed before `parse` returns;
/// no pointer leaves it.
extension MarkdownDocument {
    /// How deep blocks and inlines may nest before the document is refused.
    public static let defaultNestingLimit = 64
    /// The most columns one table may have.
    public static let tableColumnLimit = 100
    /// The most table cells (columns × rows, over-estimated) one document may make.
    public static let tableCellLimit = 100_000

    /// Parses CommonMark with the GFM table, strikethrough, autolink and tagfilter extensions.
    ///
    /// The text must already be valid UTF-8 (Swift strings are). Typography is left as written:
    /// no smart punctuation, because the adopted wording must be reproduced exactly.
    public static func parse(_ text: String, nestingLimit: Int = defaultNestingLimit) throws(MarkdownError) -> MarkdownDocument {
        if let error = TableBudget(columnLimit: tableColumnLimit, cellLimit: tableCellLimit).check(text) { throw error }
        guard let root = CMarkParserLock.shared.parse(text) else { return MarkdownDocument(blocks: []) }
        defer { cmark_node_free(root) }
        var walker = CMarkWalker(limit: nestingLimit)
        return MarkdownDocument(blocks: try walker.blocks(under: root, depth: 0))
    }
}

/// cmark-gfm 0.29 keeps a process-wide table of special inline characters that
/// `cmark_parser_finish` rewrites around its inline pass (github/cmark-gfm#176), so two inline
/// passes must never run at once. Block parsing (`cmark_parser_feed`) reads no shared state and
/// runs in parallel; only `cmark_parser_finish` is serialised. Copying the finished tree into
/// Swift values, and all later work, runs in parallel.
private final class CMarkParserLock: Sendable {
    static let shared = CMarkParserLock()
    private let mutex = Mutex(())

    private init() { cmark_gfm_core_extensions_ensure_registered() }

    /// Parses `text` and returns the document node, which the caller must free.
    func parse(_ text: String) -> OpaquePointer? {
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tagfilter"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        let unfinished = CMarkHandle(pointer: parser)
        return mutex.withLock { _ in CMarkHandle(pointer: cmark_parser_finish(unfinished.pointer)) }.pointer
    }
}

/// A cmark pointer passed into and out of the lock; only one thread uses it at a time.
private struct CMarkHandle: @unchecked Sendable {
    let pointer: OpaquePointer?
}

/// Walks a cmark tree once, copying it into Swift values.
private struct CMarkWalker {
    let limit: Int

    init(limit: Int) { self.limit = limit }

    func position(_ node: OpaquePointer) -> SourcePosition {
        SourcePosition(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
    }

    func literal(_ node: OpaquePointer) -> String {
        guard let c = cmark_node_get_literal(node) else { return "" }
        return String(cString: c)
    }

    func typeName(_ node: OpaquePointer) -> String {
        guard let c = cmark_node_get_type_string(node) else { return "" }
        return String(cString: c)
    }

    func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            result.append(c)
            child = cmark_node_next(c)
        }
        return result
    }

    mutating func blocks(under node: OpaquePointer, depth: Int) throws(MarkdownError) -> [Block] {
        // Sized once: every parsed policy's tree stays in memory for the whole build, and an
        // array grown by appending has up to half its storage unused.
        let kids = children(node)
        var result: [Block] = []
        result.reserveCapacity(kids.count)
        for child in kids {
            if let block = try block(child, depth: depth + 1) { result.append(block) }
        }
        return result
    }

    mutating func block(_ node: OpaquePointer, depth: Int) throws(MarkdownError) -> Block? {
        let pos = position(node)
        guard depth <= limit else { throw .nestingTooDeep(pos, limit: limit) }
        switch typeName(node) {
        case "heading":
            return .heading(Heading(level: Int(cmark_node_get_heading_level(node)), content: try inlines(under: node, depth: depth), position: pos))
        case "paragraph":
            return .paragraph(Paragraph(content: try inlines(under: node, depth: depth), position: pos))
        case "list":
            let kids = children(node)
            var items: [ListItem] = []
            items.reserveCapacity(kids.count)
            for item in kids {
                // A list and its items are one level, as a reader counts them.
                items.append(ListItem(blocks: try blocks(under: item, depth: depth), position: position(item)))
            }
            return .list(MarkdownList(
                isOrdered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                isTight: cmark_node_get_list_tight(node) != 0,
                items: items,
                position: pos))
        case "block_quote":
            return .blockQuote(BlockQuote(blocks: try blocks(under: node, depth: depth), position: pos))
        case "code_block":
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            var length: Int32 = 0, offset: Int32 = 0
            var fenceChar: CChar = 0
            let fenced = cmark_node_get_fenced(node, &length, &offset, &fenceChar) != 0
            return .codeBlock(CodeBlock(info: info, literal: literal(node), position: pos, contentLine: fenced ? pos.line + 1 : pos.line))
        case "html_block":
            return .html(HTMLBlock(literal: literal(node), position: pos))
        case "thematic_break":
            return .thematicBreak(pos)
        case "table":
            return .table(try table(node, position: pos, depth: depth))
        default:
            return nil
        }
    }

    mutating func table(_ node: OpaquePointer, position pos: SourcePosition, depth: Int) throws(MarkdownError) -> Table {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [Table.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for i in 0..<columns {
                switch UInt8(raw[i]) {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in children(node) {
            var cells: [[Inline]] = []
            for cell in children(row) { cells.append(try inlines(under: cell, depth: depth + 2)) }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 { header = cells } else { rows.append(cells) }
        }
        return Table(alignments: alignments, header: header, rows: rows, position: pos)
    }

    mutating func inlines(under node: OpaquePointer, depth: Int) throws(MarkdownError) -> [Inline] {
        let kids = children(node)
        var result: [Inline] = []
        result.reserveCapacity(kids.count)
        for child in kids {
            if let inline = try inline(child, depth: depth + 1) { result.append(inline) }
        }
        return result
    }

    mutating func inline(_ node: OpaquePointer, depth: Int) throws(MarkdownError) -> Inline? {
        guard depth <= limit else { throw .nestingTooDeep(position(node), limit: limit) }
        switch typeName(node) {
        case "text": return .text(literal(node))
        case "softbreak": return .softBreak
        case "linebreak": return .lineBreak
        case "code": return .code(literal(node))
        case "html_inline": return .html(literal(node))
        case "emph": return .emphasis(try inlines(under: node, depth: depth))
        case "strong": return .strong(try inlines(under: node, depth: depth))
        case "strikethrough": return .strikethrough(try inlines(under: node, depth: depth))
        case "link":
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
            let kids = try inlines(under: node, depth: depth)
            let shown = kids.plainText
            let isAuto = shown == url || "mailto:" + shown == url || "http://" + shown == url
            return .link(Link(destination: url, title: title, children: kids, isAutolink: isAuto))
        case "image":
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let title = cmark_node_get_title(node).map { String(cString: $0) } ?? ""
            return .image(Image(source: url, title: title, alt: try inlines(under: node, depth: depth)))
        default:
            return nil
        }
    }
}
