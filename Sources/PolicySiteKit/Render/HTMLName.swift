/// A tag or attribute name, lower-cased. Names of up to 16 ASCII bytes (every name the checks
/// look for) are packed into two words, so comparing one with a known name is a few integer
/// comparisons and needs no string; longer or non-ASCII names keep their text.
struct HTMLName: Equatable, CustomStringConvertible, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var count = 0
    /// The lower-cased name, for names that do not pack.
    private var text: String?

    /// The name `bytes` spell, lower-cased: ASCII by byte, anything else with Unicode case mapping.
    init<Bytes: Collection<UInt8>>(lowercasing bytes: Bytes) {
        if bytes.count <= 16 {
            // One pass: lower-case and pack, until a byte that is not ASCII.
            var ascii = true
            for b in bytes {
                if b >= 0x80 { ascii = false; break }
                let lower = UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                if count < 8 { low |= lower << (8 * count) } else { high |= lower << (8 * (count - 8)) }
                count += 1
            }
            if ascii { return }
            low = 0; high = 0; count = 0
        }
        let lowered = String(decoding: bytes, as: UTF8.self).lowercased()
        if lowered.utf8.count <= 16, lowered.utf8.allSatisfy({ $0 < 0x80 }) { pack(lowered.utf8) } else { text = lowered }
    }

    /// A known, lower-case ASCII name.
    init(_ name: StaticString) {
        self.init(lowercasing: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    private mutating func pack<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        for b in bytes {
            if count < 8 { low |= UInt64(b) << (8 * count) } else { high |= UInt64(b) << (8 * (count - 8)) }
            count += 1
        }
    }

    /// True when the name starts with "on" (an event handler attribute).
    var isEventHandler: Bool {
        if let text { return text.hasPrefix("on") }
        return count >= 2 && low & 0xFFFF == 0x6E6F
    }

    var description: String {
        if let text { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for k in 0..<count { bytes.append(UInt8(truncatingIfNeeded: k < 8 ? low >> (8 * k) : high >> (8 * (k - 8)))) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
