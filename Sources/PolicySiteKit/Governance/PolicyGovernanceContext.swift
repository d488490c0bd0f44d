/// What a policy page shows about governance: review status, earlier versions and what changed,
/// the model it is based on, and its comparisons.
enum PolicyGovernanceContext {
    /// Keys merged into the policy page's context. `shown` is the version on this page (the current
    /// policy, or one of its `history`), `current` the policy as adopted now.
    static func context(shown: Policy, current: Policy, publisher: Publisher, lineage: Lineage?, env: PageEnvironment) -> [String: Any] {
        let currentPath = publisher.path(of: current)
        let isSuperseded = shown.path != current.path
        var context: [String: Any] = isSuperseded ? supersededContext(shown: shown, current: current, env: env, currentPath: currentPath)
                                                  : current.reviewContext(on: env.options.today)
        context["isSuperseded"] = isSuperseded

        // Every adopted version, newest first, for the status box.
        let versions: [[String: Any]] = ([current] + current.history).map { v in
            let path = v.path == current.path ? currentPath : versionPath(v, of: current, in: publisher)
            return ["label": v.adoptionLabel, "href": env.link(to: path), "isThisPage": v.path == shown.path]
        }
        context["versions"] = versions
        context["hasVersions"] = versions.count > 1

        // What changed since the version before the one shown.
        let chain = [current] + current.history
        if let index = chain.firstIndex(where: { $0.path == shown.path }), index + 1 < chain.count {
            let previous = chain[index + 1]
            let previousPath = versionPath(previous, of: current, in: publisher)
            let comparison = TextComparison(old: previous.textUnits, new: shown.textUnits)
            context["hasWhatChanged"] = true
            context["previousLabel"] = previous.adoptionLabel.lowercasedFirst
            context["previousHref"] = env.link(to: previousPath)
            context["whatChangedSummary"] = ChangeContext.summary(comparison)
            context["changes"] = ChangeContext.entries(comparison, on: env.path, oldPage: previousPath, newPage: env.path,
                                                       keepIDs: Set(shown.outline.ids))
            context["hasChanges"] = !comparison.changes.isEmpty
        } else {
            context["hasWhatChanged"] = false
        }

        // Lineage: the model this policy is based on, and its comparison pages.
        if !isSuperseded, let lineage {
            let partners = lineage.partners(of: current)
            if let model = partners.first(where: { $0.relation == .basedOn }) {
                context["basedOnTitle"] = "\(model.policy.title) (\(model.publisher.school.name))"
                context["basedOnHref"] = env.link(to: model.publisher.path(of: model.policy))
            }
            context["hasBasedOn"] = partners.contains { $0.relation == .basedOn }
            context["comparisons"] = partners.map { ["label": $0.publisher.school.name, "href": env.link(to: $0.path)] }
            context["hasComparisons"] = !partners.isEmpty
        }
        return context
    }

    private static func supersededContext(shown: Policy, current: Policy, env: PageEnvironment, currentPath: SitePath) -> [String: Any] {
        [
            "reviewDue": shown.reviewDueDisplay,
            "reviewStatus": ReviewStatus.superseded.rawValue,
            "reviewStatusLabel": ReviewStatus.superseded.label,
            "hasReviewStatusDetail": false,
            "supersededByLabel": current.adoptionLabel.lowercasedFirst,
            "supersededByHref": env.link(to: currentPath),
            "shownAdoption": shown.adoptionLabel.lowercasedFirst,
        ]
    }

    /// `/<school>/<policy>/<adopted-date>/` for an earlier version.
    static func versionPath(_ version: Policy, of current: Policy, in publisher: Publisher) -> SitePath {
        let base = publisher.path(of: current)
        guard version.path != current.path, let date = version.adopted, let slug = Slug(validating: date.iso) else { return base }
        return base.appending(slug)
    }
}

extension Policy {
    /// "The version adopted on 1 September 2024 (version 2.0)", "The current version".
    var adoptionLabel: String {
        var label = adopted.map { "The version adopted \($0.day == nil ? "in" : "on") \($0.display)" } ?? "The version with no adoption date"
        if let version { label += " (version \(version))" }
        return label
    }
}

extension String {
    /// "The version…" → "the version…".
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
