/// Which policies are compared with which: a policy and the model it is `based_on` (both ways),
/// policies sharing a `based_on` (siblings), and policies declared `same_model_as` each other.
struct Lineage: Sendable {
    enum Relation: String, Sendable {
        /// This policy is based on the other.
        case basedOn = "based-on"
        /// The other policy is based on this one.
        case modelFor = "model-for"
        /// Both are based on the same policy.
        case sibling
        /// Both were adopted from the same model text, not published here.
        case sameModel = "same-model"
    }

    struct Partner: Sendable {
        var publisher: Publisher
        var policy: Policy
        var relation: Relation
        /// `/<school>/<policy>/compare/<other-school>/` (or `…/<other-school>/<other-policy>/`
        /// when one publisher has two partners of this policy).
        var path: SitePath
    }

    /// Siblings are compared pairwise only in groups up to this size; larger groups compare with their model.
    static let largestSiblingGroup = 10

    private var partnersByKey: [String: [Partner]] = [:]

    init(_ site: Site) {
        var located: [String: (Publisher, Policy)] = [:]
        for publisher in site.publishers { for policy in publisher.policies { located[Self.key(publisher.school.slug, policy.slug)] = (publisher, policy) } }
        var relations: [String: [(String, Relation)]] = [:]
        func link(_ a: String, _ b: String, _ relation: Relation) {
            guard a != b, relations[a]?.contains(where: { $0.0 == b }) != true else { return }
            relations[a, default: []].append((b, relation))
        }
        var siblings: [String: [String]] = [:]
        for (key, (publisher, policy)) in located.sorted(by: { $0.key < $1.key }) {
            if let ref = policy.basedOn {
                let target = Self.key(ref.school ?? publisher.school.slug, ref.policy)
                if located[target] != nil {
                    link(key, target, .basedOn)
                    link(target, key, .modelFor)
                    siblings[target, default: []].append(key)
                }
            }
            for ref in policy.sameModelAs {
                let other = Self.key(ref.school ?? publisher.school.slug, ref.policy)
                if located[other] != nil {
                    link(key, other, .sameModel)
                    link(other, key, .sameModel)
                }
            }
        }
        for group in siblings.values where group.count <= Self.largestSiblingGroup {
            for a in group { for b in group { link(a, b, .sibling) } }
        }
        for (key, list) in relations {
            guard let (publisher, policy) = located[key] else { continue }
            let base = publisher.path(of: policy).appending(fixed: "compare")
            var usedSchools: Set<Slug> = []
            partnersByKey[key] = list.sorted { $0.0 < $1.0 }.compactMap { otherKey, relation in
                guard let (otherPublisher, otherPolicy) = located[otherKey] else { return nil }
                let school = otherPublisher.school.slug
                let path = usedSchools.insert(school).inserted ? base.appending(school) : base.appending(school).appending(otherPolicy.slug)
                return Partner(publisher: otherPublisher, policy: otherPolicy, relation: relation, path: path)
            }
        }
    }

    static func key(_ school: Slug, _ policy: Slug) -> String { school.rawValue + "/" + policy.rawValue }

    /// The policies `policy` is compared with, by key order.
    func partners(of policy: Policy) -> [Partner] {
        partnersByKey[Self.key(policy.school, policy.slug)] ?? []
    }
}
