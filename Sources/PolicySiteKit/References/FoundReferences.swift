/// The links the resolve phase found in each run of one policy's linkable text, so the linker
/// places them without scanning the text again. A run is known by a 64-bit fingerprint of where
/// its block starts and of its bytes (a table's cells all start where the table does); neither
/// the text nor the runs without links are kept, so the whole site's runs take little memory.
struct FoundReferences: Sendable {
    /// Every run scanned.
    private var scanned: Set<Int> = []
    /// The links of the runs that have any, in text order.
    private var linked: [Int: [Reference]] = [:]

    /// Records the references of the run `text` at `location`; only those that become links are kept.
    mutating func add(_ references: [Reference], text: String, at location: SourceLocation) {
        let run = Self.fingerprint(text, at: location)
        scanned.insert(run)
        let links = references.filter(\.isLink)
        if !links.isEmpty { linked[run] = links }
    }

    /// The links in the run `text` at `location`, in text order, or nil for a run never scanned.
    func links(in text: String, at location: SourceLocation) -> [Reference]? {
        let run = Self.fingerprint(text, at: location)
        guard scanned.contains(run) else { return nil }
        return linked[run] ?? []
    }

    private static func fingerprint(_ text: String, at location: SourceLocation) -> Int {
        var hasher = Hasher()
        hasher.combine(location.line)
        hasher.combine(location.column)
        hasher.combine(text.utf8.count)
        if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
        return hasher.finalize()
    }
}
