/// Renders page specs through the page template and the layout, in parallel.
struct SiteRenderer: Sendable {
    let site: Site
    let options: BuildOptions
    let templates: Templates
    let navSections: [(NavSection, String, SitePath)]
    /// What the safety check of every page looks for.
    let safetyNames = OutputSafety.Names(policy: SiteRenderer.contentSecurityPolicy)

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

    /// What the checks need of a rendered page once its bytes have gone to the output stage.
    struct RenderedPage: Sendable {
        /// The file it was written to, relative to the output folder.
        var path: String
        var page: SitePath
        var source: SourceLocation
        var diagnostics: [Diagnostic]
        var links: [String: SourceLocation]
        /// The page's `id` values, and its `href` values (each once, in order), packed: every
        /// page's are kept until the check phase.
        var ids: PageIDs
        var hrefs: PackedStrings
        /// Anything in the page's bytes that must not be published (reported by the check phase).
        var unsafe: [Diagnostic] = []
    }

    /// Every page's summary, in path order, and the template keys looked up across the site (in
    /// the pages' templates, the layout and their partials), for TemplateCheck.
    struct RenderedSite: Sendable {
        var pages: [RenderedPage] = []
        var keyUse: TemplateKeyUse
    }

    /// Renders one page: its bytes and what the checks need; the template keys it looked up are
    /// noted in `keyUse`. Pages are checked here, while their bytes are at hand, for anything
    /// unsafe to publish.
    func render(_ spec: PageSpec, noting keyUse: inout TemplateKeyUse) -> (page: RenderedPage, file: OutputFile) {
        let env = PageEnvironment(path: spec.path, site: site, options: options)
        var content = spec.makeContent(env)
        content.context["siteTitle"] = site.config.title
        content.context["root"] = spec.path.root
        let nav: [[String: Any]] = navSections.map { section, title, path in
            ["title": title, "href": spec.path.link(to: path), "current": section == spec.section]
        }
        let crumbs: [[String: Any]] = spec.breadcrumbs.map { ["title": $0.title, "href": spec.path.link(to: $0.path)] }
        var layout: [String: Any] = [
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
            "content": ContentSlot(),
        ]
        let bytes: [UInt8]
        let capacity = max(content.expectedSize, 16_384)
        if let (before, after) = templates.renderAroundSlot(layout, with: "layout", noting: &keyUse) {
            // The page is rendered straight after the layout's part before it, in one buffer.
            var page = templates.renderBytes(content.context, with: spec.template, after: before, capacity: capacity + after.count, noting: &keyUse)
            content.context = [:]
            page += after
            bytes = page
        } else {
            let inner = RenderedHTML(bytes: templates.renderBytes(content.context, with: spec.template, capacity: capacity, noting: &keyUse))
            // The page's values can go before the layout copies the page in.
            content.context = [:]
            layout["content"] = inner
            bytes = templates.renderBytes(layout, with: "layout", capacity: inner.bytes.count + 16_384, noting: &keyUse)
        }
        var links: [String: SourceLocation] = [:]
        for link in content.links where links[link.href] == nil { links[link.href] = link.location }
        let file = OutputFile(path: spec.path.file, bytes: bytes)
        var unsafe: [Diagnostic] = []
        for problem in OutputSafety.problems(in: bytes, names: safetyNames) {
            unsafe.append(.error("page /\(file.path) \(problem), which is not published (a bug in a template or in policy-site)", at: spec.source))
        }
        let attributes = LinkChecker.attributes(of: bytes)
        let page = RenderedPage(path: file.path, page: spec.path, source: spec.source, diagnostics: content.diagnostics, links: links,
                                ids: attributes.ids, hrefs: attributes.hrefs, unsafe: unsafe)
        return (page, file)
    }

    /// Renders every spec across the machine's cores, handing each page's bytes to `output` as
    /// soon as it is made; summaries come back in path order.
    func renderAll(_ specs: [PageSpec], output: @escaping @Sendable (OutputFile) -> Void) async -> RenderedSite {
        let specs = Self.spreadingSiteWidePages(specs)
        return await withTaskGroup(of: RenderedSite.self) { group in
            // Small enough that the last chunk to finish leaves the other cores waiting only briefly.
            let chunk = max(1, specs.count / (ProcessInfoCores.count * 32))
            var start = 0
            while start < specs.count {
                let slice = specs[start..<min(start + chunk, specs.count)]
                group.addTask {
                    var part = RenderedSite(keyUse: TemplateKeyUse(slots: templates.slotCount))
                    for spec in slice {
                        let (page, file) = render(spec, noting: &part.keyUse)
                        output(file)
                        part.pages.append(page)
                    }
                    return part
                }
                start += chunk
            }
            var all = RenderedSite(keyUse: TemplateKeyUse(slots: templates.slotCount))
            all.pages.reserveCapacity(specs.count)
            for await part in group {
                all.pages += part.pages
                all.keyUse.formUnion(part.keyUse)
            }
            all.pages.sort { $0.path < $1.path }
            return all
        }
    }

    /// `specs` with the pages made from the whole site (the clause index and the Act pages are
    /// megabytes each) spread over the middle half of the work: at the end, one of them would
    /// leave a core waiting for it; at the start, it would overlap the search index's merge and
    /// add to the peak memory.
    static func spreadingSiteWidePages(_ specs: [PageSpec]) -> [PageSpec] {
        let siteWide = specs.filter { $0.dependsOn.contains(.site) }
        guard !siteWide.isEmpty, siteWide.count < specs.count else { return specs }
        let others = specs.filter { !$0.dependsOn.contains(.site) }
        var spread: [PageSpec] = []
        spread.reserveCapacity(specs.count)
        var next = 0
        for (k, spec) in siteWide.enumerated() {
            let at = others.count / 4 + others.count / 2 * (2 * k + 1) / (2 * siteWide.count)
            spread += others[next..<at]
            spread.append(spec)
            next = at
        }
        return spread + others[next...]
    }
}
