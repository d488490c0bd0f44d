/// A set of normalised words that a token is looked up in by its bytes (`TextToken.normHash` and
/// `TextTokens.norms`), so no String is made for the look-up. Each word has an index: its place
/// among the distinct words of the list the table was made from.
struct WordTable: Sendable {
    private var words: [[UInt8]] = []
    private var hashes: [UInt64] = []
    /// Open addressing with linear probing: 1 + the index of the word in each slot, 0 when empty.
    /// At most a quarter full, so a word not in the table usually meets an empty slot first.
    private var slots: [Int32]
    private let shift: UInt64

    init(_ list: some Sequence<String>) {
        let list = Array(list)
        var bits = 3
        while 1 << bits < list.count * 4 { bits += 1 }
        slots = [Int32](repeating: 0, count: 1 << bits)
        shift = UInt64(64 - bits)
        for word in list {
            let bytes = Array(word.utf8)
            let hash = bytes.reduce(Self.seed, Self.hash)
            let (found, slot) = probe(hash) { words[$0] == bytes }
            guard found == nil else { continue }
            words.append(bytes)
            hashes.append(hash)
            slots[slot] = Int32(words.count)
        }
    }

    /// The index of the token's normalised word, or nil when it is not in the table.
    func index(of t: TextToken, in tokens: TextTokens) -> Int? {
        probe(t.normHash) { tokens.hasNorm(t, words[$0], hash: hashes[$0]) }.index
    }

    func contains(_ t: TextToken, in tokens: TextTokens) -> Bool { index(of: t, in: tokens) != nil }

    func contains(_ word: String) -> Bool {
        let bytes = Array(word.utf8)
        return probe(bytes.reduce(Self.seed, Self.hash)) { words[$0] == bytes }.index != nil
    }

    /// The index of the word with `hash` that `isWord` accepts, or nil and the empty slot where it would go.
    private func probe(_ hash: UInt64, _ isWord: (Int) -> Bool) -> (index: Int?, slot: Int) {
        var slot = slot(hash)
        while true {
            let entry = Int(slots[slot])
            guard entry != 0 else { return (nil, slot) }
            if hashes[entry - 1] == hash && isWord(entry - 1) { return (entry - 1, slot) }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// Fibonacci hashing: the top bits of the product pick the slot.
    private func slot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// FNV-1a over a word's bytes: `hash(hash(seed, b0), b1)…`.
    static var seed: UInt64 { 0xCBF2_9CE4_8422_2325 }
    static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
}
