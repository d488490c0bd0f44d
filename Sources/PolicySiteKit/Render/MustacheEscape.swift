/// HTML escaping exactly as Mustache escapes `{{name}}`: `<`, `>`, `&`, `"` and `'`, each only where
/// it is a whole Character (a `<` that a combining mark joins, as in "<\u{338}", is left as it is).
enum MustacheEscape {
    /// Appends `text`'s UTF-8 bytes to `out`, escaped. Runs of plain bytes are copied whole; a text
    /// with a special character next to a non-ASCII byte is escaped Character by Character instead.
    static func append(_ text: String, to out: inout [UInt8]) {
        let start = out.count
        var text = text
        let plain = text.withUTF8 { bytes -> Bool in
            var run = 0
            for i in bytes.indices {
                let b = bytes[i]
                guard b <= 0x3E, let entity = entity(for: b) else { continue }
                if i > 0 && bytes[i - 1] >= 0x80 || i + 1 < bytes.count && bytes[i + 1] >= 0x80 { return false }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                out.append(contentsOf: entity)
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            return true
        }
        guard !plain else { return }
        out.removeSubrange(start...)
        for c in text {
            if let ascii = c.asciiValue, let entity = entity(for: ascii) {
                out.append(contentsOf: entity)
            } else {
                out.append(contentsOf: c.utf8)
            }
        }
    }

    /// `text` escaped.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 <= 0x3E && entity(for: $0) != nil }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let lt = Array("&lt;".utf8), gt = Array("&gt;".utf8), amp = Array("&amp;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)

    @inline(__always)
    private static func entity(for byte: UInt8) -> [UInt8]? {
        switch byte {
        case 0x3C: lt
        case 0x3E: gt
        case 0x26: amp
        case 0x22: quot
        case 0x27: apos
        default: nil
        }
    }
}
