/// Whether an Act still has effect, as the glossary records it.
public enum ActStatus: String, Sendable, CaseIterable {
    case inForce = "in force"
    case partlyRepealed = "partly repealed"
    case repealed = "repealed"

    /// True when citing it suggests the policy is out of date.
    public var isOutOfDate: Bool { self != .inForce }

    var label: String {
        switch self {
        case .inForce: "In force"
        case .partlyRepealed: "Partly repealed"
        case .repealed: "Repealed"
        }
    }
}

/// One entry of `content/data/legislation.yml`: an Act of Parliament (or a retained EU regulation).
public struct Act: Sendable {
    /// The kind of legislation, as legislation.gov.uk names it in its addresses.
    public enum Kind: String, Sendable, CaseIterable {
        /// UK Public General Act: `ukpga/<year>/<chapter>`.
        case ukpga
        /// Retained EU regulation: `eur/<year>/<number>`.
        case eur
    }

    public var slug: Slug
    /// The short title: "Protection from Harassment Act 1997".
    public var title: String
    public var kind: Kind
    public var year: Int
    /// The chapter number (for an EU regulation, its number).
    public var chapter: Int
    /// The legislation.gov.uk identifier: `https://www.legislation.gov.uk/ukpga/1997/40`.
    public var url: String
    public var summary: String
    public var status: ActStatus
    /// What happened to it, in a sentence, when it is not simply in force.
    public var statusNote: String?
    /// The glossary entries that replaced it.
    public var replacedBy: [Slug]
    /// Other ways policies write its name ("Communication Act 2003", "GDPR").
    public var aliases: [String]
    /// The citation as printed, when it is not "<year> c. <chapter>" ("7 & 8 Eliz. 2 c. 66").
    public var officialCitation: String?
    /// Where the entry starts in the data file.
    public var location: SourceLocation

    /// "1997 c. 40", or "Regulation (EU) 2016/679".
    public var citation: String {
        if let officialCitation { return officialCitation }
        return switch kind {
        case .ukpga: "\(year) c. \(chapter)"
        case .eur: "Regulation (EU) \(year)/\(chapter)"
        }
    }

    /// Every name the text may use for it: the title first, then the aliases.
    public var names: [String] { [title] + aliases }
}

/// The legislation glossary: every Act the site explains, by slug.
public struct Legislation: Sendable {
    /// Sorted by title.
    public var acts: [Act]
    private var indexBySlug: [Slug: Int]

    public init(acts: [Act] = []) {
        self.acts = acts.sorted { ($0.title.lowercased(), $0.slug) < ($1.title.lowercased(), $1.slug) }
        var index: [Slug: Int] = [:]
        for (i, act) in self.acts.enumerated() { index[act.slug] = i }
        indexBySlug = index
    }

    public func act(_ slug: Slug) -> Act? { indexBySlug[slug].map { acts[$0] } }

    public var isEmpty: Bool { acts.isEmpty }
}
