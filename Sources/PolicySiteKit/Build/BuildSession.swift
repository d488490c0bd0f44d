import Foundation

/// What a build session keeps of its last build that wrote the output: the inputs, and a summary
/// of every page and file in the output folder.
struct BuildMemory: Sendable {
    var sources: SiteSources
    /// Problems found while loading (sources, templates, the output folder).
    var loadDiagnostics: [Diagnostic]
    var parseDiagnostics: [Diagnostic]
    var templates: Templates
    var site: Site
    var resolved: ResolvedSite
    /// Every page in the output, by file.
    var pages: [String: SiteRenderer.RenderedPage]
    /// Each page's broken links, by file (pages with none are left out).
    var links: [String: [Diagnostic]]
    /// Every file in the output that is not a page.
    var files: [String]
    /// The checks of the site as a whole (paths made twice, template keys no page gives).
    var siteWideChecks: [Diagnostic]
}

/// A series of builds of one site, as the preview server makes them. The first build makes
/// everything. After an edit to the text of policies that leaves what other pages read of them
/// (`PolicySurface`) unchanged, a rebuild reads, parses, scans, renders, checks and writes only
/// those policies and their publishers' pages, and leaves the outputs read from every policy (the
/// clause index, legislation pages, site search, feeds, export) to `finishDeferred()`, as Hugo's
/// fast render mode leaves the pages not on screen. Any other change builds the whole site again.
/// One task at a time.
public final class BuildSession: @unchecked Sendable {
    public let options: BuildOptions
    /// Parsed files and derived values kept between builds.
    public let cache = ParseCache()
    private var memory: BuildMemory?
    /// Policy files edited since the output last took their pages (a rebuild failed since).
    private var pending: Set<String> = []
    /// True while the site-wide outputs are older than the content (see `finishDeferred()`).
    public private(set) var hasDeferredWork = false

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds after `changed` files (paths as the content folder and file names give them) were
    /// edited; with none known, or after a build that did not write, builds everything.
    public func build(changed: [String] = [], progress: (@Sendable (BuildStep) -> Void)? = nil) async -> BuildReport {
        if let memory, !changed.isEmpty, let report = await rebuild(memory, changed: Set(changed).union(pending)) {
            return report
        }
        let (report, memory) = await SiteBuilder(options: options).run(write: true, cache: cache, progress: progress, remember: true)
        self.memory = memory
        pending = []
        hasDeferredWork = false
        return report
    }

    /// The counts of the parse cache since the last call.
    public func finishBuild() -> ParseCache.Counts {
        cache.finishBuild(forgetting: !hasDeferredWork && pending.isEmpty)
    }

    /// Makes the site-wide outputs a rebuild left for later, and writes them; nil when there is
    /// nothing to do. After it the output is the same, byte for byte, as a full build's.
    public func finishDeferred() async -> BuildReport? {
        guard hasDeferredWork, var memory else { return nil }
        var timer = PhaseTimer()
        let site = memory.site, resolved = memory.resolved
        let allSpecs = resolved.pageSpecs(for: site, contentFolder: options.content)
        let specs = allSpecs.filter { $0.dependsOn.contains(.site) }
        timer.finish(.resolve)
        let stage: OutputStage
        do { stage = try OutputStage(output: options.output, keepingOthers: true) } catch { return stageFailure(error) }
        let (rendered, made) = await render(specs, all: allSpecs, memory: memory, into: stage) { output in
            var files = SiteBuilder.make(resolved.files, site: site, options: options, stage: stage, output: output)
            for batch in resolved.fileBatches { files += batch.make(site, options, output) }
            return files
        }
        timer.finish(.render)
        // Every file that is not a page is made again, but for the templates' assets and the sitemap.
        let assets = memory.files.filter { $0.hasPrefix("assets/") }
        var files = made + assets
        let sitemap = Sitemap.file(pages: merged(memory.pages, rendered.pages).values.sorted { $0.path < $1.path }.map(\.page), options: options)
        stage.accept(sitemap)
        files.append(sitemap.path)
        let stale = Set(memory.files).subtracting(files)
        var report = check(rendered.pages, files: files, memory: &memory)
        timer.finish(.check)
        report = commit(stage, report: report, removing: stale)
        timer.finish(.write)
        report.timings = timer.timings
        report.pages = memory.pages.count
        if report.succeeded {
            memory.files = files
            self.memory = memory
            hasDeferredWork = false
        } else {
            self.memory = nil
        }
        return report
    }

