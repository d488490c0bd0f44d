/// The static search index, read by `templates/assets/search.js`. Like Pagefind, a reader
/// downloads only what a query needs:
///
/// - `<scope>/meta.json`: the publishers in the scope, where each term shard starts, the stop words;
///   for a scope whose term list is under `inlineTermLimit` bytes, the whole list as `terms`
///   (one shard, in the format below) and no shard files;
/// - `<scope>/t-<n>.txt`: a shard of the term dictionary (sorted by Unicode code point),
///   front-coded, one term a line: a base-36 digit (UTF-16 units shared with the previous term),
///   the rest of the term, a space, and the term's record numbers as gaps in a base-32 code;
/// - `search/<publisher>/r-<n>.json`: a chunk of records (policy, anchor, label, text), fetched
///   only for the results on screen; the site-wide scope reuses the publishers' chunks. A small
///   publisher's chunks are larger (a very small publisher's records are one chunk), so it has
///   fewer files.
///
/// A scope is `search/` (the whole site, record numbers counted across publishers in order) or
/// `search/<publisher>/`. Publisher slugs cannot contain a dot, so the files never collide with them.
///
/// Each policy's records are read for words once (`TermPostings(records:)`); a publisher's and
/// the site's term lists are merged from them.
enum SearchIndex {
    /// One publisher's part of the index: its own files, and its terms for the site-wide scope.
    struct PublisherPart: Sendable {
        var slug: String
        var name: String
        var recordCount: Int
        var chunkStarts: [Int]
        var terms: TermPostings
        var files: [OutputFile]
        /// The files' paths, kept once their bytes have gone to the output.
        var paths: [String] = []
    }

    /// A policy's records and their terms (record numbers counted from the policy's first).
    struct IndexedPolicy: Sendable {
        var records: [SearchRecord]
        var terms: TermPostings
    }

    /// A shard is closed once it reaches this many bytes.
    static let shardTarget = 6 * 1024
    /// A scope whose whole term list is smaller than this has it in `meta.json`, not in shards.
    static let inlineTermLimit = 24 * 1024
    /// A record chunk is closed once its text reaches this many bytes...
    static let chunkTarget = 4 * 1024
    /// ...or this many for a publisher with less than `smallPublisherText` bytes of text: fewer
    /// files, while a page of ten results still fetches at most about 64 KB of chunks...
    static let smallChunkTarget = 16 * 1024
    static let smallPublisherText = 64 * 1024
    /// ...and a publisher with less than this many bytes of text has all its records in one
    /// chunk: with `meta.json` it has two index files, and a search of it fetches both at most
    /// (a page of ten results on the site-wide search at most ten such chunks).
    static let singleChunkText = 32 * 1024
    static let format = 2

    /// Hands every file of the index to `output` as soon as it is made (a publisher's files as its
    /// part is done; only each part's terms are kept for the site-wide scope), and returns their
    /// paths. With a cache (the preview server's), a publisher whose sources have not changed
    /// since the last build reuses its part, and in a publisher that changed only the changed
    /// policies are read for words again; the site-wide scope is merged again. With `only`, just
    /// those publishers' files are made, and not the site-wide scope's.
    static func write(site: Site, sources: SiteSources?, cache: ParseCache?, only: Set<Slug>? = nil,
                      output: @Sendable (OutputFile) -> Void) -> [String] {
        let publishers = only.map { only in site.publishers.filter { only.contains($0.school.slug) } } ?? site.publishers
        let parts = publishers.concurrentMap { publisher -> PublisherPart in
            var made: PublisherPart
            if let cache {
                let school = sources?.schools.first { $0.slug == publisher.school.slug }
                let texts = Dictionary((school?.policies ?? []).map { ($0.slug, $0.source.text) }, uniquingKeysWith: { a, _ in a })
                let key = [school?.schoolFile?.text ?? ""] + (school?.policies ?? []).flatMap { [$0.source.path, $0.source.text] }
                made = cache.derived("search/" + publisher.school.slug.rawValue, from: key) {
                    part(publisher) { policy in
                        cache.derived("search/" + policy.path, owner: policy.path, from: [texts[policy.slug] ?? ""]) { indexed(policy) }
                    }
                }
            } else {
                made = part(publisher) { indexed($0) }
            }
            for file in made.files { output(file) }
            made.paths = made.files.map(\.path)
            made.files = []
            return made
        }
        let site = only == nil ? siteFiles(parts, output: output) : []
        return parts.flatMap(\.paths) + site
    }

    /// The folder of a publisher's own index files.
    static func folder(of publisher: Slug) -> String { "search/\(publisher)/" }

    /// A policy's records with their terms.
    static func indexed(_ policy: Policy) -> IndexedPolicy {
        let records = SearchRecord.records(of: policy)
        return IndexedPolicy(records: records, terms: TermPostings(records: records))
    }

