import Foundation
@testable import PolicySiteKit

/// Reads a built search index the way `templates/assets/search.js` does (exact terms only), so
/// tests can check the files without a browser: which records a term is in, and what they are.
struct SearchIndexReader {
    struct Hit: Equatable {
        var publisher: String
        var policy: String
        var anchor: String
        var label: String
        var text: String
    }

    let site: String
    let scope: String
    let meta: [String: Any]
    /// Bytes of every file read so far, by path.
    private(set) var downloaded: [String: Int] = [:]

    init?(site: String, scope: String) {
        self.site = site
        self.scope = scope
        guard let data = FileManager.default.contents(atPath: site + "/" + scope + "meta.json"),
              let meta = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        self.meta = meta
        downloaded[scope + "meta.json"] = data.count
    }

    var shardStarts: [String] { meta["shards"] as? [String] ?? [] }
    var publishers: [[String: Any]] { meta["publishers"] as? [[String: Any]] ?? [] }

    mutating func read(_ path: String) -> Data? {
        let data = FileManager.default.contents(atPath: site + "/" + path)
        if let data { downloaded[path] = data.count }
        return data
    }

    /// Record numbers of an exact term.
    mutating func records(of term: String) -> [Int] {
        let starts = shardStarts
        var shard = 0
        for (i, first) in starts.enumerated() where SearchEncoding.precedes(first, term) || first == term { shard = i }
        guard let data = (meta["terms"] as? String).map({ Data($0.utf8) }) ?? read(scope + "t-\(shard).txt") else { return [] }
        var previous = ""
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let space = line.firstIndex(of: " "), let shared = Int(String(line.first!), radix: 36) else { continue }
            let current = String(previous.utf16.prefix(shared))! + line[line.index(after: line.startIndex)..<space]
            previous = current
            if current == term { return SearchEncoding.decodePostings(String(line[line.index(after: space)...])) }
        }
        return []
    }

    /// What a record number is.
    mutating func hit(_ record: Int) -> Hit? {
        var r = record
        for p in publishers {
            guard let slug = p["slug"] as? String, let count = p["records"] as? Int, let chunks = p["chunks"] as? [Int] else { return nil }
            if r < count {
                let chunk = chunks.lastIndex { $0 <= r } ?? 0
                guard let data = read("search/\(slug)/r-\(chunk).json"),
                      let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                      let rows = json["records"] as? [[Any]], let policies = json["policies"] as? [[String]] else { return nil }
                let row = rows[r - chunks[chunk]]
                guard let policyIndex = row[0] as? Int else { return nil }
                return Hit(publisher: slug, policy: policies[policyIndex][0], anchor: row[1] as? String ?? "",
                           label: row[2] as? String ?? "", text: row[3] as? String ?? "")
            }
            r -= count
        }
        return nil
    }
}
