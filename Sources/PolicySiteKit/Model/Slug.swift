/// A URL- and file-name-safe identifier: lower-case ASCII letters and digits in hyphen-separated
/// runs, at most 80 characters. A slug can never contain `/`, `.` or `..`, so a path built from
/// slugs cannot leave the output folder.
public struct Slug: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts `text` only if it is already a valid slug.
    public init?(validating text: String) {
        guard Slug.isValid(text) else { return nil }
        rawValue = text
    }

    /// Makes a slug from arbitrary text ("5. Personal Use" → "5-personal-use"); empty text gives nil.
    public init?(deriving text: String) {
        // The slug is ASCII, so it is made as bytes.
        var out: [UInt8] = []
        out.reserveCapacity(Swift.min(text.utf8.count, 81))
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                if pendingHyphen && !out.isEmpty { out.append(0x2D) }
                pendingHyphen = false
                out.append(UInt8(v))
            } else if v >= 0x41 && v <= 0x5A {
                if pendingHyphen && !out.isEmpty { out.append(0x2D) }
                pendingHyphen = false
                out.append(UInt8(v + 0x20))
            } else if scalar == "’" || scalar == "'" {
                continue
            } else {
                pendingHyphen = true
            }
            if out.count >= 80 { break }
        }
        while out.last == 0x2D { out.removeLast() }
        guard !out.isEmpty else { return nil }
        rawValue = String(decoding: out, as: UTF8.self)
    }

    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 80, bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
        var previousHyphen = false
        for b in bytes {
            let isHyphen = b == UInt8(ascii: "-")
            let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || isHyphen
            if !ok || (isHyphen && previousHyphen) { return false }
            previousHyphen = isHyphen
        }
        return true
    }

    public var description: String { rawValue }
    public static func < (a: Slug, b: Slug) -> Bool { a.rawValue < b.rawValue }
}
