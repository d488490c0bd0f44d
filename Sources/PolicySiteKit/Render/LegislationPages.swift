/// `/legislation/` (every Act in the glossary, with how many places cite it) and one page per Act,
/// `/legislation/<act-slug>/`: summary, status, official text, and every citing clause across
/// all publishers, grouped by publisher.
enum LegislationPages {
    static let folder = SitePath.fixed("legislation")
    static func path(of act: Slug) -> SitePath { folder.appending(act) }

    static func specs(_ legislation: Legislation, index: ReferenceIndex, places: CitingPlaces, dataPath: String) -> [PageSpec] {
        guard !legislation.isEmpty else { return [] }
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
            let html = citationsHTML(citations, places: places, env: env)
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
                "citationsHTML": html,
                "hasCitations": !html.isEmpty,
            ])
        }
    }

    /// The citing places grouped by publisher, a heading and a list for each. Built directly rather
    /// than through Mustache sections: the most cited Act lists thousands of places under hundreds
    /// of publishers, and per-row reflection made its page slow. Escaped as Mustache escapes `{{…}}`,
    /// so the page reads as it did when `act.mustache` held the rows; without the last line break,
    /// which the template's own line adds.
    static func citationsHTML(_ citations: [Citing], places: CitingPlaces, env: PageEnvironment) -> String {
        var out = ""
        var current: Slug? = nil
        for place in citations {
            guard let entry = places.entry(for: place, env: env) else { continue }
            if place.publisher != current {
                if current != nil { out += "</ul>\n" }
                current = place.publisher
                out += "<h3>\(MustacheEscape.escaped(places.publisherName(place.publisher)))</h3>\n<ul class=\"citing-list\">\n"
            }
            out += "<li><a href=\"\(MustacheEscape.escaped(entry.href))\">\(MustacheEscape.escaped(entry.label))</a>"
            if let text = entry.text { out += " – \(MustacheEscape.escaped(text))" }
            out += " <span class=\"meta\">in \(MustacheEscape.escaped(entry.policyTitle))</span></li>\n"
        }
        if current != nil { out += "</ul>" }
        return out
    }
}
