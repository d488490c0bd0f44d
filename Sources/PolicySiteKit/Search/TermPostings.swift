/// Terms in Unicode code point order, each with the records it is in (ascending), in four flat
/// arrays: a policy's, a publisher's or the whole site's part of the search index.
struct TermPostings: Sendable, Equatable {
    /// Every term's UTF-8 bytes, one after another.
    var bytes: [UInt8] = []
    /// Where each term ends in `bytes`.
    var termEnds: [Int32] = []
    /// Where each term's records end in `records`.
    var postingEnds: [Int32] = []
    var records: [Int32] = []

    var count: Int { termEnds.count }

    func termRange(_ i: Int) -> Range<Int> { (i == 0 ? 0 : Int(termEnds[i - 1]))..<Int(termEnds[i]) }
    func postingRange(_ i: Int) -> Range<Int> { (i == 0 ? 0 : Int(postingEnds[i - 1]))..<Int(postingEnds[i]) }

    /// The terms as strings and their records, for tests.
    var terms: [String] { (0..<count).map { String(decoding: bytes[termRange($0)], as: UTF8.self) } }
    var postings: [[Int]] { (0..<count).map { records[postingRange($0)].map(Int.init) } }
}

extension TermPostings {
    /// The terms of some records (each one's label and text), the records numbered from 0.
    init(records: [SearchRecord]) {
        var pairs = Pairs()
        pairs.terms.reserveCapacity(records.count * 64)
        pairs.records.reserveCapacity(records.count * 64)
        for (number, record) in records.enumerated() {
            pairs.current = Int32(number)
            SearchText.forEachTerm(in: record.label, into: &pairs)
            SearchText.forEachTerm(in: record.text, into: &pairs)
        }
        self.init(table: pairs.table, first: TermTable.stopWordCount, termCount: pairs.table.count) { visit in
            for k in pairs.terms.indices { visit(Int(pairs.terms[k]), pairs.records[k]) }
        }
    }

    /// The (term, record) pairs of some records, each once, in record order.
    private struct Pairs: TermSink {
        var table = TermTable.withStopWords(capacity: 256)
        /// The last record each term was seen in, so a record lists a term once.
        var lastRecord = [Int32](repeating: -1, count: TermTable.stopWordCount)
        var current: Int32 = 0
        var terms: [Int32] = []
        var records: [Int32] = []

        mutating func add(_ term: UnsafeBufferPointer<UInt8>) {
            let id = table.intern(term)
            if id == lastRecord.count { lastRecord.append(-1) }
            guard id >= TermTable.stopWordCount, lastRecord[id] != current else { return }
            lastRecord[id] = current
            terms.append(Int32(id))
            records.append(current)
        }
    }

    /// Several parts as one, the records of each part counted on from the records of the parts
    /// before it (`recordCounts`); a term's records keep the parts' order.
    static func merged(_ parts: [TermPostings], recordCounts: [Int]) -> TermPostings {
        if parts.count == 1 { return parts[0] }
        var table = TermTable(capacity: parts.reduce(0) { max($0, $1.count) } * 2)
        var numbers: [[Int32]] = []
        numbers.reserveCapacity(parts.count)
        for part in parts {
            var local: [Int32] = []
            local.reserveCapacity(part.count)
            part.bytes.withUnsafeBufferPointer { b in
                for i in 0..<part.count { local.append(Int32(table.intern(UnsafeBufferPointer(rebasing: b[part.termRange(i)])))) }
            }
            numbers.append(local)
        }
        return TermPostings(table: table, first: 0, termCount: table.count) { visit in
            var offset: Int32 = 0
            for (p, part) in parts.enumerated() {
                let local = numbers[p]
                for i in 0..<part.count {
                    let term = Int(local[i])
                    for k in part.postingRange(i) { visit(term, part.records[k] + offset) }
                }
                offset += Int32(recordCounts[p])
            }
        }
    }

    /// The terms of `table` from `first` on, sorted, with the (term, record) pairs that `pairs`
    /// visits, each once and in ascending record order for each term.
    private init(table: TermTable, first: Int, termCount: Int, pairs: ((Int, Int32) -> Void) -> Void) {
        let order = table.sortedNumbers(from: first)
        var rank = [Int32](repeating: -1, count: termCount)
        for (position, term) in order.enumerated() { rank[Int(term)] = Int32(position) }
        // Count each term's records, then place them: a counting sort, which keeps their order.
        var starts = [Int32](repeating: 0, count: order.count + 1)
        pairs { term, _ in starts[Int(rank[term]) + 1] += 1 }
        for i in 0..<order.count { starts[i + 1] += starts[i] }
        var records = [Int32](repeating: 0, count: Int(starts[order.count]))
        var next = starts
        pairs { term, record in
            let position = Int(rank[term])
            records[Int(next[position])] = record
            next[position] += 1
        }
        self.records = records
        postingEnds = Array(starts.dropFirst())
        bytes.reserveCapacity(table.bytes.count)
        termEnds.reserveCapacity(order.count)
        table.bytes.withUnsafeBufferPointer { b in
            for term in order {
                let t = Int(term)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[table.start(of: t)..<Int(table.ends[t])]))
                termEnds.append(Int32(bytes.count))
            }
        }
    }
}
