import Markdown

/// What a numbered or titled piece of a policy is.
public enum AnchorKind: String, Sendable, Hashable {
    /// "5. Personal use of social media" → `#section-5`.
    case section
    /// "5.12 Staff should not…" or "9.9.3 Responding to Specific Concerns" → `#clause-5.12`.
    case clause
    /// "a) Keep calm" under clause 9.9.3 → `#clause-9.9.3-a`.
    case step
    /// "Appendix 2", "Appendix B" → `#appendix-2`, `#appendix-b`.
    case appendix
    /// Any other heading → an id from its words.
    case heading
    /// A declaration form → `#form-<slug>`.
    case form
}

/// A stable, linkable place in a policy.
public struct Anchor: Sendable, Hashable {
    public var kind: AnchorKind
    /// The id used in the page: `clause-5.12`.
    public var id: String
    /// The number or letter as written, normalised: "5.12", "2", "b", "a"; empty for headings.
    public var number: String
    /// The heading's words, or the clause's first sentence.
    public var title: String
    /// True when the anchor is on a heading (it appears in the table of contents).
    public var isHeading: Bool
    /// Rendered heading level (2…6), for headings.
    public var level: Int
    /// Where it is in the source file.
    public var location: SourceLocation

    /// How people say it: "Clause 5.12", "Section 5", "Appendix B".
    public var label: String {
        switch kind {
        case .section: "Section \(number)"
        case .clause: "Clause \(number)"
        case .step: "Step \(number))"
        case .appendix: "Appendix \(number.uppercased())"
        case .heading, .form: title
        }
    }
}

/// Identifies a block in a document tree: indices from the top-level block list down through
/// list items and block quotes. Every walk over a body makes one per block and looks anchors up
/// by it, so paths of up to eight levels with indices below 65,535 (all that real policies have)
/// are packed into two words: no allocation, and a cheap hash. Others keep their indices.
public struct BlockPath: Sendable, Hashable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private var depth = 0
    /// The indices of a path that does not pack; nil when it does.
    private var unpacked: [Int]?

    public init(_ indices: [Int]) {
        for i in indices { self = appending(i) }
    }

    public var indices: [Int] {
        if let unpacked { return unpacked }
        return (0..<depth).map { level -> Int in
            let word: UInt64 = level < 4 ? low >> UInt64(16 * level) : high >> UInt64(16 * (level - 4))
            return Int(word & 0xFFFF)
        }
    }

    public func appending(_ i: Int) -> BlockPath {
        var path = self
        if unpacked == nil, depth < 8, i >= 0, i < 0xFFFF {
            if depth < 4 { path.low |= UInt64(i) << (16 * depth) } else { path.high |= UInt64(i) << (16 * (depth - 4)) }
            path.depth += 1
        } else {
            path = BlockPath(unpacked: indices + [i])
        }
        return path
    }

    /// Goes one level down, to block `i` (a walk's path, kept in one variable).
    public mutating func append(_ i: Int) { self = appending(i) }

    /// Goes back up one level.
    public mutating func removeLast() {
        guard depth > 0 else { return }
        // A path that did not pack may pack once shorter: built again, so equal paths stay equal.
        if let unpacked { self = BlockPath(Array(unpacked.dropLast())); return }
        depth -= 1
        if depth < 4 { low &= ~(0xFFFF << UInt64(16 * depth)) } else { high &= ~(0xFFFF << UInt64(16 * (depth - 4))) }
    }

    private init(unpacked indices: [Int]) {
        unpacked = indices
        depth = indices.count
    }
}

/// All anchors of a policy in document order, and which block each belongs to.
public struct Outline: Sendable {
    public var anchors: [Anchor]
    public var byBlock: [BlockPath: Int]
    /// Index of each anchor by its id.
    public let indexByID: [String: Int]

    public init(anchors: [Anchor] = [], byBlock: [BlockPath: Int] = [:]) {
        self.anchors = anchors
        self.byBlock = byBlock
        var index: [String: Int] = [:]
        index.reserveCapacity(anchors.count)
        for (i, a) in anchors.enumerated() where index[a.id] == nil { index[a.id] = i }
        self.indexByID = index
    }

    /// Every id in the policy.
    public var ids: Dictionary<String, Int>.Keys { indexByID.keys }

    public func anchor(at path: BlockPath) -> Anchor? {
        byBlock[path].map { anchors[$0] }
    }

    public func anchor(id: String) -> Anchor? {
        indexByID[id].map { anchors[$0] }
    }

    /// Sections, appendices and headings (not body clauses): what the table of contents shows.
    public var headings: [Anchor] { anchors.filter(\.isHeading) }

    /// Every numbered clause, in order.
    public var clauses: [Anchor] { anchors.filter { $0.kind == .clause || $0.kind == .step } }
}
