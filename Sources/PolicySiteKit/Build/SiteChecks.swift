/// The check phase: every internal link, every output path once, every page safe to publish, and
/// every template key given by some page.
enum SiteChecks {
    /// `files` are the paths of every output that is not a page. (Each page's bytes were checked
    /// for anything unsafe to publish as it was rendered; those findings are reported here.)
    static func run(rendered: SiteRenderer.RenderedSite, files: [String], templates: Templates, options: BuildOptions) -> [Diagnostic] {
        let links = LinkChecker.checkEach(rendered.pages, idsByFile: LinkChecker.idsByFile(rendered.pages), otherFiles: Set(files))
        return combined(rendered.pages, links: links, siteWide: siteWide(rendered: rendered, files: files, templates: templates, options: options))
    }

    /// The findings of the checks put together: each broken link once, the site-wide checks, and
    /// what each page's bytes showed unsafe.
    static func combined(_ pages: some Sequence<SiteRenderer.RenderedPage>, links: [String: [Diagnostic]], siteWide: [Diagnostic]) -> [Diagnostic] {
        Set(links.values.joined()).sorted() + siteWide + pages.flatMap(\.unsafe)
    }

    /// The checks of the site as a whole rather than of one page: paths made twice, template keys
    /// no page gives.
    static func siteWide(rendered: SiteRenderer.RenderedSite, files: [String], templates: Templates, options: BuildOptions) -> [Diagnostic] {
        duplicatePaths(pages: rendered.pages, files: files, content: options.content)
            + TemplateCheck.unknownKeys(templates, keyUse: rendered.keyUse)
    }

    /// Two sources that would make the same file: reported at each later source, naming the first.
    /// Policies of one publisher cannot collide (file names are unique and only lower-case slugs are
    /// accepted, so `Policy.md` beside `policy.md` is refused); a publisher folder can take a name
    /// the site uses itself (`accessibility`), and other page kinds may add more such names.
    static func duplicatePaths(pages: [SiteRenderer.RenderedPage], files: [String], content: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var sourcesByPath: [String: [SourceLocation]] = [:]
        for page in pages { sourcesByPath[page.path, default: []].append(page.source) }
        for (path, sources) in sourcesByPath where sources.count > 1 {
            let sorted = sources.sorted()
            for source in sorted.dropFirst() {
                diagnostics.append(.error("this would be published at /\(path), where \(sorted[0].path) is already published; rename this folder or file", at: source))
            }
        }
        var seen: Set<String> = []
        for file in pages.map(\.path) + files where !seen.insert(file).inserted && (sourcesByPath[file]?.count ?? 0) < 2 {
            diagnostics.append(.error("two files would be written to /\(file); rename one of the sources", at: SourceLocation(path: content)))
        }
        return diagnostics.sorted()
    }
}
