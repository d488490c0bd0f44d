/// The phases of a build, in order. Links can only be rendered once every page's ids are known,
/// so resolving comes between parsing and rendering.
public enum BuildStep: String, Sendable, CaseIterable {
    /// Read `content/` and `templates/`, checking encodings.
    case load
    /// Parse school files and policies (front matter, Markdown, structure) in parallel.
    case parse
    /// Build indexes: anchors, references, citations, backlinks.
    case resolve
    /// Render every page in parallel.
    case render
    /// Check every internal link and fragment against the rendered ids.
    case check
    /// Write changed files into the output folder.
    case write
}

/// What a build did: its diagnostics, what it wrote, and how long each phase took.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var written = 0
    public var unchanged = 0
    public var removed = 0
    public var pages = 0
    public var timings: [(step: BuildStep, seconds: Double)] = []
    /// The parsed site, for callers that need it (check, serve).
    public var site: Site?

    /// False when any error (or, under --strict, any warning) stopped the build.
    public var succeeded: Bool { !diagnostics.hasErrors }
}
