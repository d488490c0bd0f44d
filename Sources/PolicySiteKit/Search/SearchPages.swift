/// The search pages (`/search/` for the whole site, `/search/<publisher>/` for one publisher) and
/// the index files they read. The pages work without JavaScript: they list every policy, whose
/// contents lists and clause links are the way in when search cannot run.
enum SearchPages {
    static let folder = SitePath.fixed("search")

    static func path(for publisher: Publisher) -> SitePath { folder.appending(publisher.school.slug) }

    /// Adds the pages and the index files to the resolved site.
    static func add(to resolved: inout ResolvedSite, site: Site, sources: SiteSources, options: BuildOptions, cache: ParseCache?) {
        guard !site.publishers.isEmpty else { return }
        let clauseIndex = resolved.pages.contains { $0.path == ClauseIndexPage.path }
        resolved.pages.append(sitePage(site, template: options.templates + "/search.mustache", clauseIndex: clauseIndex))
        for publisher in site.publishers { resolved.pages.append(publisherPage(publisher, site: site, clauseIndex: clauseIndex)) }
        // Made in the render phase and handed to the output as they are made. Only the cache
        // reads the sources: without one they are not kept, so the source texts can go once
        // resolving is done.
        let sources = cache == nil ? nil : sources
        resolved.fileBatches.append(FileBatchSpec(make: { site, _, output in
            SearchIndex.write(site: site, sources: sources, cache: cache, output: output)
        }, makePublishers: { site, _, publishers, output in
            SearchIndex.write(site: site, sources: sources, cache: cache, only: publishers, output: output)
        }))
    }

    static func sitePage(_ site: Site, template: String, clauseIndex: Bool) -> PageSpec {
        PageSpec(path: folder, title: "Search", template: "search", section: .search,
                 breadcrumbs: [("Home", .root)], description: "Search every clause of every policy",
                 source: SourceLocation(path: template)) { env in
            var context = common(env, publishers: site.publishers, scope: folder, clauseIndex: clauseIndex ? env.link(to: ClauseIndexPage.path) : nil)
            context["heading"] = "Search"
            context["lead"] = "Find the clauses that use your words, in every policy of every publisher on this site."
            context["otherScopes"] = site.publishers.map { ["title": $0.school.name, "href": env.link(to: path(for: $0))] }
            context["hasOtherScopes"] = site.publishers.count > 1
            context["otherScopesTitle"] = "Search one publisher’s policies"
            return PageContent(context: context)
        }
    }

    static func publisherPage(_ publisher: Publisher, site: Site, clauseIndex: Bool) -> PageSpec {
        let name = publisher.school.name
        return PageSpec(path: path(for: publisher), title: "Search \(name) policies", template: "search", section: .search,
                        breadcrumbs: [("Home", .root), (name, publisher.path)], description: "Search the policies of \(name)",
                        source: SourceLocation(path: publisher.school.path), dependsOn: [.publisher(publisher.school.slug)]) { env in
            let clauses = clauseIndex && !publisher.policies.isEmpty ? env.link(to: ClauseIndexPage.path, fragment: "publisher-\(publisher.school.slug)") : nil
            var context = common(env, publishers: [publisher], scope: path(for: publisher), clauseIndex: clauses)
            context["heading"] = "Search \(name) policies"
            context["lead"] = "Find the clauses that use your words, in the policies of \(name)."
            context["otherScopes"] = [["title": "All publishers", "href": env.link(to: folder)]]
            context["hasOtherScopes"] = site.publishers.count > 1
            context["otherScopesTitle"] = "Search more widely"
            return PageContent(context: context)
        }
    }

    /// What both kinds of search page show: the form's data, the list of policies and, when the
    /// site has one, a link to the clause index.
    static func common(_ env: PageEnvironment, publishers: [Publisher], scope: SitePath, clauseIndex: String?) -> [String: Any] {
        let browse: [[String: Any]] = publishers.map { p in
            [
                "name": p.school.name,
                "href": env.link(to: p.path),
                "policies": p.policies.map { ["title": $0.title, "href": env.link(to: p.path(of: $0))] },
                "hasPolicies": !p.policies.isEmpty,
            ]
        }
        return ["scope": scope.urlPath, "browse": browse, "clauseIndexHref": clauseIndex ?? "", "hasClauseIndex": clauseIndex != nil]
    }
}
