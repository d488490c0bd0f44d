import Foundation

/// The static search index, read by `templates/assets/search.js`. Like Pagefind, a reader
/// downloads only what a query needs:
///
/// - `<scope>/meta.json`: the publishers in the scope, where each term shard starts, the stop words;
/// - `<scope>/t-<n>.txt`: a shard of the sorted term dictionary, front-coded, one term a line:
///   a base-36 digit (characters shared with the previous term), the rest of the term, a space,
///   and the term's record numbers as gaps in a base-32 variable-length code;
/// - `search/<publisher>/r-<n>.json`: a chunk of records (policy, anchor, label, text), fetched
///   only for the results on screen; the site-wide scope reuses the publishers' chunks.
///
/// A scope is `search/` (the whole site, record numbers counted across publishers in order) or
/// `search/<publisher>/`. Publisher slugs cannot contain a dot, so the files never collide with them.
struct SearchIndex: Sendable {
    /// One publisher's records, with the policy each came from.
    struct PublisherRecords: Sendable {
        var publisher: Publisher
        var records: [(policy: Int, record: SearchRecord)]
        var terms: [[String]]
    }

    /// A shard is closed once it reaches this many bytes.
    static let shardTarget = 6 * 1024
    /// A record chunk is closed once its text reaches this many bytes.
    static let chunkTarget = 4 * 1024
    static let format = 1

    let publishers: [PublisherRecords]

    init(site: Site) {
        publishers = site.publishers.concurrentMap { publisher in
            var records: [(Int, SearchRecord)] = []
            for (index, policy) in publisher.policies.enumerated() {
                records += SearchRecord.records(of: policy).map { (index, $0) }
            }
            let terms = records.map { SearchText.terms(in: $0.1.label + " " + $0.1.text) }
            return PublisherRecords(publisher: publisher, records: records, terms: terms)
        }
    }

    /// Every file of the index, by path under the output folder. Scopes are written in parallel.
    func files() -> [OutputFile] {
        let chunked = publishers.concurrentMap { chunks($0) }
        let scopes = zip(publishers, chunked).map { (publisher: $0, chunks: $1.starts) }
        let allTerms = publishers.flatMap(\.terms)
        let jobs = Array(0...publishers.count)
        let scopeFiles = jobs.concurrentMap { i -> [OutputFile] in
            guard i < publishers.count else { return self.scopeFiles(folder: "search/", publishers: scopes, terms: allTerms) }
            let p = publishers[i]
            let folder = "search/\(p.publisher.school.slug.rawValue)/"
            return chunked[i].files.enumerated().map { OutputFile(path: folder + "r-\($0.offset).json", bytes: Array($0.element.utf8)) }
                + self.scopeFiles(folder: folder, publishers: [scopes[i]], terms: p.terms)
        }
        return scopeFiles.flatMap { $0 }
    }

    /// `meta.json` and the term shards of one scope.
    func scopeFiles(folder: String, publishers: [(publisher: PublisherRecords, chunks: [Int])], terms: [[String]]) -> [OutputFile] {
        var postings: [String: [Int]] = [:]
        for (record, recordTerms) in terms.enumerated() {
            for term in recordTerms { postings[term, default: []].append(record) }
        }
        // Sorted by UTF-16 code units, the order JavaScript compares strings in.
        let sorted = postings.keys.map { (key: Array($0.utf16), term: $0) }
            .sorted { Self.precedes($0.key, $1.key) }.map(\.term)
        var shards: [[UInt8]] = []
        var firstTerms: [String] = []
        var shard: [UInt8] = []
        var previous = ""
        for term in sorted {
            if shard.count >= Self.shardTarget {
                shards.append(shard)
                shard = []
                previous = ""
            }
            if shard.isEmpty { firstTerms.append(term) }
            shard += Array(Self.frontCoded(term, after: previous).utf8)
            shard.append(0x20)
            Self.encodePostings(postings[term]!, into: &shard)
            shard.append(0x0A)
            previous = term
        }
        if !shard.isEmpty { shards.append(shard) }
        if !firstTerms.isEmpty { firstTerms[0] = "" }

        let publisherJSON = publishers.map { p, starts in
            JSONText.object([
                ("slug", JSONText.string(p.publisher.school.slug.rawValue)),
                ("name", JSONText.string(p.publisher.school.name)),
                ("records", String(p.records.count)),
                ("chunks", JSONText.array(starts.map(String.init))),
            ])
        }
        let meta = JSONText.object([
            ("v", String(Self.format)),
            ("stop", JSONText.array(SearchText.stopWords.map(JSONText.string))),
            ("shards", JSONText.array(firstTerms.map(JSONText.string))),
            ("publishers", JSONText.array(publisherJSON)),
        ]) + "\n"
        var files = [OutputFile(path: folder + "meta.json", bytes: Array(meta.utf8))]
        files += shards.enumerated().map { OutputFile(path: folder + "t-\($0.offset).txt", bytes: $0.element) }
        return files
    }

