/// Eight bytes of text read as one number, so that the loops over a text's bytes can skip a run
/// of plain bytes eight at a time: each test sets the high bit of the bytes it finds. A test is
/// exact for the first byte it finds; bytes after that one may be found wrongly (a borrow), so
/// only `first(_:)` of a test (or of several, or-ed) is to be used.
enum ByteWord {
    static var ones: UInt64 { 0x0101_0101_0101_0101 }
    static var highs: UInt64 { 0x8080_8080_8080_8080 }

    /// The eight bytes at `i` of `p`, which has at least `i + 8` bytes; the first is the lowest.
    @inline(__always)
    static func load(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self))
    }

    /// The bytes below `limit` (at most 0x80).
    @inline(__always)
    static func below(_ limit: UInt8, in word: UInt64) -> UInt64 { (word &- ones &* UInt64(limit)) & ~word & highs }

    /// The bytes equal to `byte`.
    @inline(__always)
    static func equal(to byte: UInt8, in word: UInt64) -> UInt64 { below(1, in: word ^ (ones &* UInt64(byte))) }

    /// The bytes of 0x80 and above (exact for every byte).
    @inline(__always)
    static func nonASCII(in word: UInt64) -> UInt64 { word & highs }

    /// Where the first byte that `found` (not zero) marks is, from 0 to 7.
    @inline(__always)
    static func first(_ found: UInt64) -> Int { found.trailingZeroBitCount >> 3 }
}
