/// The pages every site has: home, one per publisher, one per policy, and the accessibility statement.
enum CorePages {
    static func specs(for site: Site, linkers: [any TextLinker], includes: Includes = Includes(),
                      publisherAdditions: [Slug: [PageContextAddition]] = [:], lineage: Lineage? = nil, contentFolder: String) -> [PageSpec] {
        var specs: [PageSpec] = [home(site, contentFolder: contentFolder), accessibility(site, contentFolder: contentFolder)]
        let lineage = lineage ?? Lineage(site)
        for publisher in site.publishers {
            specs.append(publisherPage(publisher, additions: publisherAdditions[publisher.school.slug] ?? []))
            for policy in publisher.policies {
                specs.append(policyPage(policy, in: publisher, linkers: linkers, includes: includes, lineage: lineage))
            }
        }
        return specs
    }

    static func home(_ site: Site, contentFolder: String) -> PageSpec {
        PageSpec(path: .root, title: site.config.title, template: "home", section: .home,
                 description: site.config.description, source: SourceLocation(path: contentFolder)) { env in
            let publishers: [[String: Any]] = site.publishers.map { p in
                [
                    "name": p.school.name,
                    "href": env.link(to: p.path),
                    "kindLabel": p.school.kind.label,
                    "policyCountLabel": p.policies.count == 1 ? "1 policy" : "\(p.policies.count) policies",
                ]
            }
            return PageContent(context: AudienceEntries.home(site, env: env).merging(["publishers": publishers]) { $1 })
        }
    }

    static func publisherPage(_ publisher: Publisher, additions: [PageContextAddition] = []) -> PageSpec {
        let school = publisher.school
        return PageSpec(path: publisher.path, title: school.name, template: "publisher", section: .publishers,
                        breadcrumbs: [("Home", .root)], description: "Policies of \(school.name)",
                        source: SourceLocation(path: school.path), dependsOn: [.publisher(school.slug)]) { env in
            let policies: [[String: Any]] = publisher.policies.map { policy in
                [
                    "title": policy.title,
                    "href": env.link(to: publisher.path(of: policy)),
                    "version": policy.version ?? "–",
                    "adopted": policy.adopted?.display ?? "Not recorded",
                    "audienceLabel": policy.audienceLabel,
                ].merging(policy.reviewContext(on: env.options.today)) { _, review in review }
            }
            let hasDetails = school.address != nil || school.phone != nil || school.website != nil || school.chairOfGovernors != nil || !school.digitalSafetyLeads.isEmpty
            var context = school.contactContext.merging(AudienceEntries.publisher(publisher, env: env)) { $1 }.merging([
                "kindLabel": school.kind.label,
                "chairOfGovernors": school.chairOfGovernors ?? "",
                "hasChair": school.chairOfGovernors != nil,
                "hasDetails": hasDetails,
                "policies": policies,
                "searchHref": env.link(to: SearchPages.path(for: publisher)),
            ]) { $1 }
            for addition in additions { context.merge(addition(env)) { $1 } }
            return PageContent(context: context)
        }
    }

    static func policyPage(_ policy: Policy, in publisher: Publisher, linkers: [any TextLinker], includes: Includes = Includes(),
                           lineage: Lineage? = nil) -> PageSpec {
        PageSpec(path: publisher.path(of: policy), title: policy.title, template: "policy", section: .publishers,
                 breadcrumbs: [("Home", .root), (publisher.school.name, publisher.path)],
                 description: "\(policy.title) – \(publisher.school.name)",
                 source: SourceLocation(path: policy.path),
                 dependsOn: [.of(policy)] + (lineage?.partners(of: policy).map { .of($0.policy) } ?? [])) { env in
            var renderer = PolicyBodyRenderer(policy: policy, linkers: linkers, formPageHref: FormPages.href, includes: includes)
            let body = renderer.render()
            return PageContent(context: policyContext(policy, in: publisher, body: body)
                .merging(PolicyGovernanceContext.context(shown: policy, current: policy, publisher: publisher, lineage: lineage, env: env)) { _, g in g },
               diagnostics: renderer.diagnostics, links: renderer.emittedLinks)
        }
    }

    /// The policy template's keys for a policy's text and front matter (its current or an earlier version).
    static func policyContext(_ policy: Policy, in publisher: Publisher, body: String) -> [String: Any] {
        [
            "title": policy.title,
            "publisherName": publisher.school.name,
            "adopted": policy.adopted?.display ?? "Not recorded",
            "adoptedBy": policy.adoptedBy ?? "Not recorded",
            "version": policy.version ?? "Not recorded",
            "audienceLabel": policy.audienceLabel,
            "fingerprint": policy.fingerprint,
            "toc": tableOfContents(policy.outline),
            "hasToc": !policy.outline.headings.isEmpty,
            "body": body,
        ]
    }

    /// Top-level headings with the headings under each, two levels deep.
    static func tableOfContents(_ outline: Outline) -> [[String: Any]] {
        let headings = outline.headings
        guard let top = headings.map(\.level).min() else { return [] }
        var entries: [[String: Any]] = []
        var children: [[String: Any]] = []
        func flush() {
            guard !entries.isEmpty else { return }
            entries[entries.count - 1]["children"] = children
            entries[entries.count - 1]["hasChildren"] = !children.isEmpty
            children = []
        }
        for h in headings {
            if h.level == top {
                flush()
                entries.append(["id": h.id, "title": h.title])
            } else if entries.isEmpty {
                entries.append(["id": h.id, "title": h.title])
            } else if h.level == top + 1 {
                children.append(["id": h.id, "title": h.title])
            }
        }
        flush()
        return entries
    }

    static func accessibility(_ site: Site, contentFolder: String) -> PageSpec {
        PageSpec(path: .fixed("accessibility"), title: "Accessibility statement", template: "accessibility",
                 section: .accessibility, breadcrumbs: [("Home", .root)], source: SourceLocation(path: contentFolder)) { env in
            let publishers: [[String: Any]] = site.publishers.map { ["name": $0.school.name, "href": env.link(to: $0.path)] }
            return PageContent(context: [
                "publisherNames": site.publishers.map(\.school.name).joined(separator: ", "),
                "publishers": publishers,
                "hasPublishers": !publishers.isEmpty,
            ])
        }
    }
}

extension Policy {
    /// "Staff, Governors".
    public var audienceLabel: String {
        audience.isEmpty ? "Everyone" : audience.map(\.label).joined(separator: ", ")
    }
}
