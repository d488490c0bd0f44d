extension String {
    /// Calls `body` with the string's UTF-8 bytes: read in place for a native string (nearly
    /// every one), from a copy otherwise. `withUTF8` would need a mutable copy to call it on.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
