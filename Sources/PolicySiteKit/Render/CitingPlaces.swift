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

    /// One place's link (`href`), its words (`label`, `text`), its policy (`policyTitle`,
    /// `policyHref`), and both in one phrase (`placeLabel`).
    struct Entry {
        var policyTitle: String
        var policyHref: String
        var href: String
        var label: String
        var text: String?
        var placeLabel: String

        /// The template values, under the names above (`text` "" and `hasText` false without text).
        var context: [String: Any] {
            ["policyTitle": policyTitle, "policyHref": policyHref, "href": href, "label": label, "text": text ?? "",
             "hasText": text != nil, "placeLabel": placeLabel]
        }
    }

    /// The entry for one place; nil when its policy is not on the site.
    func entry(for place: Citing, env: PageEnvironment) -> Entry? {
        let key = "\(place.publisher)/\(place.policy)"
        guard let policy = policies[key] else { return nil }
        let policyHref = env.link(to: policy.page)
        if let id = place.anchorID, let anchor = policy.outline.anchor(id: id) {
            let (label, text) = anchor.indexEntry
            return Entry(policyTitle: policy.title, policyHref: policyHref, href: env.link(to: policy.page, fragment: id),
                         label: label, text: text, placeLabel: "\(policy.title): \(label)")
        }
        return Entry(policyTitle: policy.title, policyHref: policyHref, href: policyHref, label: policy.title, text: nil,
                     placeLabel: policy.title)
    }

    /// The template values for one place (`Entry.context`).
    func entry(_ place: Citing, env: PageEnvironment) -> [String: Any]? {
        entry(for: place, env: env)?.context
    }
}
