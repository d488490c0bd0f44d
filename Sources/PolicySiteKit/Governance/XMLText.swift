/// Escaping for XML outputs (feed, sitemap): markup characters escaped, and the control
/// characters XML 1.0 forbids dropped, so content can never make a feed unreadable.
enum XMLText {
    static func escape(_ text: String) -> String {
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
