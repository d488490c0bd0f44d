import Foundation

/// The compact codes of the search index, mirrored by `templates/assets/search.js`.
enum SearchEncoding {
    /// Unicode code point order (the order of UTF-8 bytes), which search.js also uses.
    static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in precedes(x, y) } }
    }

    static func precedes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(x.count, y.count)
        if n > 0, let px = x.baseAddress, let py = y.baseAddress {
            let c = memcmp(px, py, n)
            if c != 0 { return c < 0 }
        }
        return x.count < y.count
    }

    /// Digits of the gap code: the last digit of a number from `final`, the others from `more`.
    static let finalDigits = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    static let moreDigits = Array("wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".utf8)

    /// Sorted record numbers as gaps (the first as itself, then the distance minus one), each in base 32.
    static func encodePostings(_ records: [Int]) -> String {
        var bytes: [UInt8] = []
        encodePostings(records, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func encodePostings(_ records: [Int], into out: inout [UInt8]) {
        encodePostings(records.map { Int32($0) }, into: &out)
    }

    static func encodePostings<C: Collection<Int32>, Out: ByteOutput>(_ records: C, into out: inout Out) {
        let final = finalDigits, more = moreDigits
        var previous: Int32 = -1
        for r in records {
            let value = Int(r - previous - 1)
            previous = r
            var shift = 0
            while value >> (shift + 5) > 0 { shift += 5 }
            while shift > 0 {
                out.append(more[(value >> shift) & 31])
                shift -= 5
            }
            out.append(final[value & 31])
        }
    }

    /// The inverse of `encodePostings`, for tests.
    static func decodePostings(_ text: String) -> [Int] {
        var result: [Int] = []
        var value = 0
        var previous = -1
        for c in text.utf8 {
            if let d = moreDigits.firstIndex(of: c) {
                value = value * 32 + d
            } else if let d = finalDigits.firstIndex(of: c) {
                previous += value * 32 + d + 1
                result.append(previous)
                value = 0
            }
        }
        return result
    }

    /// The shared prefix is a base-36 digit: 0-9, then a-z.
    /// `term` written after `previous`: how many UTF-16 units (what JavaScript's `slice` counts)
    /// the two share at the start, at most 35 and never part of a character, then the rest.
    /// Returns how many bytes the two share (and `term` does not repeat).
    @discardableResult
    static func frontCode<Out: ByteOutput>(_ term: UnsafeBufferPointer<UInt8>, after previous: UnsafeBufferPointer<UInt8>,
                                           into out: inout Out) -> Int {
        var i = 0
        // Shared ASCII characters first, a compare each (each is one byte and one unit).
        let asciiLimit = min(term.count, previous.count, 35)
        while i < asciiLimit, term[i] < 0x80, term[i] == previous[i] { i += 1 }
        var sharedBytes = i
        var sharedUnits = i
        scan: while i < term.count {
            let lead = term[i]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            let units = length == 4 ? 2 : 1
            guard i + length <= previous.count, i + length <= term.count, sharedUnits + units < 36 else { break }
            for k in i..<(i + length) where term[k] != previous[k] { break scan }
            i += length
            sharedBytes = i
            sharedUnits += units
        }
        out.append(sharedUnits < 10 ? 0x30 + UInt8(sharedUnits) : 0x57 + UInt8(sharedUnits))
        out.append(contentsOf: UnsafeBufferPointer(rebasing: term[sharedBytes...]))
        return sharedBytes
    }

    static func frontCoded(_ term: String, after previous: String) -> String {
        var out: [UInt8] = []
        var term = term, previous = previous
        _ = term.withUTF8 { t in previous.withUTF8 { p in frontCode(t, after: p, into: &out) } }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Where the codes of the index write their bytes: a byte array, or a term list's line
/// written in place.
protocol ByteOutput {
    mutating func append(_ byte: UInt8)
    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteOutput where Element == UInt8 {}

/// Minimal JSON writing with a fixed key order, so the index is byte-identical between builds.
enum JSONText {
    static func string(_ s: String) -> String {
        var out: [UInt8] = []
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// `s` as a JSON string, appended to `out`.
    static func append(_ s: String, to out: inout [UInt8]) {
        s.withUTF8Bytes { append($0, to: &out) }
    }

    /// The UTF-8 text `bytes` as a JSON string, appended to `out`.
    static func append(_ bytes: [UInt8], to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0, to: &out) }
    }

    /// The UTF-8 text `bytes` as a JSON string, appended to `out`. Plain runs are copied whole,
    /// found eight bytes at a time.
    private static func append(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + bytes.count + 2)
        out.append(0x22)
        var plain = 0
        var i = 0
        while i < bytes.count {
            if i + 8 <= bytes.count {
                let word = ByteWord.load(bytes, at: i)
                // The bytes that may be escaped: control characters, a quote, a backslash, and
                // 0xE2 (which starts U+2028 and U+2029).
                let found = ByteWord.below(0x20, in: word) | ByteWord.equal(to: 0x22, in: word)
                    | ByteWord.equal(to: 0x5C, in: word) | ByteWord.equal(to: 0xE2, in: word)
                if found == 0 {
                    i += 8
                    continue
                }
                i += ByteWord.first(found)
            }
            let b = bytes[i]
            var escape: UInt8 = 0
            switch b {
            case 0x22: escape = 0x22
            case 0x5C: escape = 0x5C
            case 0x0A: escape = 0x6E
            case 0x0D: escape = 0x72
            case 0x09: escape = 0x74
            case 0x00..<0x20: escape = 0x75
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                // U+2028 and U+2029 are escaped for older JavaScript parsers.
                escape = 0x75
            default: break
            }
            guard escape != 0 else {
                i += 1
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<i]))
            out.append(0x5C)
            out.append(escape)
            if escape != 0x75 {
                i += 1
            } else if b == 0xE2 {
                out.append(contentsOf: bytes[i + 2] == 0xA8 ? [0x32, 0x30, 0x32, 0x38] : [0x32, 0x30, 0x32, 0x39])
                i += 3
            } else {
                out.append(contentsOf: [0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
                i += 1
            }
            plain = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plain..<bytes.count]))
        out.append(0x22)
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}