    // MARK: - The rebuild

    /// The rebuild after edits to policies' text; nil when the edit needs a full build.
    private func rebuild(_ old: BuildMemory, changed: Set<String>) async -> BuildReport? {
        var timer = PhaseTimer()
        var memory = old
        // Load: only policy files the last build read, edited in place.
        var places: [String: (school: Int, policy: Int)] = [:]
        for (s, school) in memory.sources.schools.enumerated() {
            for (p, policy) in school.policies.enumerated() { places[policy.source.path] = (s, p) }
        }
        var diagnostics = memory.loadDiagnostics.filter { !changed.contains($0.location.path) }
        for path in changed.sorted() {
            guard let place = places[path] else { return nil }
            let (text, loadDiagnostics) = SiteLoader.reload(path, content: options.content)
            guard let text else { return nil }
            diagnostics += loadDiagnostics
            memory.sources.schools[place.school].policies[place.policy].source = text
        }
        memory.loadDiagnostics = diagnostics
        timer.finish(.load)

        // Parse: only the edited policies, put in the last build's site in place of their old text.
        var site = old.site
        var indexes: [String: (publisher: Int, policy: Int)] = [:]
        for (i, publisher) in site.publishers.enumerated() {
            for (j, policy) in publisher.policies.enumerated() { indexes[policy.path] = (i, j) }
        }
        var parseDiagnostics = memory.parseDiagnostics.filter { !changed.contains($0.location.path) }
        var scopes: [PageScope] = []
        for path in changed.sorted() {
            guard let place = places[path], let index = indexes[path] else { return nil }
            let before = site.publishers[index.publisher].policies[index.policy]
            let source = memory.sources.schools[place.school].policies[place.policy]
            let (parsed, policyDiagnostics) = cache.policy(source.source, school: before.school, slug: source.slug)
            parseDiagnostics += policyDiagnostics
            guard var after = parsed else { continue }
            // Earlier versions depend on the adoption date, which the surface includes.
            after.history = before.history
            guard PolicySurface(before) == PolicySurface(after) else { return nil }
            site.publishers[index.publisher].policies[index.policy] = after
            scopes.append(.of(after))
        }
        diagnostics += parseDiagnostics
        memory.parseDiagnostics = parseDiagnostics
        timer.finish(.parse)
        if diagnostics.hasErrors { return failed(diagnostics, changed: changed, timer: timer) }

        let resolved = SiteResolver.resolve(site, sources: memory.sources, options: options, cache: cache)
        diagnostics += resolved.diagnostics
        timer.finish(.resolve)
        if diagnostics.hasErrors { return failed(diagnostics, changed: changed, timer: timer) }
        memory.site = site
        memory.resolved = resolved

        let allSpecs = resolved.pageSpecs(for: site, contentFolder: options.content)
        let specs = allSpecs.filter { spec in
            !spec.dependsOn.contains(.site) && spec.dependsOn.contains { scope in scopes.contains { scope.isAffected(byTextOf: $0) } }
        }
        let publishers = Set(scopes.compactMap { scope -> Slug? in
            if case .policy(let school, _) = scope { school } else { nil }
        })
        let stage: OutputStage
        do { stage = try OutputStage(output: options.output, keepingOthers: true) } catch {
            pending.formUnion(changed)
            return stageFailure(error)
        }
        let (rendered, made) = await render(specs, all: allSpecs, memory: memory, into: stage) { output in
            var files: [String] = []
            for batch in resolved.fileBatches { files += batch.makePublishers?(site, self.options, publishers, output) ?? [] }
            return files
        }
        // A page the last build did not make means the site's shape changed.
        guard rendered.pages.allSatisfy({ old.pages[$0.path] != nil }) else { stage.discard(); return nil }
        timer.finish(.render)

        // The publishers' search files are all made again; any the new index no longer has go.
        let folders = publishers.map { SearchIndex.folder(of: $0) }
        let before = memory.files.filter { path in folders.contains { path.hasPrefix($0) } }
        let files = memory.files.filter { path in !folders.contains { path.hasPrefix($0) } } + made
        var report = check(rendered.pages, files: files, memory: &memory)
        timer.finish(.check)
        report = commit(stage, report: report, removing: Set(before).subtracting(made))
        timer.finish(.write)
        report.timings = timer.timings
        report.pages = memory.pages.count
        report.site = site
        if report.succeeded {
            memory.files = files
            self.memory = memory
            pending = []
            hasDeferredWork = true
        } else {
            pending.formUnion(changed)
        }
        return report
    }