    /// Records, terms, chunks and the scope files of one publisher.
    static func part(_ publisher: Publisher, indexed: @Sendable (Policy) -> IndexedPolicy) -> PublisherPart {
        let perPolicy = publisher.policies.concurrentMap(indexed)
        var records: [(policy: Int, record: SearchRecord)] = []
        records.reserveCapacity(perPolicy.reduce(0) { $0 + $1.records.count })
        for (index, policy) in perPolicy.enumerated() {
            for record in policy.records { records.append((index, record)) }
        }
        let terms = TermPostings.merged(perPolicy.map(\.terms), recordCounts: perPolicy.map(\.records.count))
        let slug = publisher.school.slug.rawValue
        let folder = folder(of: publisher.school.slug)
        let (chunkFiles, starts) = chunks(records, of: publisher)
        var part = PublisherPart(slug: slug, name: publisher.school.name, recordCount: records.count, chunkStarts: starts,
                                 terms: terms, files: [])
        part.files = chunkFiles.enumerated().map { OutputFile(path: folder + "r-\($0.offset).json", bytes: $0.element) }
            + scopeFiles(folder: folder, publishers: [part], terms: terms)
        return part
    }

    /// The site-wide scope: every publisher's terms merged, record numbers offset by the records before.
    /// Hands each file to `output` as it is made (the site's term shards are megabytes in all)
    /// and returns their paths.
    static func siteFiles(_ parts: [PublisherPart], output: (OutputFile) -> Void) -> [String] {
        guard !parts.isEmpty else { return [] }
        let terms = TermPostings.merged(parts.map(\.terms), recordCounts: parts.map(\.recordCount))
        return scopeFiles(folder: "search/", publishers: parts, terms: terms, output: output)
    }

    /// `meta.json` and the term shards of one scope; a small scope's terms are all in `meta.json`.
    static func scopeFiles(folder: String, publishers: [PublisherPart], terms: TermPostings) -> [OutputFile] {
        var files: [OutputFile] = []
        _ = scopeFiles(folder: folder, publishers: publishers, terms: terms) { files.append($0) }
        // `meta.json` is made last but listed first.
        return files.suffix(1) + files.dropLast()
    }

    /// `scopeFiles(folder:publishers:terms:)`, each file handed to `output` as soon as it is made
    /// (a shard as soon as it is closed), `meta.json` last; returns the paths in the same order
    /// as that function's files.
    static func scopeFiles(folder: String, publishers: [PublisherPart], terms: TermPostings,
                           output: (OutputFile) -> Void) -> [String] {
        var shardPaths: [String] = []
        var firstTerms = [""]
        let inline = inlineTermList(terms)
        if inline == nil {
            firstTerms = termShards(terms, target: shardTarget, each: { shard in
                let file = OutputFile(path: folder + "t-\(shardPaths.count).txt", bytes: shard)
                shardPaths.append(file.path)
                output(file)
            })
        }

        let publisherJSON = publishers.map { p in
            JSONText.object([
                ("slug", JSONText.string(p.slug)),
                ("name", JSONText.string(p.name)),
                ("records", String(p.recordCount)),
                ("chunks", JSONText.array(p.chunkStarts.map(String.init))),
            ])
        }
        var meta: [UInt8] = []
        meta.reserveCapacity((inline?.count ?? 0) + (inline?.count ?? 0) / 8 + publisherJSON.reduce(1024) { $0 + $1.utf8.count + 1 })
        /// The object `JSONText.object` writes, a key and its JSON value at a time.
        func key(_ key: String) {
            meta.append(meta.isEmpty ? 0x7B : 0x2C)
            JSONText.append(key, to: &meta)
            meta.append(0x3A)
        }
        key("v")
        meta.append(contentsOf: String(format).utf8)
        key("stop")
        meta.append(contentsOf: stopWordsJSON.utf8)
        key("shards")
        meta.append(contentsOf: JSONText.array(firstTerms.map(JSONText.string)).utf8)
        if let inline {
            key("terms")
            JSONText.append(inline, to: &meta)
        }
        key("publishers")
        meta.append(contentsOf: JSONText.array(publisherJSON).utf8)
        meta.append(contentsOf: "}\n".utf8)
        output(OutputFile(path: folder + "meta.json", bytes: meta))
        return [folder + "meta.json"] + shardPaths
    }

    static let stopWordsJSON = JSONText.array(SearchText.stopWords.map(JSONText.string))

    /// The whole term list as one shard, for `meta.json`; nil when in shards of `shardTarget`
    /// bytes it would take `inlineTermLimit` bytes or more (so the scope has shard files).
    static func inlineTermList(_ terms: TermPostings) -> [UInt8]? {
        // A term's line takes at least a digit, a space, a digit a record and a line break.
        guard terms.count * 3 + terms.records.count < inlineTermLimit else { return nil }
        var list: [UInt8] = []
        // The size of the list in shards, where a shard's first term is written whole.
        var shardSize = 0
        var sharded = 0
        _ = termShards(terms, target: .max, each: { list = $0 }) { length, sharedBytes in
            if shardSize >= shardTarget { shardSize = 0 }
            let size = shardSize == 0 ? length + sharedBytes : length
            shardSize += size
            sharded += size
        }
        return sharded < inlineTermLimit ? list : nil
    }

