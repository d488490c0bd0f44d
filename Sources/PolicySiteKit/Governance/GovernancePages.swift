/// The governance outputs: earlier versions, comparisons, the reviews list and calendar, the
/// adoptions feed and the JSON export; plus a warning for each overdue review.
enum GovernancePages {
    static func resolve(_ site: Site, options: BuildOptions, into resolved: inout ResolvedSite) {
        let lineage = Lineage(site)
        resolved.lineage = lineage
        resolved.diagnostics += ReviewStatus.warnings(site, today: options.today)
        resolved.pages.append(reviews(site))
        for publisher in site.publishers {
            for policy in publisher.policies {
                for version in policy.history { resolved.pages.append(versionPage(version, of: policy, in: publisher, includes: resolved.includes)) }
                for partner in lineage.partners(of: policy) { resolved.pages.append(comparePage(policy, in: publisher, with: partner)) }
            }
        }
        resolved.files += [
            FileSpec(path: ReviewCalendar.path) { site, options in Array(ReviewCalendar.text(site, options: options).utf8) },
            FileSpec(path: AdoptionFeed.path) { site, options in Array(AdoptionFeed.xml(site, options: options).utf8) },
            FileSpec(path: JSONExport.path) { site, options, write in JSONExport.write(site, options: options, lineage: lineage, to: write) },
        ]
    }

    /// `/<school>/<policy>/<adopted-date>/`: an earlier version, with a "superseded" banner.
    static func versionPage(_ version: Policy, of current: Policy, in publisher: Publisher, includes: Includes) -> PageSpec {
        let path = PolicyGovernanceContext.versionPath(version, of: current, in: publisher)
        let date = version.adopted?.display ?? ""
        return PageSpec(path: path, title: "\(version.title) (adopted \(date), superseded)", template: "policy", section: .publishers,
                        breadcrumbs: [("Home", .root), (publisher.school.name, publisher.path), (current.title, publisher.path(of: current))],
                        description: "Superseded version of \(version.title) – \(publisher.school.name)",
                        source: SourceLocation(path: version.path), dependsOn: [.of(current)]) { env in
            var renderer = PolicyBodyRenderer(policy: version, includes: includes)
            let body = renderer.render()
            var context = CorePages.policyContext(version, in: publisher, body: body)
            context.merge(PolicyGovernanceContext.context(shown: version, current: current, publisher: publisher, lineage: nil, env: env)) { _, new in new }
            return PageContent(context: context, diagnostics: renderer.diagnostics, links: renderer.emittedLinks)
        }
    }

    /// `/<school>/<policy>/compare/<other-school>/`: clause-by-clause differences from a related policy.
    static func comparePage(_ policy: Policy, in publisher: Publisher, with partner: Lineage.Partner) -> PageSpec {
        let name = publisher.school.name, otherName = partner.publisher.school.name
        let policyPath = publisher.path(of: policy), otherPath = partner.publisher.path(of: partner.policy)
        return PageSpec(path: partner.path, title: "\(policy.title): \(name) compared with \(otherName)", template: "compare",
                        section: .publishers,
                        breadcrumbs: [("Home", .root), (name, publisher.path), (policy.title, policyPath)],
                        description: "How \(name)’s \(policy.title) differs from \(otherName)’s",
                        source: SourceLocation(path: policy.path), dependsOn: [.of(policy), .of(partner.policy)]) { env in
            let comparison = TextComparison(old: partner.policy.textUnits, new: policy.textUnits)
            let labels = ChangeContext.KindLabels(added: "Only in \(name)’s", removed: "Only in \(otherName)’s", reworded: "Reworded")
            let entries = ChangeContext.entries(comparison, on: env.path, oldPage: otherPath, newPage: policyPath, labels: labels)
            func group(_ kind: TextComparison.Change.Kind) -> [[String: Any]] { entries.filter { ($0["kind"] as? String) == kind.rawValue } }
            let relation: String
            switch partner.relation {
            case .basedOn: relation = "\(name)’s policy is based on \(otherName)’s."
            case .modelFor: relation = "\(otherName)’s policy is based on this one."
            case .sibling: relation = "Both policies are based on the same model policy."
            case .sameModel: relation = "Both policies were adopted from the same model text."
            }
            let added = group(.added), removed = group(.removed), reworded = group(.reworded)
            return PageContent(context: [
                "title": "\(name) compared with \(otherName)",
                "policyTitle": policy.title, "policyHref": env.link(to: policyPath), "name": name,
                "otherTitle": partner.policy.title, "otherHref": env.link(to: otherPath), "otherName": otherName,
                "relation": relation,
                "summary": ChangeContext.summary(comparison),
                "unchanged": comparison.unchanged,
                "added": added, "hasAdded": !added.isEmpty, "addedCount": added.count,
                "removed": removed, "hasRemoved": !removed.isEmpty, "removedCount": removed.count,
                "reworded": reworded, "hasReworded": !reworded.isEmpty, "rewordedCount": reworded.count,
            ])
        }
    }

    /// `/reviews/`: every policy by the date its review is due.
    static func reviews(_ site: Site) -> PageSpec {
        PageSpec(path: .fixed("reviews"), title: "Policy reviews", template: "reviews", section: .reviews,
                 breadcrumbs: [("Home", .root)], description: "When each policy is due for review",
                 source: SourceLocation(path: site.publishers.first?.school.path ?? "content")) { env in
            let today = env.options.today
            let rows: [(Publisher, Policy)] = site.publishers.flatMap { p in p.policies.map { (p, $0) } }.sorted { a, b in
                switch (a.1.reviewDeadline, b.1.reviewDeadline) {
                case let (x?, y?) where x != y: return x < y
                case (nil, _?): return false
                case (_?, nil): return true
                default: return (a.0.school.name, a.1.title) < (b.0.school.name, b.1.title)
                }
            }
            var counts: [ReviewStatus: Int] = [:]
            let entries: [[String: Any]] = rows.map { publisher, policy in
                counts[policy.reviewStatus(on: today), default: 0] += 1
                var entry = policy.reviewContext(on: today)
                entry["title"] = policy.title
                entry["href"] = env.link(to: publisher.path(of: policy))
                entry["publisherName"] = publisher.school.name
                entry["publisherHref"] = env.link(to: publisher.path)
                return entry
            }
            let summary: [[String: Any]] = [ReviewStatus.overdue, .dueSoon, .current, .notRecorded].map { status in
                ["label": status.label, "count": counts[status] ?? 0, "status": status.rawValue]
            }
            return PageContent(context: [
                "today": today.display,
                "dueSoonDays": ReviewStatus.dueSoonDays,
                "policies": entries,
                "hasPolicies": !entries.isEmpty,
                "summary": summary,
                "calendarHref": env.path.root + ReviewCalendar.path,
            ])
        }
    }
}