    /// The report of a rebuild whose staging folder could not be made.
    private func stageFailure(_ error: any Error) -> BuildReport {
        var report = BuildReport()
        report.diagnostics = [.error("could not prepare the output: \(error)", at: SourceLocation(path: options.output))]
        return report
    }

    /// Renders `specs` (and what `files` makes) into `stage`; returns the pages' summaries and the files' paths.
    private func render(_ specs: [PageSpec], all: [PageSpec], memory: BuildMemory, into stage: OutputStage,
                        files: (@escaping @Sendable (OutputFile) -> Void) -> [String]) async -> (SiteRenderer.RenderedSite, [String]) {
        let output: @Sendable (OutputFile) -> Void = { stage.accept($0) }
        let renderer = SiteRenderer(site: memory.site, options: options, templates: memory.templates, specs: all)
        let rendered = await renderer.renderAll(specs, output: output)
        return (rendered, files(output))
    }

    /// Checks the pages made again against every page of the site (every page, when one made again
    /// has other ids than before), and puts the diagnostics of the whole site together.
    private func check(_ made: [SiteRenderer.RenderedPage], files: [String], memory: inout BuildMemory) -> BuildReport {
        let idsChanged = made.contains { memory.pages[$0.path]?.ids != $0.ids }
        memory.pages = merged(memory.pages, made)
        let recheck = idsChanged ? Array(memory.pages.values) : made
        for page in recheck { memory.links[page.path] = nil }
        memory.links.merge(LinkChecker.checkEach(recheck, idsByFile: memory.pages.mapValues(\.ids), otherFiles: Set(files))) { a, _ in a }
        var report = BuildReport()
        report.diagnostics = memory.loadDiagnostics + memory.parseDiagnostics + memory.resolved.diagnostics
        for page in memory.pages.values { report.diagnostics += page.diagnostics }
        report.diagnostics += SiteChecks.combined(memory.pages.values, links: memory.links, siteWide: memory.siteWideChecks)
        if options.strict { report.diagnostics = report.diagnostics.promotingWarnings() }
        report.diagnostics.sort()
        return report
    }

    /// Moves the stage into the output when the build succeeded (and removes `stale` files), or
    /// discards it.
    private func commit(_ stage: OutputStage, report: BuildReport, removing stale: Set<String>) -> BuildReport {
        var report = report
        guard report.succeeded, !(options.strict && !report.diagnostics.isEmpty) else {
            stage.discard()
            return report
        }
        do {
            let result = try stage.commit()
            report.written = result.written
            report.unchanged = result.unchanged
            for path in stale.sorted() where unlink(options.output + "/" + path) == 0 { report.removed += 1 }
        } catch {
            report.diagnostics.append(.error("could not write the site: \(error)", at: SourceLocation(path: options.output)))
        }
        return report
    }

    private func failed(_ diagnostics: [Diagnostic], changed: Set<String>, timer: PhaseTimer) -> BuildReport {
        pending.formUnion(changed)
        var report = BuildReport()
        report.diagnostics = (options.strict ? diagnostics.promotingWarnings() : diagnostics).sorted()
        report.timings = timer.timings
        return report
    }

    private func merged(_ pages: [String: SiteRenderer.RenderedPage], _ made: [SiteRenderer.RenderedPage]) -> [String: SiteRenderer.RenderedPage] {
        var pages = pages
        for page in made { pages[page.path] = page }
        return pages
    }
}
