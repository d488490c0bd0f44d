import Foundation

/// Parsed policies and school files kept between builds of one session (the preview server), so
/// a rebuild after an edit parses only the files whose text changed. An entry is reused only when
/// the path, the slugs and the whole text are equal; files gone from a build are forgotten.
public final class ParseCache: @unchecked Sendable {
    private struct Entry<Value> {
        var text: String
        var slugs: [Slug]
        var value: Value
    }

    /// How many files the last build parsed and how many it reused.
    public struct Counts: Sendable, Equatable {
        public var parsed = 0
        public var reused = 0

        public init(parsed: Int = 0, reused: Int = 0) {
            self.parsed = parsed
            self.reused = reused
        }
    }

    private let lock = NSLock()
    private var policies: [String: Entry<(Policy?, [Diagnostic])>] = [:]
    private var schools: [String: Entry<(School?, [Diagnostic])>] = [:]
    private var seen: Set<String> = []
    private var counts = Counts()

    public init() {}

    /// The counts since the last call, and forgets entries for files this build did not read.
    public func finishBuild() -> Counts {
        lock.lock()
        defer { lock.unlock() }
        policies = policies.filter { seen.contains($0.key) }
        schools = schools.filter { seen.contains($0.key) }
        seen = []
        let result = counts
        counts = Counts()
        return result
    }

    func policy(_ source: SourceText, school: Slug, slug: Slug) -> (Policy?, [Diagnostic]) {
        lookUp(\.policies, source, [school, slug]) {
            Policy.parse(source.text, school: school, slug: slug, path: source.path)
        }
    }

    func school(_ source: SourceText, slug: Slug) -> (School?, [Diagnostic]) {
        lookUp(\.schools, source, [slug]) {
            School.parse(source.text, slug: slug, path: source.path)
        }
    }

    private func lookUp<Value>(_ table: ReferenceWritableKeyPath<ParseCache, [String: Entry<Value>]>, _ source: SourceText,
                               _ slugs: [Slug], parse: () -> Value) -> Value {
        lock.lock()
        seen.insert(source.path)
        if let entry = self[keyPath: table][source.path], entry.slugs == slugs, entry.text == source.text {
            counts.reused += 1
            lock.unlock()
            return entry.value
        }
        lock.unlock()
        let value = parse()
        lock.lock()
        self[keyPath: table][source.path] = Entry(text: source.text, slugs: slugs, value: value)
        counts.parsed += 1
        lock.unlock()
        return value
    }
}
