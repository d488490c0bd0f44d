/// The check phase: every internal link, every output path once, every page safe to publish, and
/// every template key given by some page.
enum SiteChecks {
    static func run(pages: [SiteRenderer.RenderedPage], files: [OutputFile], templates: Templates, options: BuildOptions) -> [Diagnostic] {
        var diagnostics = LinkChecker.check(pages: pages, otherFiles: Set(files.map(\.path)), baseURL: options.baseURL)
        diagnostics += duplicatePaths(pages: pages, files: files, content: options.content)
        for page in pages {
            for problem in OutputSafety.problems(in: page.file.bytes, policy: SiteRenderer.contentSecurityPolicy) {
                diagnostics.append(.error("page /\(page.file.path) \(problem), which is not published (a bug in a template or in policy-site)", at: page.source))
            }
        }
        var vocabularies: [String: ContextVocabulary] = [:]
        for page in pages {
            for (template, vocabulary) in page.vocabularies { vocabularies[template, default: ContextVocabulary()].formUnion(vocabulary) }
        }
        diagnostics += TemplateCheck.unknownKeys(templates.tags, paths: templates.paths, vocabularies: vocabularies)
        return diagnostics
    }

    /// Two sources that would make the same file: reported at each later source, naming the first.
    /// Policies of one publisher cannot collide (file names are unique and only lower-case slugs are
    /// accepted, so `Policy.md` beside `policy.md` is refused); a publisher folder can take a name
    /// the site uses itself (`accessibility`), and other page kinds may add more such names.
    static func duplicatePaths(pages: [SiteRenderer.RenderedPage], files: [OutputFile], content: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var sourcesByPath: [String: [SourceLocation]] = [:]
        for page in pages { sourcesByPath[page.file.path, default: []].append(page.source) }
        for (path, sources) in sourcesByPath where sources.count > 1 {
            let sorted = sources.sorted()
            for source in sorted.dropFirst() {
                diagnostics.append(.error("this would be published at /\(path), where \(sorted[0].path) is already published; rename this folder or file", at: source))
            }
        }
        var seen: Set<String> = []
        for file in files where !seen.insert(file.path).inserted && (sourcesByPath[file.path]?.count ?? 0) < 2 {
            diagnostics.append(.error("two files would be written to /\(file.path); rename one of the sources", at: SourceLocation(path: content)))
        }
        return diagnostics.sorted()
    }
}
