/// A piece of running text after reference detection: plain text, or a link the generator made.
public enum TextSegment: Sendable, Equatable {
    case text(String)
    /// `href` is relative to the page; `title` is an optional tooltip; `cssClass` marks the kind.
    case link(href: String, text: String, title: String?, cssClass: String)
}

/// Where a run of text sits, so a linker can resolve "Appendix 2" against the right policy and
/// report problems at the right line.
public struct TextContext: Sendable {
    public var policy: Policy
    /// The anchor the text belongs to (the clause or section it is in), if any.
    public var anchorID: String?
    public var location: SourceLocation
}

/// Turns phrases in running text ("see Appendix 2", "the Public Order Act 1986") into links.
/// Never called for text inside headings or existing links.
public protocol TextLinker: Sendable {
    func segments(for text: String, in context: TextContext) -> [TextSegment]
}
