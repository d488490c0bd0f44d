/// `/clauses/`: every section, clause, step, appendix and heading of every policy, grouped by
/// publisher and policy, each linked to its permalink. Complete without JavaScript;
/// `assets/clause-filter.js` adds a filter box.
enum ClauseIndexPage {
    static let path = SitePath.fixed("clauses")

    static func spec(_ site: Site, contentFolder: String) -> PageSpec {
        PageSpec(path: path, title: "Clause index", template: "clauses", section: .clauses,
                 breadcrumbs: [("Home", .root)], description: "Every clause of every policy, with a link to each",
                 source: SourceLocation(path: contentFolder)) { env in
            var total = 0
            var itemBytes = 0
            let publishers: [[String: Any]] = site.publishers.filter { !$0.policies.isEmpty }.map { publisher in
                let policies: [[String: Any]] = publisher.policies.map { policy in
                    let href = env.link(to: publisher.path(of: policy))
                    total += policy.outline.anchors.count
                    let items = itemsHTML(policy.outline.anchors, page: href)
                    itemBytes += items.utf8.count
                    return [
                        "title": policy.title,
                        "href": href,
                        "id": "policy-\(publisher.school.slug)--\(policy.slug)",
                        "clauseItems": items,
                        "hasClauses": !policy.outline.anchors.isEmpty,
                    ]
                }
                return ["name": publisher.school.name, "id": "publisher-\(publisher.school.slug)", "policies": policies]
            }
            // The rows, and about 400 bytes of headings and links around each policy's.
            return PageContent(context: [
                "publishers": publishers,
                "countLabel": total == 1 ? "1 entry" : "\(total) entries",
            ], expectedSize: itemBytes + 400 * site.publishers.reduce(0) { $0 + $1.policies.count } + 16_384)
        }
    }

    /// The list items of one policy's entries. Built directly rather than through a Mustache section:
    /// a large authority's index has tens of thousands of rows, and per-row reflection made this one
    /// page the slowest part of a build. The page around the rows stays in `clauses.mustache`.
    static func itemsHTML(_ anchors: [Anchor], page: String) -> String {
        var out = ""
        out.reserveCapacity(anchors.count * 120)
        for anchor in anchors {
            let (label, text) = anchor.indexEntry
            out += "<li><a href=\"\(HTML.escape(page))#\(HTML.escape(anchor.id))\">\(HTML.escape(label))</a>"
            if let text { out += " <span class=\"clause-text\">\(HTML.escape(text))</span>" }
            out += "</li>\n"
        }
        return out
    }
}
