import Foundation

/// Walks the start tags of an HTML page in place, with names lower-cased and attribute values
/// left as ranges of the page's bytes until a check asks for one (decoded as a browser would).
/// Skips text with `memchr`, since pages can be megabytes long.
struct TagScanner {
    struct Attribute {
        var name: HTMLName
        /// The value's bytes, quotes excluded; nil for an attribute without `=`.
        var value: Range<Int>?
    }

    /// The current tag's name and attributes; the attributes' storage is reused from tag to tag.
    private(set) var name = HTMLName("")
    private(set) var attributes: [Attribute] = []

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0

    /// The scanner reads `bytes` in place: use it only inside `withUnsafeBufferPointer`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private static let commentStart = Array("<!--".utf8), commentEnd = Array("-->".utf8)

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C }
    private func isNameByte(_ b: UInt8) -> Bool { !isSpace(b) && b != UInt8(ascii: ">") && b != UInt8(ascii: "/") && b != UInt8(ascii: "=") }

    /// True when the bytes at `index` are `pattern`, ignoring ASCII case.
    private func starts(with pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for (k, p) in pattern.enumerated() where bytes[index + k] | 0x20 != p | 0x20 { return false }
        return true
    }

    /// Index of the next `byte` at or after `index`, or the end.
    private func next(_ byte: UInt8, from index: Int) -> Int {
        guard index < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + index, Int32(byte), bytes.count - index) else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Moves past the next `pattern` (ASCII case ignored), or to the end.
    private mutating func skip(past pattern: [UInt8]) {
        while i < bytes.count {
            i = next(pattern[0], from: i)
            if i >= bytes.count { return }
            if starts(with: pattern, at: i) { i += pattern.count; return }
            i += 1
        }
    }

    /// Moves to the next start tag, skipping text, comments, doctypes and end tags; false at the end.
    mutating func next() -> Bool {
        while true {
            i = next(UInt8(ascii: "<"), from: i)
            guard i + 1 < bytes.count else { i = bytes.count; return false }
            let b = bytes[i + 1]
            if starts(with: Self.commentStart, at: i) { skip(past: Self.commentEnd); continue }
            if b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == UInt8(ascii: "/") { skip(past: [UInt8(ascii: ">")]); continue }
            guard (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") else { i += 1; continue }
            i += 1
            let nameStart = i
            while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
            name = HTMLName(lowercasing: bytes[nameStart..<i])
            attributes.removeAll(keepingCapacity: true)
            while i < bytes.count {
                while i < bytes.count, isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") { i += 1 }
                guard i < bytes.count, bytes[i] != UInt8(ascii: ">") else { i += 1; break }
                let attributeStart = i
                while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
                if i == attributeStart { i += 1; continue }
                var attribute = Attribute(name: HTMLName(lowercasing: bytes[attributeStart..<i]), value: nil)
                while i < bytes.count, isSpace(bytes[i]) { i += 1 }
                if i < bytes.count, bytes[i] == UInt8(ascii: "=") {
                    i += 1
                    while i < bytes.count, isSpace(bytes[i]) { i += 1 }
                    let quote = i < bytes.count ? bytes[i] : 0
                    let quoted = quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
                    let valueStart = quoted ? i + 1 : i
                    i = quoted ? next(quote, from: valueStart) : valueStart
                    if !quoted { while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 } }
                    attribute.value = valueStart..<max(valueStart, min(i, bytes.count))
                    if quoted { i += 1 }
                }
                attributes.append(attribute)
            }
            return true
        }
    }

    /// The value of the current tag's first `attribute`, decoded; "" when it has no `=`, nil when
    /// the tag does not have it.
    func value(of attribute: HTMLName) -> String? {
        attributes.first { $0.name == attribute }.map(value)
    }

    /// `attribute`'s value, decoded.
    func value(_ attribute: Attribute) -> String {
        guard let range = attribute.value else { return "" }
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        let value = String(decoding: raw, as: UTF8.self)
        return raw.contains(UInt8(ascii: "&")) ? Self.decodeEntities(value) : value
    }

    /// `attribute`'s value as it stands in the page, when it has no character reference (so reads
    /// the same decoded); nil otherwise.
    func plainValue(_ attribute: Attribute) -> UnsafeBufferPointer<UInt8>? {
        guard let range = attribute.value else { return UnsafeBufferPointer(start: nil, count: 0) }
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        return raw.contains(UInt8(ascii: "&")) ? nil : raw
    }

    /// `attribute`'s value as it stands in the page, character references and all; nil for an
    /// attribute without `=`.
    func rawValue(_ attribute: Attribute) -> UnsafeBufferPointer<UInt8>? {
        attribute.value.map { UnsafeBufferPointer(rebasing: bytes[$0]) }
    }

    /// After a start tag: true when the element closes at once (`<script …></script>`), and moves past it.
    mutating func skipEmptyElement(named name: String) -> Bool {
        let end = Array("</\(name)".utf8)
        let empty = starts(with: end, at: i)
        skip(past: end)
        return empty
    }

    /// The named references decoded (the ones that can hide a scheme or markup).
    private static let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":",
                                                  "tab": "\t", "newline": "\n", "sol": "/", "lpar": "(", "rpar": ")"]

    /// Character references as a browser decodes them in an attribute value.
    static func decodeEntities(_ value: String) -> String {
        guard value.contains("&") else { return value }
        // Every page's CSP meta carries references (&#39;): ASCII text without CR, where each byte
        // is a Character, is walked by byte.
        if value.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return decodeASCII(Array(value.utf8)) }
        var out = ""
        var rest = Substring(value)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            let body = after.prefix { $0 != ";" && $0 != "&" && $0 != " " }.prefix(12)
            let hasSemicolon = after.dropFirst(body.count).first == ";"
            if let decoded = reference(body, hasSemicolon: hasSemicolon) {
                out += decoded
                rest = after.dropFirst(body.count + (hasSemicolon ? 1 : 0))
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    /// `decodeEntities` of ASCII bytes without CR.
    private static func decodeASCII(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "&") else { out.append(bytes[i]); i += 1; continue }
            let after = i + 1
            var end = after
            while end < bytes.count, end - after < 12, bytes[end] != UInt8(ascii: ";"), bytes[end] != UInt8(ascii: "&"), bytes[end] != UInt8(ascii: " ") { end += 1 }
            let hasSemicolon = end < bytes.count && bytes[end] == UInt8(ascii: ";")
            if let decoded = reference(Substring(decoding: bytes[after..<end], as: UTF8.self), hasSemicolon: hasSemicolon) {
                out.append(contentsOf: decoded.utf8)
                i = end + (hasSemicolon ? 1 : 0)
            } else {
                out.append(UInt8(ascii: "&"))
                i = after
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// What the reference `&body;` stands for (`hasSemicolon` when it ends with one), or nil when
    /// it is not one.
    private static func reference(_ body: Substring, hasSemicolon: Bool) -> String? {
        if body.hasPrefix("#x") || body.hasPrefix("#X") {
            return UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
        } else if body.hasPrefix("#") {
            return UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
        } else if hasSemicolon {
            return named[body.lowercased()]
        }
        return nil
    }
}