    /// Code-unit order of two UTF-16 strings.
    static func precedes(_ a: [UInt16], _ b: [UInt16]) -> Bool {
        let n = min(a.count, b.count)
        var i = 0
        while i < n {
            if a[i] != b[i] { return a[i] < b[i] }
            i += 1
        }
        return a.count < b.count
    }

    /// A publisher's records in chunks, and the first record number of each chunk.
    func chunks(_ p: PublisherRecords) -> (files: [String], starts: [Int]) {
        var files: [String] = []
        var starts: [Int] = []
        var start = 0
        while start < p.records.count {
            var end = start
            var size = 0
            while end < p.records.count, size < Self.chunkTarget {
                size += p.records[end].record.text.utf8.count
                end += 1
            }
            let slice = p.records[start..<end]
            var policyIndexes: [Int: Int] = [:]
            var policies: [String] = []
            var rows: [String] = []
            for (policyIndex, record) in slice {
                let local: Int
                if let known = policyIndexes[policyIndex] { local = known } else {
                    local = policies.count
                    policyIndexes[policyIndex] = local
                    let policy = p.publisher.policies[policyIndex]
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

    /// Digits of the gap code: the last digit of a number from `final`, the others from `more`.
    static let finalDigits = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    static let moreDigits = Array("wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".utf8)

    /// Sorted record numbers as gaps (the first as itself, then the distance minus one), each in base 32.
    static func encodePostings(_ records: [Int]) -> String {
        var bytes: [UInt8] = []
        encodePostings(records, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func encodePostings(_ records: [Int], into out: inout [UInt8]) {
        var previous = -1
        var digits: [Int] = []
        for r in records {
            var value = r - previous - 1
            previous = r
            digits.removeAll(keepingCapacity: true)
            repeat {
                digits.append(value & 31)
                value >>= 5
            } while value > 0
            var i = digits.count - 1
            while i > 0 {
                out.append(moreDigits[digits[i]])
                i -= 1
            }
            out.append(finalDigits[digits[0]])
        }
    }

    /// The inverse of `encodePostings`, for tests.
    static func decodePostings(_ text: String) -> [Int] {
        var result: [Int] = []
        var value = 0
        var previous = -1
        for c in text.utf8 {
            if let d = moreDigits.firstIndex(of: c) {
                value = value * 32 + d
            } else if let d = finalDigits.firstIndex(of: c) {
                previous += value * 32 + d + 1
                result.append(previous)
                value = 0
            }
        }
        return result
    }

    static let prefixDigits = Array("0123456789abcdefghijklmnopqrstuvwxyz")

    /// `term` written after `previous`: how many UTF-16 units they share (at most 35, never
    /// splitting a character), then the rest.
    static func frontCoded(_ term: String, after previous: String) -> String {
        var shared = 0
        var sharedScalars = 0
        for (a, b) in zip(term.unicodeScalars, previous.unicodeScalars) {
            guard a == b, shared + a.utf16.count <= prefixDigits.count - 1 else { break }
            shared += a.utf16.count
            sharedScalars += 1
        }
        return String(prefixDigits[shared]) + String(term.unicodeScalars.dropFirst(sharedScalars))
    }
}

/// Minimal JSON writing with a fixed key order, so the index is byte-identical between builds.
enum JSONText {
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }
}

extension Array where Element: Sendable {
    /// `map` across the machine's cores; results in the original order.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = ConcurrentResults<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in results.set(i, transform(self[i])) }
        return results.values
    }
}

/// Result slots filled from several threads.
private final class ConcurrentResults<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    var values: [T] { slots.map { $0! } }
}
