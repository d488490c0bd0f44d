/// Eugene Myers' O((n+m)·d) difference algorithm ("An O(ND) Difference Algorithm and Its
/// Variations", 1986) over sequences of integers (interned tokens or texts).
enum Myers {
    /// One step of the edit script: indices into the old sequence `a` and the new sequence `b`.
    enum Step: Equatable, Sendable {
        case equal(Int, Int)
        case delete(Int)
        case insert(Int)
    }

    /// Beyond this many differences, or when (n+m)·d would pass `workBudget`, the script is
    /// "replace everything", which is still correct, so hostile input cannot make a diff slow.
    static let maximumDifferences = 4_000
    static let maximumLength = 200_000
    static let workBudget = 10_000_000

    /// The shortest edit script turning `a` into `b`, in order.
    static func diff(_ a: [Int], _ b: [Int]) -> [Step] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var steps: [Step] = (0..<prefix).map { .equal($0, $0) }
        let aMid = Array(a[prefix..<(a.count - suffix)]), bMid = Array(b[prefix..<(b.count - suffix)])
        for step in middle(aMid, bMid) {
            switch step {
            case .equal(let i, let j): steps.append(.equal(i + prefix, j + prefix))
            case .delete(let i): steps.append(.delete(i + prefix))
            case .insert(let j): steps.append(.insert(j + prefix))
            }
        }
        for s in 0..<suffix { steps.append(.equal(a.count - suffix + s, b.count - suffix + s)) }
        return steps
    }

    private static func replaceAll(_ n: Int, _ m: Int) -> [Step] {
        (0..<n).map { .delete($0) } + (0..<m).map { .insert($0) }
    }

    /// The greedy forward algorithm, keeping each round's frontier (only diagonals -d…d) to walk back.
    private static func middle(_ a: [Int], _ b: [Int]) -> [Step] {
        let n = a.count, m = b.count
        if n == 0 || m == 0 { return replaceAll(n, m) }
        guard n + m <= maximumLength else { return replaceAll(n, m) }
        let limit = min(n + m, maximumDifferences, max(1, workBudget / (n + m)))
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        var found = false
        search: for d in 0...limit {
            trace.append(Array(v[(offset - d - 1)...(offset + d + 1)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n, y >= m { found = true; break search }
            }
        }
        guard found else { return replaceAll(n, m) }
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let frontier = trace[d]
            func at(_ k: Int) -> Int { frontier[k + d + 1] }
            let k = x - y
            let previousK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
            let previousX = at(previousK), previousY = previousX - previousK
            while x > previousX, y > previousY {
                steps.append(.equal(x - 1, y - 1))
                x -= 1; y -= 1
            }
            if d > 0 {
                if x == previousX { steps.append(.insert(y - 1)) } else { steps.append(.delete(x - 1)) }
            }
            x = previousX; y = previousY
        }
        return steps.reversed()
    }
}

/// Gives each distinct value a small integer, so sequences can be diffed as `[Int]`.
struct Interner<Value: Hashable> {
    private var ids: [Value: Int] = [:]

    mutating func id(_ value: Value) -> Int {
        if let id = ids[value] { return id }
        let id = ids.count
        ids[value] = id
        return id
    }
}
