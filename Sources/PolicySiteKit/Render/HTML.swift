import Foundation

/// Escaping for text and attribute values in generated HTML.
public enum HTML {
    /// Escapes `&`, `<`, `>` and `"` (enough for both text and double-quoted attributes).
    public static func escape(_ text: String) -> String {
        // Read as bytes: every page's text goes through here, and most of it needs no escaping.
        var text = text
        return text.withUTF8 { bytes in
            guard let first = firstSpecial(bytes) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            for b in UnsafeBufferPointer(rebasing: bytes[first...]) {
                switch b {
                case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B]) // &amp;
                case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B]) // &lt;
                case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B]) // &gt;
                case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]) // &quot;
                default: out.append(b)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// Index of the first `&`, `<`, `>` or `"` in `bytes`: eight bytes at a time, since nearly all
    /// text has none.
    static func firstSpecial(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i + 8 <= bytes.count {
            let w = ByteWord.load(bytes, at: i)
            let found = ByteWord.equal(to: 0x26, in: w) | ByteWord.equal(to: 0x3C, in: w) | ByteWord.equal(to: 0x3E, in: w) | ByteWord.equal(to: 0x22, in: w)
            if found != 0 { return i + ByteWord.first(found) }
            i += 8
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 { return i }
            i += 1
        }
        return nil
    }

    /// Schemes a link in a policy may use; anything else with a scheme (javascript:, data:,
    /// vbscript:, file:) is dropped.
    static let safeSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// The URL's scheme, lower-cased, after removing the whitespace and control characters browsers
    /// ignore ("java\tscript:" is javascript:); nil for a relative URL.
    static func scheme(of url: String) -> String? {
        scheme(ofUTF8: url.utf8)
    }

    /// `scheme(of:)` of a URL's UTF-8 bytes.
    static func scheme<Bytes: Collection<UInt8>>(ofUTF8 url: Bytes) -> String? {
        // The characters skipped and the ones that end a scheme are all ASCII, and no byte of a
        // longer character is below 0x80. Most URLs here are relative, so the scheme is only made
        // into a string when there is one.
        var colon = -1
        for (i, b) in url.enumerated() {
            if b <= 0x20 || b == 0x7F { continue }
            if b == 0x3A { colon = i; break }
            if b == 0x2F || b == 0x3F || b == 0x23 { return nil }
        }
        guard colon >= 0 else { return nil }
        let scheme = url.prefix(colon).filter { $0 > 0x20 && $0 != 0x7F }
        return String(decoding: scheme, as: UTF8.self).lowercased()
    }

    /// True when fetching `url` would leave the site: it has a scheme, or starts with two slashes
    /// (`//host/x`, or with backslashes, which browsers read as slashes): another host.
    static func isExternal(_ url: String) -> Bool {
        isExternal(utf8: url.utf8)
    }

    /// `isExternal(_:)` of a URL's UTF-8 bytes.
    static func isExternal<Bytes: Collection<UInt8>>(utf8 url: Bytes) -> Bool {
        if scheme(ofUTF8: url) != nil { return true }
        let start = url.drop { $0 <= 0x20 }.prefix(2)
        return start.count == 2 && start.allSatisfy { $0 == 0x2F || $0 == 0x5C }
    }

    /// True for an HTML comment and nothing else (`<!-- note to editors -->`): a note that is
    /// silently left out of the page, unlike other raw HTML.
    static func isComment(_ literal: String) -> Bool {
        let t = literal.trimmingCharacters(in: .whitespacesAndNewlines)
        guard t.hasPrefix("<!--"), t.hasSuffix("-->"), t.count >= 7 else { return false }
        return t.dropFirst(4).dropLast(3).range(of: "-->") == nil
    }

    /// True when `url` may be published as a link.
    static func isSafeLink(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return true }
        return safeSchemes.contains(scheme)
    }
}
