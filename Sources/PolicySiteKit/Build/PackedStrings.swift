import Foundation

/// Strings kept as one UTF-8 buffer and where each ends: what a rendered page keeps of its links
/// and ids until the check phase. A `String` each, in an array or a set, costs several times its
/// bytes (a heap object per string longer than 15 bytes, plus the collection's own storage); a
/// site's pages hold hundreds of thousands of them.
struct PackedStrings: Sendable, Equatable, RandomAccessCollection {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []

    /// The values of `ranges` of `bytes`, in the order given.
    private init(_ bytes: UnsafeBufferPointer<UInt8>, ranges: [Range<Int>]) {
        self.bytes.reserveCapacity(ranges.reduce(0) { $0 + $1.count })
        ends.reserveCapacity(ranges.count)
        for range in ranges {
            self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
            ends.append(UInt32(self.bytes.count))
        }
    }

    /// The distinct values of `ranges` of `bytes`: sorted by their UTF-8 bytes, or, with
    /// `keepingOrder`, in the order each first appears. Equal values are found by sorting the
    /// ranges (no `String` and no hashing per value).
    init(distinct ranges: [Range<Int>], of bytes: UnsafeBufferPointer<UInt8>, keepingOrder: Bool) {
        var order = Array(ranges.indices)
        // Equal values stay in text order, so the first of each run is its first appearance.
        order.sort { x, y in
            let o = Self.order(bytes, ranges[x], ranges[y])
            return o != 0 ? o < 0 : x < y
        }
        var distinct: [Int] = []
        distinct.reserveCapacity(order.count)
        for (k, i) in order.enumerated() where k == 0 || Self.order(bytes, ranges[order[k - 1]], ranges[i]) != 0 {
            distinct.append(i)
        }
        if keepingOrder { distinct.sort() }
        self.init(bytes, ranges: distinct.map { ranges[$0] })
    }

    /// memcmp order of two ranges of `bytes`, the shorter first when one begins the other.
    private static func order(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Int {
        let common = Swift.min(a.count, b.count)
        if common > 0, let base = bytes.baseAddress {
            let o = memcmp(base + a.lowerBound, base + b.lowerBound, common)
            if o != 0 { return Int(o) }
        }
        return a.count - b.count
    }

    var startIndex: Int { 0 }
    var endIndex: Int { ends.count }

    subscript(position: Int) -> String {
        let start = position == 0 ? 0 : Int(ends[position - 1])
        return String(decoding: bytes[start..<Int(ends[position])], as: UTF8.self)
    }

    /// Compares the string at `position` with `other`'s bytes, in UTF-8 byte order.
    fileprivate func compare(_ position: Int, with other: UnsafeBufferPointer<UInt8>) -> Int {
        let start = position == 0 ? 0 : Int(ends[position - 1])
        let end = Int(ends[position])
        return bytes.withUnsafeBufferPointer { all in
            let length = end - start
            let common = Swift.min(length, other.count)
            var i = 0
            while i < common {
                let a = all[start + i], b = other[i]
                if a != b { return a < b ? -1 : 1 }
                i += 1
            }
            return length == other.count ? 0 : (length < other.count ? -1 : 1)
        }
    }
}

/// The `id` values of a rendered page, sorted by their UTF-8 bytes so that looking one up is a
/// binary search; two pages' ids are equal when they have the same set of values.
struct PageIDs: Sendable, Equatable {
    private let sorted: PackedStrings

    /// The distinct values of `ranges` of `bytes`.
    init(_ ranges: [Range<Int>], of bytes: UnsafeBufferPointer<UInt8>) {
        sorted = PackedStrings(distinct: ranges, of: bytes, keepingOrder: false)
    }

    /// The ids, in UTF-8 byte order.
    var values: PackedStrings { sorted }

    var count: Int { sorted.count }

    /// Whether the page has the id `id`.
    func contains(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { wanted in
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                let order = sorted.compare(middle, with: wanted)
                if order == 0 { return true }
                if order < 0 { low = middle + 1 } else { high = middle }
            }
            return false
        }
    }
}
