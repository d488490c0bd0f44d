import Foundation

/// Distinct search terms numbered in first-seen order, their UTF-8 bytes in one array: the
/// dictionary of the index while it is built, without a `String` or a `Set` per word.
/// A table made by `withStopWords()` starts with the stop words, numbered `0..<stopWordCount`.
struct TermTable {
    /// Every term's bytes, one after another.
    private(set) var bytes: [UInt8] = []
    /// Where each term ends in `bytes`; term `i` starts where term `i - 1` ends.
    private(set) var ends: [Int32] = []
    private var hashes: [UInt32] = []
    /// Open addressing: a term's number plus one, or 0 for an empty slot.
    private var slots: [Int32]

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        ends.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
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

    /// The bytes of term `i` (a copy, for tests and small tables).
    func term(_ i: Int) -> [UInt8] { Array(bytes[start(of: i)..<Int(ends[i])]) }

    /// The number of `term`, which is added if it is new.
    mutating func intern(_ term: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(term)
        var mask = slots.count - 1
        if (ends.count + 1) * 2 > slots.count {
            grow()
            mask = slots.count - 1
        }
        var slot = Int(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            let id = entry - 1
            if hashes[id] == hash, equals(id, term) { return id }
            slot = (slot + 1) & mask
        }
        let id = ends.count
        slots[slot] = Int32(id + 1)
        bytes.append(contentsOf: term)
        ends.append(Int32(bytes.count))
        hashes.append(hash)
        return id
    }

    /// The number of `term` with its bytes in an array.
    mutating func intern(_ term: [UInt8]) -> Int { term.withUnsafeBufferPointer { intern($0) } }

    private func equals(_ id: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let from = start(of: id)
        guard Int(ends[id]) - from == term.count else { return false }
        guard let t = term.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + from, t, term.count) == 0 }
    }

    private mutating func grow() {
        var size = slots.count * 2
        while size < (ends.count + 1) * 2 { size *= 2 }
        var fresh = [Int32](repeating: 0, count: size)
        let mask = size - 1
        for id in 0..<ends.count {
            var slot = Int(hashes[id]) & mask
            while fresh[slot] != 0 { slot = (slot + 1) & mask }
            fresh[slot] = Int32(id + 1)
        }
        slots = fresh
    }

    /// FNV-1a: terms are short, and the table needs no protection from chosen collisions
    /// (the worst a hostile policy can do is slow its own build a little).
    static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in term { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }

    /// The numbers of the terms from `first` on, in Unicode code point order (the order of their bytes).
    func sortedNumbers(from first: Int) -> [Int32] {
        bytes.withUnsafeBufferPointer { b in
            // Sorted by their first eight bytes as a number (terms have no zero bytes), then by all.
            var keyed: [(key: UInt64, term: Int32)] = []
            keyed.reserveCapacity(count - first)
            for t in first..<count {
                var key: UInt64 = 0
                let from = start(of: t)
                for k in 0..<8 { key = key << 8 | UInt64(from + k < Int(ends[t]) ? b[from + k] : 0) }
                keyed.append((key, Int32(t)))
            }
            keyed.sort { x, y in
                if x.key != y.key { return x.key < y.key }
                let xs = start(of: Int(x.term)), ys = start(of: Int(y.term))
                return SearchEncoding.precedes(UnsafeBufferPointer(rebasing: b[xs..<Int(ends[Int(x.term)])]),
                                               UnsafeBufferPointer(rebasing: b[ys..<Int(ends[Int(y.term)])]))
            }
            return keyed.map(\.term)
        }
    }
}
