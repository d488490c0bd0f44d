/// The pages every site has: home, one per publisher, one per policy, and the accessibility statement.
enum CorePages {
    static func specs(for site: Site, linkers: [any TextLinker], contentFolder: String) -> [PageSpec] {
        var specs: [PageSpec] = [home(site, contentFolder: contentFolder), accessibility(site, contentFolder: contentFolder)]
        for publisher in site.publishers {
            specs.append(publisherPage(publisher))
            for policy in publisher.policies {
                specs.append(policyPage(policy, in: publisher, linkers: linkers))
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
            return PageContent(context: ["publishers": publishers])
        }
    }

    static func publisherPage(_ publisher: Publisher) -> PageSpec {
        let school = publisher.school
        return PageSpec(path: publisher.path, title: school.name, template: "publisher", section: .publishers,
                        breadcrumbs: [("Home", .root)], description: "Policies of \(school.name)",
                        source: SourceLocation(path: school.path)) { env in
            let policies: [[String: Any]] = publisher.policies.map { policy in
                [
                    "title": policy.title,
                    "href": env.link(to: publisher.path(of: policy)),
                    "version": policy.version ?? "–",
                    "adopted": policy.adopted?.display ?? "Not recorded",
                    "reviewDue": policy.reviewDue?.display ?? "Not recorded",
                    "audienceLabel": policy.audienceLabel,
                ]
            }
            let leads: [[String: Any]] = school.digitalSafetyLeads.map { lead in
                ["name": lead.name, "phone": lead.phone ?? "", "email": lead.email ?? ""]
            }
            let hasDetails = school.address != nil || school.phone != nil || school.website != nil || school.chairOfGovernors != nil || !leads.isEmpty
            return PageContent(context: [
                "name": school.name,
                "kindLabel": school.kind.label,
                "address": school.address ?? "",
                "phone": school.phone ?? "",
                "website": school.website.flatMap { HTML.isSafeLink($0) ? $0 : nil } ?? "",
                "chairOfGovernors": school.chairOfGovernors ?? "",
                "leads": leads,
                "hasLeads": !leads.isEmpty,
                "hasDetails": hasDetails,
                "policies": policies,
                "searchHref": env.link(to: SearchPages.path(for: publisher)),
            ])
        }
    }

    static func policyPage(_ policy: Policy, in publisher: Publisher, linkers: [any TextLinker]) -> PageSpec {
        PageSpec(path: publisher.path(of: policy), title: policy.title, template: "policy", section: .publishers,
                 breadcrumbs: [("Home", .root), (publisher.school.name, publisher.path)],
                 description: "\(policy.title) – \(publisher.school.name)",
                 source: SourceLocation(path: policy.path)) { env in
            var renderer = PolicyBodyRenderer(policy: policy, linkers: linkers)
            let body = renderer.render()
            return PageContent(context: [
                "title": policy.title,
                "publisherName": publisher.school.name,
                "adopted": policy.adopted?.display ?? "Not recorded",
                "adoptedBy": policy.adoptedBy ?? "Not recorded",
                "version": policy.version ?? "Not recorded",
                "reviewDue": policy.reviewDue?.display ?? "Not recorded",
                "audienceLabel": policy.audienceLabel,
                "toc": tableOfContents(policy.outline),
                "hasToc": !policy.outline.headings.isEmpty,
                "body": body,
            ], diagnostics: renderer.diagnostics, links: renderer.emittedLinks)
        }
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
                 section: .accessibility, breadcrumbs: [("Home", .root)], source: SourceLocation(path: contentFolder)) { _ in
            PageContent(context: ["publisherNames": site.publishers.map(\.school.name).joined(separator: ", ")])
        }
    }
}

extension Policy {
    /// "Staff, Governors".
    public var audienceLabel: String {
        audience.isEmpty ? "Everyone" : audience.map(\.label).joined(separator: ", ")
    }
}
