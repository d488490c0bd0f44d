import Foundation

/// The compact codes of the search index, mirrored by `templates/assets/search.js`.
enum SearchEncoding {
    /// Unicode code point order (the order of UTF-8 bytes), which search.js also uses.
    static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let n = min(x.count, y.count)
                if n > 0, let px = x.baseAddress, let py = y.baseAddress {
                    let c = memcmp(px, py, n)
                    if c != 0 { return c < 0 }
                }
                return x.count < y.count
            }
        }
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
        var previous = -1
        var digits: [Int] = []
        for r in records {
            var value = r - previous - 1
            previous = r
            digits.removeAll(keepingCapacity: true)
            repeat {
                digits.append(value & 31)
                value >>= 5
            } while value > 0
            var i = digits.count - 1
            while i > 0 {
                out.append(moreDigits[digits[i]])
                i -= 1
            }
            out.append(finalDigits[digits[0]])
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

    static let prefixDigits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    /// `term` written after `previous`: how many UTF-16 units (what JavaScript's `slice` counts)
    /// the two share at the start, at most 35 and never part of a character, then the rest.
    static func frontCode(_ term: [UInt8], after previous: [UInt8], into out: inout [UInt8]) {
        var sharedBytes = 0
        var sharedUnits = 0
        var i = 0
        scan: while i < term.count {
            let lead = term[i]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            let units = length == 4 ? 2 : 1
            guard i + length <= previous.count, i + length <= term.count, sharedUnits + units < prefixDigits.count else { break }
            for k in i..<(i + length) where term[k] != previous[k] { break scan }
            i += length
            sharedBytes = i
            sharedUnits += units
        }
        out.append(prefixDigits[sharedUnits])
        out += term[sharedBytes...]
    }

    static func frontCoded(_ term: String, after previous: String) -> String {
        var out: [UInt8] = []
        frontCode(Array(term.utf8), after: Array(previous.utf8), into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// Minimal JSON writing with a fixed key order, so the index is byte-identical between builds.
enum JSONText {
    static func string(_ s: String) -> String {
        var out: [UInt8] = [0x22]
        out.reserveCapacity(s.utf8.count + 2)
        let bytes = Array(s.utf8)
        let hex = Array("0123456789abcdef".utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x00..<0x20:
                out += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 15)]]
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                // U+2028 and U+2029 are escaped for older JavaScript parsers.
                out += Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                i += 2
            default: out.append(b)
            }
            i += 1
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}

extension Array where Element: Sendable {
    /// `map` across the machine's cores; results in the original order.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = ConcurrentSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in results.set(i, transform(self[i])) }
        return results.values
    }
}

/// Result slots filled from several threads.
private final class ConcurrentSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    var values: [T] { slots.compactMap { $0 } }
}
