/// Distinct search terms numbered in first-seen order, their UTF-8 bytes in one array: the
/// dictionary of the index while it is built, without a `String` or a `Set` per word.
/// A table made by `withStopWords()` starts with the stop words, numbered `0..<stopWordCount`.
struct TermTable {
    /// Every term's bytes, one after another.
    private(set) var bytes: [UInt8] = []
    /// Where each term ends in `bytes`; term `i` starts where term `i - 1` ends.
    private(set) var ends: [Int32] = []
    /// Each term of at most eight bytes as one number (its bytes from the lowest up; terms
    /// have no zero bytes), `UInt64.max` for a longer term: a short term is found by one compare.
    private var shortKeys: [UInt64] = []
    /// Open addressing: a term's hash in the high half and its number plus one in the low
    /// half, or 0 for an empty slot (so a probe reads the hash without another array).
    private var slots: [UInt64]

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        ends.reserveCapacity(capacity)
        shortKeys.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * 8)
    }

    /// An empty table with room for `capacity` terms after the stop words.
    static func withStopWords(capacity: Int = 256) -> TermTable {
        var table = TermTable(capacity: capacity + stopWordCount)
        for word in SearchText.stopWordBytes { _ = table.intern(word) }
        return table
    }

    static var stopWordCount: Int { SearchText.stopWords.count }

    var count: Int { ends.count }

    func start(of term: Int) -> Int { term == 0 ? 0 : Int(ends[term - 1]) }


    /// The number of `term`, which is added if it is new.
    mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> Int {
        if (ends.count + 1) * 2 > slots.count { grow() }
        let short = term.count <= 8
        var key = UInt64.max
        let hash: UInt32
        if short {
            key = 0
            for k in 0..<term.count { key |= UInt64(term[k]) << (8 &* UInt64(k)) }
            hash = UInt32(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32)
        } else {
            hash = Self.hash(term)
        }
        let tag = UInt64(hash) << 32
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(entry & 0xFFFF_FFFF) - 1
                if short ? shortKeys[id] == key : equals(id, term) { return id }
            }
            slot = (slot + 1) & mask
        }
        let id = ends.count
        slots[slot] = tag | UInt64(id + 1)
        bytes.append(contentsOf: term)
        ends.append(Int32(bytes.count))
        shortKeys.append(key)
        return id
    }

    /// The number of `term` with its bytes in an array.
    mutating func intern(_ term: [UInt8]) -> Int { term.withUnsafeBufferPointer { intern($0) } }

    private func equals(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let from = start(of: id)
        guard Int(ends[id]) - from == term.count else { return false }
        return bytes.withUnsafeBufferPointer { b in
            for k in 0..<term.count where b[from + k] != term[k] { return false }
            return true
        }
    }

    private mutating func grow() {
        var size = slots.count * 2
        while size < (ends.count + 1) * 2 { size *= 2 }
        var fresh = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for entry in slots where entry != 0 {
            var slot = Int(entry >> 32) & mask
            while fresh[slot] != 0 { slot = (slot + 1) & mask }
            fresh[slot] = entry
        }
        slots = fresh
    }

    /// FNV-1a (for terms longer than eight bytes; a shorter one's hash is its key multiplied):
    /// terms are short, and the table needs no protection from chosen collisions
    /// (the worst a hostile policy can do is slow its own build a little).
    static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in term { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    /// The numbers of the terms from `first` on, in Unicode code point order (the order of their
    /// bytes). Each term is sorted as one number: its first bytes (as many as fit beside the
    /// term's number; terms have no zero bytes) above its number; terms whose first bytes are
    /// the same are then put in order by all their bytes.
    func sortedNumbers(from first: Int) -> [Int32] {
        let n = count - first
        guard n > 0 else { return [] }
        let numberBits = max(1, Int.bitWidth - (n - 1).leadingZeroBitCount)
        let prefixBytes = (64 - numberBits) / 8
        let prefixShift = 64 - prefixBytes * 8
        let numberMask = UInt64(1) << numberBits - 1
        var keys = [UInt64](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: n)
        bytes.withUnsafeBufferPointer { b in
            ends.withUnsafeBufferPointer { ends in
                func bytes(of t: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: b[(t == 0 ? 0 : Int(ends[t - 1]))..<Int(ends[t])])
                }
                for t in first..<ends.count {
                    let term = bytes(of: t)
                    var prefix: UInt64 = 0
                    for k in 0..<min(term.count, prefixBytes) { prefix = prefix << 8 | UInt64(term[k]) }
                    prefix <<= UInt64(8 * (prefixBytes - min(term.count, prefixBytes)))
                    keys[t - first] = prefix << prefixShift | UInt64(t - first)
                }
                keys.radixSort()
                order.withUnsafeMutableBufferPointer { order in
                    for i in 0..<n { order[i] = Int32(Int(keys[i] & numberMask) + first) }
                    // Runs of terms with the same first bytes, in order of all their bytes.
                    var runStart = 0
                    for i in 1...n where i == n || keys[i] >> prefixShift != keys[runStart] >> prefixShift {
                        if i - runStart > 1 {
                            var run = UnsafeMutableBufferPointer(rebasing: order[runStart..<i])
                            run.sort { x, y in
                                SearchEncoding.precedes(bytes(of: Int(x)), bytes(of: Int(y)))
                            }
                        }
                        runStart = i
                    }
                }
            }
        }
        return order
    }
}
