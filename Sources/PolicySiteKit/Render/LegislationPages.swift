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
