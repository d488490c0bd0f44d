/// The links the resolve phase found in each run of one policy's linkable text, so the linker
/// places them without scanning the text again. A run is found by where its block starts, its
/// length and a 64-bit hash of its bytes (a table's cells all start where the table does); the
/// text itself is not kept, which would hold a second copy of every policy's text in memory.
struct FoundReferences: Sendable {
    private struct Key: Hashable {
        var line: Int
        var column: Int
        var length: Int
        var fingerprint: Int

        init(_ text: String, at location: SourceLocation) {
            line = location.line
            column = location.column
            length = text.utf8.count
            var hasher = Hasher()
            if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
                for byte in text.utf8 { hasher.combine(byte) }
            }
            fingerprint = hasher.finalize()
        }
    }

    /// Per run, the references that become links (most runs have none: an empty array).
    private var runs: [Key: [Reference]] = [:]

    /// Records the references of the run `text` at `location`; only those that become links are kept.
    mutating func add(_ references: [Reference], text: String, at location: SourceLocation) {
        runs[Key(text, at: location)] = references.filter(\.isLink)
    }

    /// The links in the run `text` at `location`, in text order, or nil for a run never scanned.
    func links(in text: String, at location: SourceLocation) -> [Reference]? {
        runs[Key(text, at: location)]
    }
}
