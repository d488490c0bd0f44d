#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bound on the cells GFM tables can make, checked on the text before cmark-gfm sees it.
///
/// cmark-gfm 0.29.0.gfm.6 (Debian 12) makes one node per cell and fills every short row up to the
/// header's width, so a header of 10,000 `|` over 10,000 one-letter lines makes 100 million nodes
/// from 100 KB of text (fixed upstream in later releases). The scan over-estimates: it treats
/// every delimiter-row-like line (`|---|:--:|`) as a table that runs to the next blank line.
struct TableBudget {
    let columnLimit: Int
    let cellLimit: Int

    /// The first delimiter row that takes a table over a limit, or nil. One pass over the bytes,
    /// read in place (every policy goes through here before it is parsed).
    func check(_ text: String) -> MarkdownError? {
        var text = text
        return text.withUTF8 { bytes in
            // Line starts, and the end of the last line.
            var starts: [Int] = [0]
            if let base = bytes.baseAddress {
                var i = 0
                while i < bytes.count, let found = memchr(base + i, 0x0A, bytes.count - i) {
                    i = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                    starts.append(i)
                }
            }
            func line(_ k: Int) -> UnsafeBufferPointer<UInt8> {
                let end = k + 1 < starts.count ? starts[k + 1] - 1 : bytes.count
                return UnsafeBufferPointer(rebasing: bytes[starts[k]..<end])
            }
            var cells = 0
            var i = 0
            while i < starts.count {
                guard let columns = Self.delimiterColumns(line(i)) else { i += 1; continue }
                let position = SourcePosition(line: i + 1, column: 1)
                if columns > columnLimit { return .tableTooWide(position, columns: columns, limit: columnLimit) }
                var rows = 1
                var j = i + 1
                while j < starts.count, !Self.isBlank(line(j)) { rows += 1; j += 1 }
                cells += columns * rows
                if cells > cellLimit { return .tooManyTableCells(position, limit: cellLimit) }
                i = j
            }
            return nil
        }
    }

    static func isBlank(_ line: some Collection<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == UInt8(ascii: ">") }
    }

    /// The cell count of a line that could be a table's delimiter row (only `|`, `-`, `:` and
    /// spaces after any quote markers, with at least one `|` and one `-`); nil for any other line.
    static func delimiterColumns(_ line: some Collection<UInt8>) -> Int? {
        var pipes = 0, hyphens = 0, cellsWithContent = 0
        var inCell = false
        var started = false
        for b in line {
            switch b {
            case 0x20, 0x09, 0x0D:
                continue
            case UInt8(ascii: ">") where !started:
                continue
            case UInt8(ascii: "|"):
                started = true
                pipes += 1
                if inCell { cellsWithContent += 1; inCell = false }
            case UInt8(ascii: "-"), UInt8(ascii: ":"):
                started = true
                if b == UInt8(ascii: "-") { hyphens += 1 }
                inCell = true
            default:
                return nil
            }
        }
        if inCell { cellsWithContent += 1 }
        guard pipes > 0, hyphens > 0 else { return nil }
        return max(cellsWithContent, 1)
    }
}
