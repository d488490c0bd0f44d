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
            let publishers: [[String: Any]] = site.publishers.filter { !$0.policies.isEmpty }.map { publisher in
                let policies: [[String: Any]] = publisher.policies.map { policy in
                    let page = publisher.path(of: policy)
                    let clauses: [[String: Any]] = policy.outline.anchors.map { anchor in
                        let (label, text) = anchor.indexEntry
                        return ["href": env.link(to: page, fragment: anchor.id), "label": label, "text": text ?? "", "hasText": text != nil]
                    }
                    total += clauses.count
                    return [
                        "title": policy.title,
                        "href": env.link(to: page),
                        "id": "policy-\(publisher.school.slug)--\(policy.slug)",
                        "clauses": clauses,
                        "hasClauses": !clauses.isEmpty,
                    ]
                }
                return ["name": publisher.school.name, "id": "publisher-\(publisher.school.slug)", "policies": policies]
            }
            return PageContent(context: [
                "publishers": publishers,
                "countLabel": total == 1 ? "1 entry" : "\(total) entries",
            ])
        }
    }
}
