/// Looks up the publisher, policy and anchor a `Citing` points at, through a dictionary of
/// policies built once (anchors through each policy's own index of ids).
struct CitingPlaces: Sendable {
    private struct PolicyPlace: Sendable {
        var page: SitePath
        var title: String
        var outline: Outline
    }

    private var publisherNames: [Slug: String] = [:]
    private var policies: [String: PolicyPlace] = [:]

    init(site: Site) {
        for publisher in site.publishers {
            publisherNames[publisher.school.slug] = publisher.school.name
            for policy in publisher.policies {
                policies["\(publisher.school.slug)/\(policy.slug)"] = PolicyPlace(page: publisher.path(of: policy), title: policy.title, outline: policy.outline)
            }
        }
    }

    func publisherName(_ slug: Slug) -> String { publisherNames[slug] ?? slug.rawValue }

    /// The template values for one place: its link (`href`), its words (`label`, `text`), its
    /// policy (`policyTitle`, `policyHref`), and both in one phrase (`placeLabel`).
    func entry(_ place: Citing, env: PageEnvironment) -> [String: Any]? {
        let key = "\(place.publisher)/\(place.policy)"
        guard let policy = policies[key] else { return nil }
        var entry: [String: Any] = ["policyTitle": policy.title, "policyHref": env.link(to: policy.page)]
        if let id = place.anchorID, let anchor = policy.outline.anchor(id: id) {
            let (label, text) = anchor.indexEntry
            entry["href"] = env.link(to: policy.page, fragment: id)
            entry["label"] = label
            entry["text"] = text ?? ""
            entry["hasText"] = text != nil
            entry["placeLabel"] = "\(policy.title): \(label)"
        } else {
            entry["href"] = env.link(to: policy.page)
            entry["label"] = policy.title
            entry["text"] = ""
            entry["hasText"] = false
            entry["placeLabel"] = policy.title
        }
        return entry
    }
}
