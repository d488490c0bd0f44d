/// Renders page specs through the page template and the layout, in parallel.
struct SiteRenderer: Sendable {
    let site: Site
    let options: BuildOptions
    let templates: Templates
    let navSections: [(NavSection, String, SitePath)]

    /// Content-Security-Policy for every page: no inline script, no external origin.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'"

    init(site: Site, options: BuildOptions, templates: Templates, specs: [PageSpec]) {
        self.site = site
        self.options = options
        self.templates = templates
        let available = Set(specs.map(\.path))
        let candidates: [(NavSection, String, SitePath)] = [
            (.home, "Home", .root),
            (.clauses, "Clause index", .fixed("clauses")),
            (.legislation, "Legislation", .fixed("legislation")),
            (.contacts, "Contacts", .fixed("contacts")),
            (.reviews, "Reviews", .fixed("reviews")),
            (.search, "Search", .fixed("search")),
        ]
        navSections = candidates.filter { available.contains($0.2) }
    }

    /// A rendered page with what the link checker needs.
    struct RenderedPage: Sendable {
        var file: OutputFile
        var page: SitePath
        var source: SourceLocation
        var diagnostics: [Diagnostic]
        var links: [String: SourceLocation]
        /// The keys each template was given (the page's template and the layout), for TemplateCheck.
        var vocabularies: [String: ContextVocabulary] = [:]
    }

    func render(_ spec: PageSpec) -> RenderedPage {
        let env = PageEnvironment(path: spec.path, site: site, options: options)
        var content = spec.makeContent(env)
        content.context["siteTitle"] = site.config.title
        content.context["root"] = spec.path.root
        let inner = templates.render(content.context, with: spec.template)
        let nav: [[String: Any]] = navSections.map { section, title, path in
            ["title": title, "href": spec.path.link(to: path), "current": section == spec.section]
        }
        let crumbs: [[String: Any]] = spec.breadcrumbs.map { ["title": $0.title, "href": spec.path.link(to: $0.path)] }
        let layout: [String: Any] = [
            "siteTitle": site.config.title,
            "pageTitle": spec.title,
            "description": spec.description ?? "",
            "hasDescription": !(spec.description ?? "").isEmpty,
            "hasCanonical": options.baseURL.isAbsolute,
            "pageType": spec.template,
            "root": spec.path.root,
            "csp": Self.contentSecurityPolicy,
            "canonical": options.baseURL.isAbsolute ? options.baseURL.url(spec.path) : "",
            "printURL": options.baseURL.url(spec.path),
            "nav": nav,
            "breadcrumbs": crumbs,
            "hasBreadcrumbs": !crumbs.isEmpty,
            "content": inner,
        ]
        let html = templates.render(layout, with: "layout")
        var links: [String: SourceLocation] = [:]
        for link in content.links where links[link.href] == nil { links[link.href] = link.location }
        var vocabularies = ["layout": ContextVocabulary(layout)]
        vocabularies[spec.template, default: ContextVocabulary()].add(content.context)
        return RenderedPage(file: OutputFile(path: spec.path.file, bytes: Array(html.utf8)), page: spec.path,
                            source: spec.source, diagnostics: content.diagnostics, links: links, vocabularies: vocabularies)
    }

    /// Renders every spec across the machine's cores; results come back in path order.
    func renderAll(_ specs: [PageSpec]) async -> [RenderedPage] {
        await withTaskGroup(of: [RenderedPage].self) { group in
            let chunk = max(1, specs.count / (ProcessInfoCores.count * 4))
            var start = 0
            while start < specs.count {
                let slice = Array(specs[start..<min(start + chunk, specs.count)])
                group.addTask { slice.map { render($0) } }
                start += chunk
            }
            var all: [RenderedPage] = []
            all.reserveCapacity(specs.count)
            for await pages in group { all += pages }
            return all.sorted { $0.file.path < $1.file.path }
        }
    }
}
