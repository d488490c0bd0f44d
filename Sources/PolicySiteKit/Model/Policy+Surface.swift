/// What pages other than a policy's own read of it: its front matter, the ids and numbers of its
/// parts, its forms and its history. A rebuild after an edit that leaves this equal needs to make
/// again only the policy's own pages, its publisher's and the site-wide ones; any other edit
/// rebuilds everything.
struct PolicySurface: Equatable, Sendable {
    struct Part: Equatable, Sendable {
        var kind: AnchorKind
        var id: String
        var number: String
        var isHeading: Bool
        var level: Int
    }

    var title: String
    var version: String?
    var adopted: PolicyDate?
    var adoptedBy: String?
    var reviewDue: PolicyDate?
    var audience: [Audience]
    var basedOn: PolicyReference?
    var sameModelAs: [PolicyReference]
    var parts: [Part]
    var forms: [[String]]
    var history: [String]

    init(_ policy: Policy) {
        title = policy.title
        version = policy.version
        adopted = policy.adopted
        adoptedBy = policy.adoptedBy
        reviewDue = policy.reviewDue
        audience = policy.audience
        basedOn = policy.basedOn
        sameModelAs = policy.sameModelAs
        parts = policy.outline.anchors.map { Part(kind: $0.kind, id: $0.id, number: $0.number, isHeading: $0.isHeading, level: $0.level) }
        forms = policy.forms.map { [$0.slug.rawValue, $0.title] }
        history = policy.history.map(\.path)
    }
}
