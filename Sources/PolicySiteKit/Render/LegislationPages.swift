/// `/legislation/` (every Act in the glossary, with how many places cite it) and one page per Act,
/// `/legislation/<act-slug>/`: summary, status, official text, and every citing clause across
/// all publishers, grouped by publisher.
enum LegislationPages {
    static let folder = SitePath.fixed("legislation")
    static func path(of act: Slug) -> SitePath { folder.appending(act) }

    static func specs(_ legislation: Legislation, index: ReferenceIndex, site: Site, dataPath: String) -> [PageSpec] {
        guard !legislation.isEmpty else { return [] }
        let places = CitingPlaces(site: site)
        var specs = [listing(legislation, index: index, dataPath: dataPath)]
        for act in legislation.acts {
            specs.append(page(act, legislation: legislation, citations: index.citations[act.slug] ?? [], places: places))
        }
        return specs
    }

    static func listing(_ legislation: Legislation, index: ReferenceIndex, dataPath: String) -> PageSpec {
        PageSpec(path: folder, title: "Legislation", template: "legislation", section: .legislation,
                 breadcrumbs: [("Home", .root)], description: "The legislation the policies cite, explained, with every clause that cites it",
                 source: SourceLocation(path: dataPath)) { env in
            let acts: [[String: Any]] = legislation.acts.map { act in
                let count = index.citations[act.slug]?.count ?? 0
                return [
                    "title": act.title,
                    "href": env.link(to: path(of: act.slug)),
                    "statusLabel": act.status.label,
                    "isOutOfDate": act.status.isOutOfDate,
                    "citedLabel": count == 0 ? "Not cited" : count == 1 ? "1 place" : "\(count) places",
                ]
            }
            return PageContent(context: ["acts": acts])
        }
    }

    static func page(_ act: Act, legislation: Legislation, citations: [Citing], places: CitingPlaces) -> PageSpec {
        PageSpec(path: path(of: act.slug), title: act.title, template: "act", section: .legislation,
                 breadcrumbs: [("Home", .root), ("Legislation", folder)], description: "\(act.title): what it is and which policies cite it",
                 source: act.location) { env in
            let replacedBy: [[String: Any]] = act.replacedBy.compactMap { legislation.act($0) }.map {
                ["title": $0.title, "href": env.link(to: path(of: $0.slug))]
            }
            var groups: [[String: Any]] = []
            var current: Slug? = nil
            for place in citations {
                guard let entry = places.entry(place, env: env) else { continue }
                if place.publisher != current {
                    current = place.publisher
                    groups.append(["name": places.publisherName(place.publisher), "places": [[String: Any]]()])
                }
                var list = groups[groups.count - 1]["places"] as? [[String: Any]] ?? []
                list.append(entry)
                groups[groups.count - 1]["places"] = list
            }
            return PageContent(context: [
                "title": act.title,
                "citation": act.citation,
                "url": act.url,
                "summary": act.summary,
                "statusLabel": act.status.label,
                "statusNote": act.statusNote ?? "",
                "hasStatusNote": act.statusNote != nil,
                "isOutOfDate": act.status.isOutOfDate,
                "replacedBy": replacedBy,
                "hasReplacedBy": !replacedBy.isEmpty,
                "aliases": act.aliases.joined(separator: "; "),
                "hasAliases": !act.aliases.isEmpty,
                "publishers": groups,
                "hasCitations": !groups.isEmpty,
            ])
        }
    }
}

/// Looks up the publisher, policy and anchor a `Citing` points at, through dictionaries built once.
struct CitingPlaces: Sendable {
    private struct PolicyPlace: Sendable {
        var page: SitePath
        var title: String
    }

    private var publisherNames: [Slug: String] = [:]
    private var policies: [String: PolicyPlace] = [:]
    private var anchors: [String: Anchor] = [:]

    init(site: Site) {
        for publisher in site.publishers {
            publisherNames[publisher.school.slug] = publisher.school.name
            for policy in publisher.policies {
                let key = "\(publisher.school.slug)/\(policy.slug)"
                policies[key] = PolicyPlace(page: publisher.path(of: policy), title: policy.title)
                for anchor in policy.outline.anchors { anchors[key + "#" + anchor.id] = anchor }
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
        if let id = place.anchorID, let anchor = anchors[key + "#" + id] {
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
