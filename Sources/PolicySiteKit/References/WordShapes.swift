/// The first byte and length of each word of a set: a word whose shape no word of the set has is
/// not in it, so most words of running text are turned away without hashing them.
struct WordShapes: Sendable {
    /// Per first UTF-8 byte, a bit per length (lengths of 63 bytes and more share the last bit).
    private var lengthsByFirstByte = [UInt64](repeating: 0, count: 256)
    private var hasEmpty = false

    init(_ words: some Sequence<String>) {
        for word in words {
            guard let first = word.utf8.first else { hasEmpty = true; continue }
            lengthsByFirstByte[Int(first)] |= Self.bit(word)
        }
    }

    /// False when `word` is certainly not in the set.
    func mayContain(_ word: String) -> Bool {
        guard let first = word.utf8.first else { return hasEmpty }
        return lengthsByFirstByte[Int(first)] & Self.bit(word) != 0
    }

    private static func bit(_ word: String) -> UInt64 { 1 << UInt64(min(word.utf8.count, 63)) }
}
