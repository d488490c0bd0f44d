/// The links the resolve phase found in each run of one policy's linkable text, so the linker
/// places them without scanning the text again. A run is found by where its block starts and by
/// its exact text (a table's cells all start where the table does).
struct FoundReferences: Sendable {
    private struct Key: Hashable {
        var line: Int
        var column: Int
        var length: Int
    }

    private var runs: [Key: [(text: String, links: [Reference])]] = [:]

    /// Records the references of the run `text` at `location`; only those that become links are kept.
    mutating func add(_ references: [Reference], text: String, at location: SourceLocation) {
        let key = Key(line: location.line, column: location.column, length: text.utf8.count)
        runs[key, default: []].append((text, references.filter(\.isLink)))
    }

    /// The links in the run `text` at `location`, in text order, or nil for a run never scanned.
    func links(in text: String, at location: SourceLocation) -> [Reference]? {
        guard let candidates = runs[Key(line: location.line, column: location.column, length: text.utf8.count)] else { return nil }
        return candidates.first { $0.text.utf8.elementsEqual(text.utf8) }?.links
    }
}
