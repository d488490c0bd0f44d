/// What a page is about, for the site navigation's "you are here".
public enum NavSection: String, Sendable, CaseIterable {
    case home, publishers, clauses, legislation, contacts, reviews, search, accessibility
}

/// What a page's context builder gets: where the page is, and how to link from it.
struct PageEnvironment: Sendable {
    let path: SitePath
    let site: Site
    let options: BuildOptions

    func link(to target: SitePath, fragment: String? = nil) -> String { path.link(to: target, fragment: fragment) }
}

/// The result of building one page's template context.
struct PageContent {
    var context: [String: Any]
    var diagnostics: [Diagnostic] = []
    /// Internal links from content (not templates), with their source locations.
    var links: [(href: String, location: SourceLocation)] = []
}

/// Adds values to another page's template context (publisher pages get notes from later phases).
typealias PageContextAddition = @Sendable (PageEnvironment) -> [String: Any]

/// One HTML page to render: where it goes, its title and template, and how to build its context.
struct PageSpec: Sendable {
    var path: SitePath
    var title: String
    var template: String
    var section: NavSection
    var breadcrumbs: [(title: String, path: SitePath)] = []
    var description: String? = nil
    /// Where problems with this page are reported when no better source is known.
    var source: SourceLocation
    var makeContent: @Sendable (PageEnvironment) -> PageContent
}

/// A non-HTML output (feed, calendar, JSON) with the source it is reported against.
struct FileSpec: Sendable {
    var path: String
    var make: @Sendable (Site, BuildOptions) -> [UInt8]
}

/// Non-HTML outputs made together (a search index), each handed to `output` as it is made so the
/// build need not hold them; `make` returns their paths.
struct FileBatchSpec: Sendable {
    var make: @Sendable (Site, BuildOptions, _ output: @Sendable (OutputFile) -> Void) -> [String]
}
