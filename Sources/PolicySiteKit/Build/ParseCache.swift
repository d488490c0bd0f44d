import Foundation

/// Parsed policies and school files kept between builds of one session (the preview server), so
/// a rebuild after an edit parses only the files whose text changed, and what is derived from
/// them (each publisher's search index) is made again only for the publishers that changed. An
/// entry is reused only when the path, the slugs and the whole text are equal; entries a build
/// did not use are forgotten.
public final class ParseCache: @unchecked Sendable {
    private struct Entry<Value> {
        var text: String
        var slugs: [Slug]
        var value: Value
    }

    /// How many files the last build parsed and reused, and how many derived values (publishers'
    /// search indexes) it made and reused.
    public struct Counts: Sendable, Equatable {
        public var parsed = 0
        public var reused = 0
        public var derivedMade = 0
        public var derivedReused = 0

        public init(parsed: Int = 0, reused: Int = 0, derivedMade: Int = 0, derivedReused: Int = 0) {
            self.parsed = parsed
            self.reused = reused
            self.derivedMade = derivedMade
            self.derivedReused = derivedReused
        }
    }

    private let lock = NSLock()
    private var policies: [String: Entry<(Policy?, [Diagnostic])>] = [:]
    private var schools: [String: Entry<(School?, [Diagnostic])>] = [:]
    private var derivedValues: [String: (owner: String, sources: [String], value: any Sendable)] = [:]
    private var seen: Set<String> = []
    private var counts = Counts()
    /// Each policy's reference scan, reused by a rebuild that changed only policies' text.
    let referenceScans = ReferenceScanStore()

    public init() {}

    /// The counts since the last call, and forgets entries for files this build did not read
    /// (with `forgetting: false`, after a rebuild that made only part of the site, keeps them).
    public func finishBuild(forgetting: Bool = true) -> Counts {
        lock.lock()
        defer { lock.unlock() }
        if forgetting {
            policies = policies.filter { seen.contains($0.key) }
            schools = schools.filter { seen.contains($0.key) }
            derivedValues = derivedValues.filter { seen.contains($0.value.owner) }
        }
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

    /// A value computed from some sources (a publisher's search index from its files' text),
    /// computed again only when the sources differ from the last build's. It is kept while its
    /// `owner` (a file's path, or the key itself) is used by each build.
    func derived<T: Sendable>(_ key: String, owner: String? = nil, from sources: [String], make: () -> T) -> T {
        lock.lock()
        seen.insert(key)
        if let entry = derivedValues[key], entry.sources == sources, let value = entry.value as? T {
            counts.derivedReused += 1
            lock.unlock()
            return value
        }
        lock.unlock()
        let value = make()
        lock.lock()
        derivedValues[key] = (owner ?? key, sources, value)
        counts.derivedMade += 1
        lock.unlock()
        return value
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
