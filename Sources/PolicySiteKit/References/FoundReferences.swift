/// The links the resolve phase found in each run of one policy's linkable text, so the linker
/// places them without scanning the text again. A run is known by a 64-bit fingerprint of where
/// its block starts and of its bytes (a table's cells all start where the table does); neither
/// the text nor the runs without links are kept, so the whole site's runs take little memory.
struct FoundReferences: Sendable {
    /// Every run scanned.
    private var scanned: Set<Int> = []
    /// The links of the runs that have any, in text order.
    private var linked: [Int: [Reference]] = [:]

    /// Records the references of the run `text` at `location`; only those that become links are kept.
    mutating func add(_ references: [Reference], text: String, at location: SourceLocation) {
        let run = Self.fingerprint(text, at: location)
        scanned.insert(run)
        let links = references.filter(\.isLink)
        if !links.isEmpty { linked[run] = links }
    }

    /// The links in the run `text` at `location`, in text order, or nil for a run never scanned.
    func links(in text: String, at location: SourceLocation) -> [Reference]? {
        let run = Self.fingerprint(text, at: location)
        guard scanned.contains(run) else { return nil }
        return linked[run] ?? []
    }

    /// The run's place and bytes folded into 64 bits, eight bytes at a time (a multiply folded
    /// to 64 bits per word, as wyhash does): every run of the site is fingerprinted twice, so this
    /// is several times faster than `Hasher`. A policy could be written to make two runs of one
    /// table collide, which would only misplace links in that policy.
    static func fingerprint(_ text: String, at location: SourceLocation) -> Int {
        text.withUTF8Bytes { bytes in
            var h = mix(UInt64(truncatingIfNeeded: location.line) << 32 | UInt64(truncatingIfNeeded: location.column) & 0xFFFF_FFFF,
                        UInt64(bytes.count) ^ 0xA076_1D64_78BD_642F)
            var i = 0
            while i + 8 <= bytes.count {
                h = mix(h ^ ByteWord.load(bytes, at: i), 0xE703_7ED1_A0B4_28DB)
                i += 8
            }
            var last: UInt64 = 0
            for k in i..<bytes.count { last |= UInt64(bytes[k]) << (8 &* UInt64(k - i)) }
            return Int(truncatingIfNeeded: mix(h ^ last, 0x8EBC_6AF0_9C88_C6E3))
        }
    }

    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = (a ^ 0x5899_65CC_7537_4CC3).multipliedFullWidth(by: b)
        return product.high ^ product.low
    }
}
