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
    /// About how many bytes the page's template will write, when it is known to be large, so its
    /// buffer is made that size at once rather than grown (and copied) to it.
    var expectedSize = 0
}

/// Adds values to another page's template context (publisher pages get notes from later phases).
typealias PageContextAddition = @Sendable (PageEnvironment) -> [String: Any]

/// What a page or file is made from, so that a rebuild after an edit knows what to make again:
/// one policy (its page, forms, earlier versions), one publisher (its pages, its search index), or
/// the whole site (the clause index, legislation, feeds, export: anything read from every policy).
enum PageScope: Hashable, Sendable {
    case site
    case publisher(Slug)
    case policy(Slug, Slug)

    /// The scope of `policy`'s own outputs.
    static func of(_ policy: Policy) -> PageScope { .policy(policy.school, policy.slug) }

    /// True when an edit to the text of `policy` (which left what other pages read of it unchanged)
    /// can change an output in this scope.
    func isAffected(byTextOf policy: PageScope) -> Bool {
        switch (self, policy) {
        case (.site, _): true
        case (.publisher(let a), .policy(let b, _)): a == b
        case (.policy, .policy): self == policy
        default: false
        }
    }
}

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
    /// What the page shows: a rebuild after an edit makes it again only if the edit is in one of these.
    var dependsOn: [PageScope] = [.site]
    var makeContent: @Sendable (PageEnvironment) -> PageContent
}

/// A non-HTML output (feed, calendar, JSON) with the source it is reported against.
struct FileSpec: Sendable {
    var path: String
    var dependsOn: [PageScope] = [.site]
    /// Hands the file's bytes to `write`, in one piece or (for a file of tens of megabytes, the
    /// export) several, so that a build that writes it never holds it whole.
    var stream: @Sendable (Site, BuildOptions, _ write: ([UInt8]) -> Void) -> Void

    init(path: String, dependsOn: [PageScope] = [.site], make: @escaping @Sendable (Site, BuildOptions) -> [UInt8]) {
        self.path = path
        self.dependsOn = dependsOn
        stream = { site, options, write in write(make(site, options)) }
    }

    init(path: String, dependsOn: [PageScope] = [.site], stream: @escaping @Sendable (Site, BuildOptions, _ write: ([UInt8]) -> Void) -> Void) {
        self.path = path
        self.dependsOn = dependsOn
        self.stream = stream
    }

    /// The file's bytes, whole.
    func make(_ site: Site, _ options: BuildOptions) -> [UInt8] {
        var bytes: [UInt8] = []
        stream(site, options) { bytes += $0 }
        return bytes
    }
}

/// Non-HTML outputs made together (a search index), each handed to `output` as it is made so the
/// build need not hold them; `make` returns their paths.
struct FileBatchSpec: Sendable {
    var make: @Sendable (Site, BuildOptions, _ output: @Sendable (OutputFile) -> Void) -> [String]
    /// Makes only the files of these publishers (none of the site's own), for a rebuild after an
    /// edit in them; nil when the batch has no per-publisher files.
    var makePublishers: (@Sendable (Site, BuildOptions, Set<Slug>, _ output: @Sendable (OutputFile) -> Void) -> [String])? = nil
}
