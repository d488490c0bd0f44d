/// What the publisher page shows governors about references: policies named in the text but not
/// published here, and policies that cite legislation that has been repealed.
enum PublisherReferenceNotes {
    /// Always given, so the template's flags are defined (false) when there is nothing to show.
    static func addition(for publisher: Slug, index: ReferenceIndex, legislation: Legislation, places: CitingPlaces) -> PageContextAddition? {
        let unpublished = index.unpublished[publisher] ?? []
        let outOfDate = index.outOfDate[publisher] ?? []
        return { env in
            let names: [[String: Any]] = unpublished.map { reference in
                var entries = reference.places.compactMap { places.entry($0, env: env) }
                separate(&entries)
                return ["name": reference.name, "places": entries]
            }
            var byPolicy: [[String: Any]] = []
            var current: Slug? = nil
            var acts: [[String: Any]] = []
            func flush() {
                guard !acts.isEmpty, var entry = byPolicy.popLast() else { return }
                separate(&acts)
                entry["acts"] = acts
                byPolicy.append(entry)
                acts = []
            }
            for citation in outOfDate {
                guard let act = legislation.act(citation.act), let entry = places.entry(citation.place, env: env) else { continue }
                if citation.place.policy != current {
                    flush()
                    current = citation.place.policy
                    byPolicy.append(["policyTitle": entry["policyTitle"] ?? "", "policyHref": entry["policyHref"] ?? ""])
                }
                acts.append(["title": act.title, "href": env.link(to: LegislationPages.path(of: act.slug)), "statusLabel": act.status.rawValue])
            }
            flush()
            return [
                "unpublishedReferences": names,
                "hasUnpublishedReferences": !names.isEmpty,
                "outOfDateLegislation": byPolicy,
                "hasOutOfDateLegislation": !byPolicy.isEmpty,
            ]
        }
    }

    /// Gives each entry a `separator`: ", " before every entry but the first, for lists in a
    /// sentence (in place: each entry's dictionary is not copied).
    static func separate(_ entries: inout [[String: Any]]) {
        for i in entries.indices { entries[i]["separator"] = i == 0 ? "" : ", " }
    }
}
