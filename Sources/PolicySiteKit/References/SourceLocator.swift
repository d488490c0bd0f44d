import Markdown

/// Finds where a phrase of rendered text is in its source file, so a warning points at the
/// phrase itself rather than at the start of its paragraph. Line wraps and indentation in the
/// source match the single spaces the text has after parsing.
struct SourceLocator {
    let path: String
    /// The file's UTF-8 bytes.
    private let bytes: [UInt8]
    /// Where each line starts in `bytes`, after every "\n" that is a character of its own (the
    /// "\n" of "\r\n" is not: that is one character, so it is no line break here).
    private let lineStarts: [Int]

    init(path: String, text: String) {
        self.path = path
        bytes = Array(text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A && (i == 0 || bytes[i - 1] != 0x0D) { starts.append(i + 1) }
        lineStarts = starts
    }

    /// The bytes of line `n` (0-based), without its "\n".
    private func line(_ n: Int) -> ArraySlice<UInt8> {
        bytes[lineStarts[n]..<(n + 1 < lineStarts.count ? lineStarts[n + 1] - 1 : bytes.count)]
    }

    /// The `occurrence`-th (0-based) place of `phrase` at or after `start` (a file line and byte
    /// column, as cmark-gfm counts them), searching at most `window` lines; `start` if not found.
    func locate(_ phrase: String, occurrence: Int, from start: SourceLocation, window: Int = 400) -> SourceLocation {
        let first = start.line - 1
        guard first >= 0, first < lineStarts.count else { return start }
        // The searched text, with the byte offset of each line's start.
        var text: [UInt8] = []
        var lineStarts: [Int] = []
        for (n, k) in (first..<min(self.lineStarts.count, first + window)).enumerated() {
            lineStarts.append(text.count)
            let bytes = line(k)
            text += n == 0 ? bytes.dropFirst(max(0, min(bytes.count, start.column - 1))) : bytes
            text.append(0x0A)
        }
        let target = Array(phrase.utf8)
        var seen = 0
        var i = 0
        while i < text.count {
            if matches(target, in: text, at: i) {
                if seen == occurrence {
                    let line = (lineStarts.lastIndex { $0 <= i } ?? 0)
                    let column = i - lineStarts[line] + 1 + (line == 0 ? max(0, start.column - 1) : 0)
                    return SourceLocation(path: path, line: start.line + line, column: column)
                }
                seen += 1
            }
            i += 1
        }
        return start
    }

    /// True when `target` starts at `i`, a space in it standing for any run of white space.
    private func matches(_ target: [UInt8], in text: [UInt8], at i: Int) -> Bool {
        var j = i
        var k = 0
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A }
        while k < target.count {
            guard j < text.count else { return false }
            if isSpace(target[k]) {
                guard isSpace(text[j]) else { return false }
                while k < target.count, isSpace(target[k]) { k += 1 }
                while j < text.count, isSpace(text[j]) || text[j] == UInt8(ascii: ">") { j += 1 }
                continue
            }
            guard text[j] == target[k] else { return false }
            j += 1
            k += 1
        }
        return true
    }
}
