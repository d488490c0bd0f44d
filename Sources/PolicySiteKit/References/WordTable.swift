/// A set of normalised words that a token is looked up in by its bytes (`TextToken.normHash` and
/// `TextTokens`'s bytes), so no String is made for the look-up. Each word has an index: its place
/// among the distinct words of the list the table was made from.
struct WordTable: Sendable {
    /// The words' bytes, one after another, and where each word ends.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// Open addressing with linear probing, at most a quarter full so that a word not in the
    /// table (the usual case) mostly meets an empty slot at once: per slot the hash of its word
    /// with the lowest bit set (0 when empty), and the word's index.
    private var slotHashes: [UInt64]
    private var slotWords: [Int32]
    private let shift: UInt64

    init(_ list: some Sequence<String>) {
        let list = Array(list)
        var bits = 3
        while 1 << bits < list.count * 4 { bits += 1 }
        slotHashes = [UInt64](repeating: 0, count: 1 << bits)
        slotWords = [Int32](repeating: 0, count: 1 << bits)
        shift = UInt64(64 - bits)
        for word in list {
            let utf8 = Array(word.utf8)
            let key = utf8.reduce(Self.seed, Self.hash) | 1
            var slot = slot(key)
            var known = false
            while slotHashes[slot] != 0 {
                if slotHashes[slot] == key && self.word(Int(slotWords[slot])).elementsEqual(utf8) { known = true; break }
                slot = (slot + 1) & (slotHashes.count - 1)
            }
            guard !known else { continue }
            slotHashes[slot] = key
            slotWords[slot] = Int32(ends.count)
            bytes += utf8
            ends.append(bytes.count)
        }
    }

    /// The index of the token's normalised word, or nil when it is not in the table. Always
    /// inlined, so that the caller's token is read where it is rather than copied for the call.
    @inline(__always)
    func index(of t: TextToken, in tokens: TextTokens) -> Int? {
        let key = t.normHash | 1
        var slot = slot(key)
        while true {
            let stored = slotHashes[slot]
            if stored == 0 { return nil }
            if stored == key {
                let index = Int(slotWords[slot])
                let start = index == 0 ? 0 : ends[index - 1]
                if tokens.hasNorm(t, bytes[start..<ends[index]]) { return index }
            }
            slot = (slot + 1) & (slotHashes.count - 1)
        }
    }

    @inline(__always)
    func contains(_ t: TextToken, in tokens: TextTokens) -> Bool { index(of: t, in: tokens) != nil }

    func contains(_ word: String) -> Bool {
        let utf8 = Array(word.utf8)
        let key = utf8.reduce(Self.seed, Self.hash) | 1
        var slot = slot(key)
        while slotHashes[slot] != 0 {
            if slotHashes[slot] == key && self.word(Int(slotWords[slot])).elementsEqual(utf8) { return true }
            slot = (slot + 1) & (slotHashes.count - 1)
        }
        return false
    }

    private func word(_ index: Int) -> ArraySlice<UInt8> { bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]] }

    /// Fibonacci hashing: the top bits of the product pick the slot.
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// FNV-1a over a word's bytes: `hash(hash(seed, b0), b1)…`.
    static var seed: UInt64 { 0xCBF2_9CE4_8422_2325 }
    static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
}
