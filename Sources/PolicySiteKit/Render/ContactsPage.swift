/// `/contacts/`: every publisher's Digital Safety Lead(s), and the service providers' numbers
/// from `content/data/service-providers.yml`.
enum ContactsPage {
    static let path = SitePath.fixed("contacts")

    static func spec(_ site: Site, includes: Includes) -> PageSpec {
        PageSpec(path: path, title: "Contacts", template: "contacts", section: .contacts, breadcrumbs: [("Home", .root)],
                 description: "Digital Safety Leads and mobile phone service providers' numbers",
                 source: SourceLocation(path: includes.serviceProviders?.path ?? "content")) { env in
            let publishers: [[String: Any]] = site.publishers.map { publisher in
                var context = publisher.school.contactContext
                context["href"] = env.link(to: publisher.path)
                return context
            }
            var context: [String: Any] = ["publishers": publishers]
            if let providers = includes.serviceProviders {
                // On this page the names read as names, without the trailing colon one policy prints.
                context["providersHTML"] = providers.tableHTML(cells: includes.providerCells) { String($0.name.reversed().drop { $0 == ":" || $0 == " " }.reversed()) }
                let showing = site.publishers.flatMap { publisher in
                    publisher.policies.filter { policy in
                        policy.includeFences.contains { Include.name(ofInfo: $0.block.info) == Include.Kind.serviceProviders.rawValue }
                    }.map { ["title": $0.title, "publisherName": publisher.school.name, "href": env.link(to: publisher.path(of: $0))] as [String: Any] }
                }
                context["providerPolicies"] = showing
                context["hasProviderPolicies"] = !showing.isEmpty
            }
            context["hasProviders"] = includes.serviceProviders != nil
            return PageContent(context: context)
        }
    }
}