    /// The term list in shards closed once they reach `target` bytes, each handed to `each` as
    /// soon as it is closed, and each term's line to `line` (its length in bytes, and how many
    /// bytes of the term its front code left out); returns each shard's first term (the first
    /// shard's as "").
    static func termShards(_ terms: TermPostings, target: Int, each: ([UInt8]) -> Void,
                           line: (_ length: Int, _ sharedBytes: Int) -> Void = { _, _ in }) -> [String] {
        var shardCount = 0
        var firstTerms: [String] = []
        var shard: [UInt8] = []
        shard.reserveCapacity(min(target, terms.bytes.count + terms.records.count * 2) + 256)
        // Room for the longest line: a digit, the term, a space, at most seven digits a record
        // (an Int32 in base 32), a line break. Each line is written there, then copied whole.
        var longest = 0
        for i in 0..<terms.count { longest = max(longest, terms.termRange(i).count + terms.postingRange(i).count * 7 + 3) }
        var room = [UInt8](repeating: 0, count: longest)
        room.withUnsafeMutableBufferPointer { room in
            terms.bytes.withUnsafeBufferPointer { bytes in
                terms.records.withUnsafeBufferPointer { records in
                    var previous = UnsafeBufferPointer(rebasing: bytes[0..<0])
                    for i in 0..<terms.count {
                        if shard.count >= target {
                            each(shard)
                            shardCount += 1
                            shard.removeAll(keepingCapacity: true)
                            previous = UnsafeBufferPointer(rebasing: bytes[0..<0])
                        }
                        let term = UnsafeBufferPointer(rebasing: bytes[terms.termRange(i)])
                        if shard.isEmpty { firstTerms.append(shardCount == 0 ? "" : String(decoding: term, as: UTF8.self)) }
                        var writer = LineWriter(room: room)
                        let shared = SearchEncoding.frontCode(term, after: previous, into: &writer)
                        writer.append(0x20)
                        SearchEncoding.encodePostings(UnsafeBufferPointer(rebasing: records[terms.postingRange(i)]), into: &writer)
                        writer.append(0x0A)
                        shard.append(contentsOf: writer.written)
                        line(writer.count, shared)
                        previous = term
                    }
                }
            }
        }
        if !shard.isEmpty { each(shard) }
        return firstTerms
    }

    /// How many bytes of text close a record chunk, for a publisher with `text` bytes of text.
    static func chunkTarget(text: Int) -> Int {
        text < singleChunkText ? .max : text < smallPublisherText ? smallChunkTarget : chunkTarget
    }

    /// A publisher's records in chunks of about `chunkTarget` bytes (or `smallChunkTarget`, or
    /// one chunk), and the first record number of each.
    static func chunks(_ records: [(policy: Int, record: SearchRecord)], of publisher: Publisher) -> (files: [[UInt8]], starts: [Int]) {
        let target = chunkTarget(text: records.reduce(0) { $0 + $1.record.text.utf8.count })
        var files: [[UInt8]] = []
        var starts: [Int] = []
        var start = 0
        var policyIndexes = [Int](repeating: -1, count: publisher.policies.count)
        while start < records.count {
            var end = start
            var size = 0
            while end < records.count, size < target {
                size += records[end].record.text.utf8.count
                end += 1
            }
            var policies: [UInt8] = Array(#"{"policies":["#.utf8)
            var rows: [UInt8] = Array(#""records":["#.utf8)
            rows.reserveCapacity(size + (end - start) * 64 + 16)
            var local = 0
            var firstRow = true
            for (policyIndex, record) in records[start..<end] {
                if policyIndexes[policyIndex] < 0 {
                    policyIndexes[policyIndex] = local
                    let policy = publisher.policies[policyIndex]
                    policies.append(contentsOf: local == 0 ? "[".utf8 : ",[".utf8)
                    JSONText.append(policy.slug.rawValue, to: &policies)
                    policies.append(0x2C)
                    JSONText.append(policy.title, to: &policies)
                    policies.append(0x5D)
                    local += 1
                }
                rows.append(contentsOf: firstRow ? "\n[".utf8 : ",\n[".utf8)
                firstRow = false
                rows.append(contentsOf: String(policyIndexes[policyIndex]).utf8)
                rows.append(0x2C)
                JSONText.append(record.anchorID ?? "", to: &rows)
                rows.append(0x2C)
                JSONText.append(record.label, to: &rows)
                rows.append(0x2C)
                JSONText.append(record.text, to: &rows)
                rows.append(0x5D)
            }
            for (policyIndex, _) in records[start..<end] { policyIndexes[policyIndex] = -1 }
            policies.append(contentsOf: "],".utf8)
            rows.append(contentsOf: "\n]}\n".utf8)
            files.append(policies + rows)
            starts.append(start)
            start = end
        }
        return (files, starts)
    }
}

/// A term's line written in place, in room made beforehand for the longest line.
private struct LineWriter: ByteOutput {
    let room: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    mutating func append(_ byte: UInt8) {
        room[count] = byte
        count += 1
    }

    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress, let to = room.baseAddress, !bytes.isEmpty else { return }
        (to + count).update(from: from, count: bytes.count)
        count += bytes.count
    }

    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: room.baseAddress, count: count) }
}
