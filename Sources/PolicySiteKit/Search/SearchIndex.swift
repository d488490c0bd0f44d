/// The static search index, read by `templates/assets/search.js`. Like Pagefind, a reader
/// downloads only what a query needs:
///
/// - `<scope>/meta.json`: the publishers in the scope, where each term shard starts, the stop words;
/// - `<scope>/t-<n>.txt`: a shard of the term dictionary (sorted by Unicode code point),
///   front-coded, one term a line: a base-36 digit (UTF-16 units shared with the previous term),
///   the rest of the term, a space, and the term's record numbers as gaps in a base-32 code;
/// - `search/<publisher>/r-<n>.json`: a chunk of records (policy, anchor, label, text), fetched
///   only for the results on screen; the site-wide scope reuses the publishers' chunks.
///
/// A scope is `search/` (the whole site, record numbers counted across publishers in order) or
/// `search/<publisher>/`. Publisher slugs cannot contain a dot, so the files never collide with them.
enum SearchIndex {
    /// One publisher's part of the index: its own files, and its terms for the site-wide scope.
    struct PublisherPart: Sendable {
        var slug: String
        var name: String
        var recordCount: Int
        var chunkStarts: [Int]
        /// Sorted terms, and the records each is in.
        var terms: [String]
        var postings: [[Int]]
        var files: [OutputFile]
    }

    /// A record with its terms.
    struct IndexedRecord: Sendable {
        var record: SearchRecord
        var terms: [String]
    }

    /// A shard is closed once it reaches this many bytes.
    static let shardTarget = 6 * 1024
    /// A record chunk is closed once its text reaches this many bytes.
    static let chunkTarget = 4 * 1024
    static let format = 1

    /// Every file of the index. With a cache (the preview server's), a publisher whose sources
    /// have not changed since the last build reuses its part, and in a publisher that changed only
    /// the changed policies are read for words again; the site-wide scope is merged again.
    static func files(site: Site, sources: SiteSources, cache: ParseCache?) -> [OutputFile] {
        let parts = site.publishers.concurrentMap { publisher -> PublisherPart in
            guard let cache else { return part(publisher) { indexed($0) } }
            let school = sources.schools.first { $0.slug == publisher.school.slug }
            let texts = Dictionary((school?.policies ?? []).map { ($0.slug, $0.source.text) }, uniquingKeysWith: { a, _ in a })
            let key = [school?.schoolFile?.text ?? ""] + (school?.policies ?? []).flatMap { [$0.source.path, $0.source.text] }
            return cache.derived("search/" + publisher.school.slug.rawValue, from: key) {
                part(publisher) { policy in
                    cache.derived("search/" + policy.path, owner: policy.path, from: [texts[policy.slug] ?? ""]) { indexed(policy) }
                }
            }
        }
        return parts.flatMap(\.files) + siteFiles(parts)
    }

    /// A policy's records with their terms.
    static func indexed(_ policy: Policy) -> [IndexedRecord] {
        SearchRecord.records(of: policy).map { IndexedRecord(record: $0, terms: SearchText.terms(in: $0.label + " " + $0.text)) }
    }

    /// Records, terms, chunks and the scope files of one publisher.
    static func part(_ publisher: Publisher, indexed: @Sendable (Policy) -> [IndexedRecord]) -> PublisherPart {
        let perPolicy = publisher.policies.concurrentMap(indexed)
        var records: [(policy: Int, record: SearchRecord)] = []
        var byTerm: [String: [Int]] = [:]
        for (index, policyRecords) in perPolicy.enumerated() {
            for entry in policyRecords {
                for term in entry.terms { byTerm[term, default: []].append(records.count) }
                records.append((index, entry.record))
            }
        }
        let terms = byTerm.keys.sorted(by: SearchEncoding.precedes)
        let postings = terms.map { byTerm[$0] ?? [] }
        let slug = publisher.school.slug.rawValue
        let folder = "search/\(slug)/"
        let (chunkFiles, starts) = chunks(records, of: publisher)
        var part = PublisherPart(slug: slug, name: publisher.school.name, recordCount: records.count, chunkStarts: starts,
                                 terms: terms, postings: postings, files: [])
        part.files = chunkFiles.enumerated().map { OutputFile(path: folder + "r-\($0.offset).json", bytes: Array($0.element.utf8)) }
            + scopeFiles(folder: folder, publishers: [part], terms: terms, postings: postings)
        return part
    }

