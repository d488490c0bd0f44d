extension Array where Element == UInt64 {
    /// Sorts the numbers ascending, a byte at a time from the lowest (an LSD radix sort, each
    /// byte's counts taken in one first pass): no comparison to mispredict, where `sort()` (a
    /// merge sort) branches on every one. A search index sorts each policy's terms as such
    /// numbers, thousands a policy.
    mutating func radixSort() {
        let n = count
        guard n > 64 else { return sort() }
        var spare = [UInt64](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 8 * 256)
        withUnsafeMutableBufferPointer { numbers in
            spare.withUnsafeMutableBufferPointer { spare in
                counts.withUnsafeMutableBufferPointer { counts in
                    for x in numbers {
                        for byte in 0..<8 { counts[byte << 8 | Int(truncatingIfNeeded: x >> UInt64(byte << 3)) & 0xFF] += 1 }
                    }
                    var from = numbers, to = spare
                    for byte in 0..<8 {
                        let shift = UInt64(byte << 3)
                        let offsets = UnsafeMutableBufferPointer(rebasing: counts[(byte << 8)..<((byte + 1) << 8)])
                        // A byte the same in every number leaves the order as it is.
                        if offsets[Int(truncatingIfNeeded: from[0] >> shift) & 0xFF] == n { continue }
                        var start = 0
                        for digit in 0..<256 {
                            let size = offsets[digit]
                            offsets[digit] = start
                            start += size
                        }
                        for x in from {
                            let digit = Int(truncatingIfNeeded: x >> shift) & 0xFF
                            to[offsets[digit]] = x
                            offsets[digit] += 1
                        }
                        swap(&from, &to)
                    }
                    if from.baseAddress != numbers.baseAddress { _ = numbers.update(fromContentsOf: from) }
                }
            }
        }
    }
}
