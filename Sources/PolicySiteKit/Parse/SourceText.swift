import Foundation

/// A source file's text after the checks every input gets: valid UTF-8, no NUL, a BOM dropped,
/// and CRLF or lone CR line ends turned into LF so that line numbers mean what an editor shows.
public struct SourceText: Sendable {
    public let path: String
    public let text: String

    /// Longer lines are refused: no prose has them, and a file that does is usually not text
    /// (a pasted image, a minified export) or was saved with line ends this reader cannot see.
    public static let maximumLineLength = 100_000

    /// Decodes `bytes`; on failure returns a diagnostic at the first bad byte's line and column.
    public static func decode(_ bytes: [UInt8], path: String) -> Result<SourceText, Diagnostic> {
        if let text = plainText(bytes) { return .success(SourceText(path: path, text: text)) }
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var line = 1, column = 1
        var hasCR = false
        // One pass over the bytes, in place: every source file of the site goes through here.
        let problem: Diagnostic? = bytes.withUnsafeBufferPointer { bytes in
            var i = start
            while i < bytes.count {
                // Plain ASCII text (nearly all of it) is stepped over eight bytes at a time: a
                // word with no byte of 0x80 or more, no NUL and no line end is eight columns.
                if column + 8 <= maximumLineLength + 1 {
                    while i + 8 <= bytes.count {
                        let w = ByteWord.load(bytes, at: i)
                        let stop = ByteWord.nonASCII(in: w) | ByteWord.below(1, in: w) | ByteWord.equal(to: 0x0A, in: w) | ByteWord.equal(to: 0x0D, in: w)
                        if stop != 0 { break }
                        column += 8
                        i += 8
                        if column + 8 > maximumLineLength + 1 { break }
                    }
                    if i >= bytes.count { break }
                }
                let b = bytes[i]
                var length = 1
                if b >= 0x80 {
                    length = utf8SequenceLength(bytes, at: i)
                    if length == 0 {
                        return .error("invalid UTF-8 (byte 0x\(String(b, radix: 16, uppercase: true))); save the file as UTF-8", at: SourceLocation(path: path, line: line, column: column))
                    }
                } else if b == 0 {
                    return .error("NUL byte in text; save the file as plain UTF-8 text", at: SourceLocation(path: path, line: line, column: column))
                }
                if b == 0x0A || (b == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                    line += 1
                    column = 1
                } else if b != 0x0D {
                    column += 1
                    if column > maximumLineLength + 1 {
                        return .error("line is longer than \(maximumLineLength) characters; break it into paragraphs (is this a text file?)", at: SourceLocation(path: path, line: line, column: column - 1))
                    }
                }
                if b == 0x0D { hasCR = true }
                i += length
            }
            return nil
        }
        if let problem { return .failure(problem) }
        var text = String(decoding: bytes[start...], as: UTF8.self)
        if hasCR {
            text = text.replacingCRLF()
        }
        return .success(SourceText(path: path, text: text))
    }

    /// The text of a file that needs no change and has nothing to report (nearly every file): valid
    /// UTF-8 with no NUL, no CR and no line longer than the limit in bytes (so none longer in
    /// characters); nil otherwise, and `decode` reads it byte by byte to say where the problem is.
    /// Found with memchr and the standard library's UTF-8 validation, so it is read at memory speed.
    static func plainText(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { all -> String? in
            let bom = all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF
            let text = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: all[(bom ? 3 : 0)...]))
            guard let base = text.baseAddress else { return "" }
            guard memchr(base, 0, text.count) == nil, memchr(base, 0x0D, text.count) == nil else { return nil }
            var lineStart = 0
            while lineStart < text.count {
                let end = memchr(base + lineStart, 0x0A, text.count - lineStart).map { base.distance(to: UnsafeRawPointer($0)) } ?? text.count
                if end - lineStart > maximumLineLength { return nil }
                lineStart = end + 1
            }
            return String(validating: text.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
        }
    }

    /// Bytes in the valid UTF-8 sequence starting at `i`, or 0 if it is not valid.
    static func utf8SequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b0 = bytes[i]
        if b0 < 0x80 { return 1 }
        func cont(_ k: Int) -> Bool { i + k < bytes.count && bytes[i + k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1) && bytes[i + 1] >= 0xA0 && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1) && bytes[i + 1] < 0xA0 && cont(2) ? 3 : 0
        case 0xF0: return cont(1) && bytes[i + 1] >= 0x90 && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1) && bytes[i + 1] < 0x90 && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }
}

extension String {
    /// CRLF and lone CR become LF.
    func replacingCRLF() -> String {
        var out = [UInt8]()
        out.reserveCapacity(utf8.count)
        var previousCR = false
        for b in utf8 {
            if b == 0x0D {
                out.append(0x0A)
                previousCR = true
            } else {
                if !(b == 0x0A && previousCR) { out.append(b) }
                previousCR = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
