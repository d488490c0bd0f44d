/// Escaping for XML outputs (feed, sitemap): markup characters escaped, and the control
/// characters XML 1.0 forbids dropped, so content can never make a feed unreadable.
enum XMLText {
    static func escape(_ text: String) -> String {
        // Most text (every address the site makes) has nothing to drop or replace.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 && $0 != 0x27 }) {
            return text
        }
        var clean = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D { continue }
            if v == 0xFFFE || v == 0xFFFF { continue }
            clean.unicodeScalars.append(scalar)
        }
        return HTML.escape(clean).replacingOccurrences(of: "'", with: "&apos;")
    }
}
