import Foundation

/// Builds a site: load → parse → resolve → render → check → write. Nothing is written unless
/// every earlier phase succeeded, so a failed build leaves the previous output exactly as it was.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Runs the build. With `write: false` every check runs but the output folder is not touched.
    /// A `cache` kept between builds (the preview server's) re-parses only files whose text changed.
    public func build(write: Bool = true, cache: ParseCache? = nil, progress: (@Sendable (BuildStep) -> Void)? = nil) async -> BuildReport {
        await run(write: write, cache: cache, progress: progress, remember: false).report
    }

    /// The whole build; with `remember`, also what a `BuildSession` keeps of it for a rebuild
    /// (nil when the build did not write).
    func run(write: Bool, cache: ParseCache?, progress: (@Sendable (BuildStep) -> Void)?,
             remember: Bool) async -> (report: BuildReport, memory: BuildMemory?) {
        var report = BuildReport()
        var timer = PhaseTimer()
        func finish(_ step: BuildStep) {
            timer.finish(step)
            report.timings = timer.timings
        }
        func stop() -> (report: BuildReport, memory: BuildMemory?) {
            if options.strict { report.diagnostics = report.diagnostics.promotingWarnings() }
            report.diagnostics.sort()
            return (report, nil)
        }

        progress?(.load)
        // A variable, so that a build that is not remembered lets go of the source texts (tens of
        // megabytes) once resolving is done rather than whenever the optimizer ends its lifetime.
        var sources: SiteSources
        let loadDiagnostics: [Diagnostic]
        // The templates are compiled on one core while the content is read on the others.
        async let templatesLoaded = Templates.load(from: options.templates)
        (sources, loadDiagnostics) = SiteLoader.load(content: options.content)
        report.diagnostics += loadDiagnostics
        let (templates, templateDiagnostics) = await templatesLoaded
        report.diagnostics += templateDiagnostics
        if write, let d = OutputWriter.checkFolder(options.output, content: options.content, templates: options.templates) {
            report.diagnostics.append(d)
        }
        let loaded = report.diagnostics
        finish(.load)

        progress?(.parse)
        let (site, parseDiagnostics) = await Self.parse(sources, cache: cache)
        report.diagnostics += parseDiagnostics
        report.site = site
        finish(.parse)

        progress?(.resolve)
        // What a reference scan finds depends on the whole site, so a full build scans every policy.
        cache?.referenceScans.removeAll()
        let parsedDiagnostics = report.diagnostics
        let resolved = SiteResolver.resolve(site, sources: sources, options: options, cache: cache)
        report.diagnostics += resolved.diagnostics
        if !remember { sources = SiteSources() }
        finish(.resolve)
        guard let templates, !report.diagnostics.hasErrors, !(options.strict && !report.diagnostics.isEmpty) else { return stop() }

        progress?(.render)
        // Pages and files go to the output stage as they are made; nothing is held for the write.
        var stage: OutputStage?
        if write {
            do { stage = try OutputStage(output: options.output) } catch {
                report.diagnostics.append(.error("could not prepare the output: \(error)", at: SourceLocation(path: options.output)))
                return stop()
            }
        }
        let output: @Sendable (OutputFile) -> Void = { [stage] file in stage?.accept(file) }
        let specs = resolved.pageSpecs(for: site, contentFolder: options.content)
        let renderer = SiteRenderer(site: site, options: options, templates: templates, specs: specs)
        // The feeds, calendar, export and search indexes are made beside the pages, which keep
        // little in memory once written (the export is streamed to the stage), so no core waits
        // with nothing to do for the last few items of one of them.
        async let madeFiles = Self.make(resolved.files, site: site, options: options, stage: stage, output: output)
        async let batchFiles = resolved.fileBatches.flatMap { $0.make(site, options, output) }
        let rendered = await renderer.renderAll(specs, output: output)
        for page in rendered.pages { report.diagnostics += page.diagnostics }
        var files = await madeFiles
        files += await batchFiles
        for asset in Self.assets(in: options.templates, diagnostics: &report.diagnostics) {
            output(asset)
            files.append(asset.path)
        }
        files.append(Sitemap.path)
        report.pages = rendered.pages.count
        finish(.render)

        progress?(.check)
        // The sitemap and the site-wide checks each run on one core, beside the link check's
        // index of ids, which does too.
        async let sitemap: Void = output(Sitemap.file(pages: rendered.pages.map(\.page), options: options))
        async let siteWideChecks = SiteChecks.siteWide(rendered: rendered, files: files, templates: templates, options: options)
        let links = LinkChecker.checkEach(rendered.pages, idsByFile: LinkChecker.idsByFile(rendered.pages), otherFiles: Set(files))
        let siteWide = await siteWideChecks
        report.diagnostics += SiteChecks.combined(rendered.pages, links: links, siteWide: siteWide)
        await sitemap
        finish(.check)
        guard let stage, !report.diagnostics.hasErrors, !(options.strict && !report.diagnostics.isEmpty) else {
            stage?.discard()
            return stop()
        }

        progress?(.write)
        do {
            let result = try stage.commit()
            report.written = result.written
            report.unchanged = result.unchanged
            report.removed = result.removed
        } catch {
            report.diagnostics.append(.error("could not write the site: \(error)", at: SourceLocation(path: options.output)))
        }
        finish(.write)
        var memory: BuildMemory?
        if remember, report.succeeded {
            memory = BuildMemory(sources: sources, loadDiagnostics: loaded, parseDiagnostics: Array(parsedDiagnostics.dropFirst(loaded.count)),
                                 templates: templates, site: site, resolved: resolved,
                                 pages: Dictionary(rendered.pages.map { ($0.path, $0) }) { a, _ in a },
                                 links: links, files: files,
                                 siteWideChecks: siteWide)
        }
        if memory == nil {
            report.leftovers = BuildLeftovers(values: [rendered, specs, resolved, links, files, stage])
        }
        let result = stop()
        return (result.report, memory)
    }

    /// Makes the non-page files (feeds, calendars, JSON) one after another, streaming each into
    /// `stage` or, without one, handing it whole to `output`; returns their paths. They run beside
    /// the pages, and the export spreads its own work across the cores, which it could not do
    /// inside another parallel loop (Dispatch runs a nested one on a single thread).
    static func make(_ specs: [FileSpec], site: Site, options: BuildOptions, stage: OutputStage? = nil,
                     output: @Sendable (OutputFile) -> Void) -> [String] {
        for spec in specs {
            if let stage {
                stage.accept(path: spec.path) { write in spec.stream(site, options, write) }
            } else {
                output(OutputFile(path: spec.path, bytes: spec.make(site, options)))
            }
        }
        return specs.map(\.path)
    }

    /// Parses the config, every school file and every policy, policies in parallel.
    static func parse(_ sources: SiteSources, cache: ParseCache? = nil) async -> (Site, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var config = SiteConfig()
        if let text = sources.config {
            let (parsed, d) = SiteConfig.parse(text.text, path: text.path)
            diagnostics += d
            if let parsed { config = parsed }
        }
        // Each job is a policy file, or an earlier version of one (with its adopted date).
        let jobs: [(Int, Slug, SourceText, PolicyVersionSource?)] = sources.schools.enumerated().flatMap { index, school in
            school.policies.map { (index, $0.slug, $0.source, nil) } + school.versions.map { (index, $0.policy, $0.source, $0) }
        }
        // The school files too are parsed in parallel (a thousand of them on a large site), beside
        // the policies, so neither waits for the other's last few.
        async let schoolsParsed = sources.schools.concurrentMap { school -> (School?, [Diagnostic])? in
            guard let file = school.schoolFile else { return nil }
            return cache?.school(file, slug: school.slug) ?? School.parse(file.text, slug: school.slug, path: file.path)
        }
        let parsed = await withTaskGroup(of: (Int, [(Int, Policy?, [Diagnostic], PolicyVersionSource?)]).self) { group in
            let chunk = max(1, jobs.count / (ProcessInfoCores.count * 16))
            var start = 0
            while start < jobs.count {
                let first = start
                let slice = jobs[start..<min(start + chunk, jobs.count)]
                group.addTask {
                    (first, slice.map { index, slug, source, version in
                        let school = sources.schools[index].slug
                        let (policy, d) = cache?.policy(source, school: school, slug: slug)
                            ?? Policy.parse(source.text, school: school, slug: slug, path: source.path)
                        return (index, policy, d, version)
                    })
                }
                start += chunk
            }
            // In the jobs' order, whichever finished first.
            var slices: [(Int, [(Int, Policy?, [Diagnostic], PolicyVersionSource?)])] = []
            for await results in group { slices.append(results) }
            return slices.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
        var policiesBySchool: [Int: [Policy]] = [:]
        var versionsBySchool: [Int: [(Policy, PolicyVersionSource)]] = [:]
        for (index, policy, d, version) in parsed {
            diagnostics += d
            guard let policy else { continue }
            if let version { versionsBySchool[index, default: []].append((policy, version)) } else { policiesBySchool[index, default: []].append(policy) }
        }
        let schools = await schoolsParsed
        var publishers: [Publisher] = []
        for (index, parsed) in schools.enumerated() {
            guard let (parsedSchool, d) = parsed else { continue }
            diagnostics += d
            guard let parsedSchool else { continue }
            let (policies, historyDiagnostics) = Policy.attachingHistory(versionsBySchool[index] ?? [],
                                                                         to: (policiesBySchool[index] ?? []).sorted { $0.slug < $1.slug })
            diagnostics += historyDiagnostics
            publishers.append(Publisher(school: parsedSchool, policies: policies))
        }
        return (Site(config: config, publishers: publishers.sorted { $0.school.slug < $1.school.slug }), diagnostics)
    }

    /// Copies `templates/assets/*` to `assets/` in the output.
    static func assets(in templates: String, diagnostics: inout [Diagnostic]) -> [OutputFile] {
        let folder = templates + "/assets"
        var files: [OutputFile] = []
        for name in SiteLoader.visibleEntries(folder) {
            guard Slug(deriving: name) != nil, !name.contains("/"), let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            files.append(OutputFile(path: "assets/" + name, bytes: [UInt8](data)))
        }
        if !files.contains(where: { $0.path == "assets/site.css" }) {
            diagnostics.append(.error("templates/assets/site.css is missing", at: SourceLocation(path: folder)))
        }
        return files
    }
}

extension SiteConfig {
    /// Reads `content/site.yml`: `title:` and `description:`.
    static func parse(_ text: String, path: String) -> (SiteConfig?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard var fields = YAMLFields(yaml: text, path: path, firstLine: 1, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        var config = SiteConfig()
        if let t = fields.string("title") { config.title = t }
        config.description = fields.string("description")
        diagnostics += fields.finish(known: "title, description")
        return (config, diagnostics)
    }
}
