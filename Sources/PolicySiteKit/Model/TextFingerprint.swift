import CSHA256

/// A short fingerprint of a policy's text, printed on its forms so that a signed paper can be
/// matched to the exact wording it was signed against: the first 8 hexadecimal digits of the
/// SHA-256 of the policy body (the Markdown after the front matter, line ends normalised to LF).
public enum TextFingerprint {
    /// "3f1c9a0b".
    public static func of(_ text: String) -> String {
        String(SHA256.hex(Array(text.utf8)).prefix(8))
    }
}

/// SHA-256 (FIPS 180-4), through the small C target CSHA256; used only for fingerprints, not for
/// security.
enum SHA256 {
    /// The digest of `bytes` as 64 lower-case hexadecimal digits; `hardware: false` forces the
    /// portable code (for tests that hold the two to the same digests).
    static func hex(_ bytes: [UInt8], hardware: Bool = true) -> String {
        digest(bytes, hardware: hardware).map { word in
            let s = String(word, radix: 16)
            return String(repeating: "0", count: 8 - s.count) + s
        }.joined()
    }

    /// The digest as eight 32-bit words.
    static func digest(_ bytes: [UInt8], hardware: Bool = true) -> [UInt32] {
        var words = [UInt32](repeating: 0, count: 8)
        bytes.withUnsafeBufferPointer { data in
            words.withUnsafeMutableBufferPointer { out in
                csha256_digest(data.baseAddress, data.count, out.baseAddress, hardware ? 1 : 0)
            }
        }
        return words
    }
}