    /// The site-wide scope: every publisher's terms merged, record numbers offset by the records before.
    static func siteFiles(_ parts: [PublisherPart]) -> [OutputFile] {
        guard !parts.isEmpty else { return [] }
        var terms: [String] = []
        var postings: [[Int]] = []
        var offset = 0
        for part in parts {
            (terms, postings) = merge(terms, postings, part.terms, part.postings.map { $0.map { $0 + offset } })
            offset += part.recordCount
        }
        return scopeFiles(folder: "search/", publishers: parts, terms: terms, postings: postings)
    }

    /// Two sorted term lists as one; the postings of a term in both are joined (`a`'s come first).
    static func merge(_ a: [String], _ pa: [[Int]], _ b: [String], _ pb: [[Int]]) -> ([String], [[Int]]) {
        var terms: [String] = []
        var postings: [[Int]] = []
        terms.reserveCapacity(a.count + b.count)
        postings.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && SearchEncoding.precedes(a[i], b[j])) {
                terms.append(a[i]); postings.append(pa[i]); i += 1
            } else if i == a.count || SearchEncoding.precedes(b[j], a[i]) {
                terms.append(b[j]); postings.append(pb[j]); j += 1
            } else {
                terms.append(a[i]); postings.append(pa[i] + pb[j]); i += 1; j += 1
            }
        }
        return (terms, postings)
    }

    /// `meta.json` and the term shards of one scope.
    static func scopeFiles(folder: String, publishers: [PublisherPart], terms: [String], postings: [[Int]]) -> [OutputFile] {
        var shards: [[UInt8]] = []
        var firstTerms: [String] = []
        var shard: [UInt8] = []
        var previous: [UInt8] = []
        for (term, records) in zip(terms, postings) {
            if shard.count >= shardTarget {
                shards.append(shard)
                shard = []
                previous = []
            }
            if shard.isEmpty { firstTerms.append(term) }
            let bytes = Array(term.utf8)
            SearchEncoding.frontCode(bytes, after: previous, into: &shard)
            shard.append(0x20)
            SearchEncoding.encodePostings(records, into: &shard)
            shard.append(0x0A)
            previous = bytes
        }
        if !shard.isEmpty { shards.append(shard) }
        if !firstTerms.isEmpty { firstTerms[0] = "" }

        let publisherJSON = publishers.map { p in
            JSONText.object([
                ("slug", JSONText.string(p.slug)),
                ("name", JSONText.string(p.name)),
                ("records", String(p.recordCount)),
                ("chunks", JSONText.array(p.chunkStarts.map(String.init))),
            ])
        }
        let meta = JSONText.object([
            ("v", String(format)),
            ("stop", JSONText.array(SearchText.stopWords.map(JSONText.string))),
            ("shards", JSONText.array(firstTerms.map(JSONText.string))),
            ("publishers", JSONText.array(publisherJSON)),
        ]) + "\n"
        return [OutputFile(path: folder + "meta.json", bytes: Array(meta.utf8))]
            + shards.enumerated().map { OutputFile(path: folder + "t-\($0.offset).txt", bytes: $0.element) }
    }

    /// A publisher's records in chunks of about `chunkTarget` bytes, and the first record number of each.
    static func chunks(_ records: [(policy: Int, record: SearchRecord)], of publisher: Publisher) -> (files: [String], starts: [Int]) {
        var files: [String] = []
        var starts: [Int] = []
        var start = 0
        while start < records.count {
            var end = start
            var size = 0
            while end < records.count, size < chunkTarget {
                size += records[end].record.text.utf8.count
                end += 1
            }
            var policyIndexes: [Int: Int] = [:]
            var policies: [String] = []
            var rows: [String] = []
            for (policyIndex, record) in records[start..<end] {
                let local: Int
                if let known = policyIndexes[policyIndex] { local = known } else {
                    local = policies.count
                    policyIndexes[policyIndex] = local
                    let policy = publisher.policies[policyIndex]
                    policies.append(JSONText.array([JSONText.string(policy.slug.rawValue), JSONText.string(policy.title)]))
                }
                rows.append(JSONText.array([String(local), JSONText.string(record.anchorID ?? ""), JSONText.string(record.label), JSONText.string(record.text)]))
            }
            files.append(JSONText.object([("policies", JSONText.array(policies)), ("records", "[\n" + rows.joined(separator: ",\n") + "\n]")]) + "\n")
            starts.append(start)
            start = end
        }
        return (files, starts)
    }
}
