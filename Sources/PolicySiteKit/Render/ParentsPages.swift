/// `/<school>/parents/` for every publisher: in plain language, the policies written for parents
/// and carers, the Home School Agreement section where a policy has one, how to raise a concern,
/// and whom to contact.
enum ParentsPages {
    static func path(_ publisher: Publisher) -> SitePath { publisher.path.appending(fixed: "parents") }

    static func specs(_ site: Site) -> ([PageSpec], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        for publisher in site.publishers {
            for policy in publisher.policies where policy.slug.rawValue == "parents" {
                diagnostics.append(.error("a policy cannot be called 'parents': /\(publisher.school.slug)/parents/ is the page for parents and carers; rename the file", at: SourceLocation(path: policy.path)))
            }
        }
        return (site.publishers.map(spec), diagnostics)
    }

    /// The policies for parents: those whose audience names parents.
    static func policies(of publisher: Publisher) -> [Policy] {
        publisher.policies.filter { $0.audience.contains(.parents) }
    }

    static func spec(_ publisher: Publisher) -> PageSpec {
        let school = publisher.school
        return PageSpec(path: path(publisher), title: "Parents and carers: \(school.name)", template: "parents", section: .publishers,
                        breadcrumbs: [("Home", .root), (school.name, publisher.path)],
                        description: "What \(school.name)’s policies ask of parents and carers, how to raise a concern and whom to contact",
                        source: SourceLocation(path: school.path), dependsOn: [.publisher(school.slug)]) { env in
            let policies: [[String: Any]] = policies(of: publisher).map { policy in
                ["title": policy.title, "href": env.link(to: publisher.path(of: policy)),
                 "version": policy.version ?? "", "hasVersion": policy.version != nil]
            }
            var links: [(href: String, location: SourceLocation)] = []
            var agreements: [[String: Any]] = []
            for policy in publisher.policies {
                for section in policy.homeSchoolAgreementSections {
                    var renderer = PolicyBodyRenderer(policy: policy)
                    for block in section.blocks { renderer.plainBlock(block) }
                    links += renderer.emittedLinks
                    agreements.append([
                        "policyTitle": policy.title,
                        "sectionTitle": section.anchor.title,
                        "href": env.link(to: publisher.path(of: policy), fragment: section.anchor.id),
                        "html": renderer.out,
                    ])
                }
            }
            var context = school.contactContext
            context["schoolHref"] = env.link(to: publisher.path)
            context["policies"] = policies
            context["hasPolicies"] = !policies.isEmpty
            context["agreements"] = agreements
            context["hasAgreements"] = !agreements.isEmpty
            context["isSchool"] = school.kind == .school
            return PageContent(context: context, links: links)
        }
    }
}
