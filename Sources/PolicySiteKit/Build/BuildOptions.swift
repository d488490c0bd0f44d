import Foundation

/// What a build reads, where it writes, and how strict it is.
public struct BuildOptions: Sendable {
    /// The content folder (holds `schools/` and `data/`).
    public var content: String
    /// The templates folder (holds `*.mustache` and `assets/`).
    public var templates: String
    /// The output folder.
    public var output: String
    /// Where the site will be served: `/`, `/policies/`, or `https://school.example/policies/`.
    public var baseURL: BaseURL
    /// Warnings count as errors.
    public var strict: Bool
    /// The date review status is computed against.
    public var today: PolicyDate

    public init(content: String = "content", templates: String = "templates", output: String = "site",
                baseURL: BaseURL = BaseURL("/")!, strict: Bool = false, today: PolicyDate) {
        self.content = content
        self.templates = templates
        self.output = output
        self.baseURL = baseURL
        self.strict = strict
        self.today = today
    }
}

/// The URL the site is served under. Links inside the site are relative (so it also works from
/// `file://`); the base URL is used for canonical links, feeds, the sitemap and printed URLs.
public struct BaseURL: Sendable, Hashable, CustomStringConvertible {
    /// Always ends with `/`.
    public let value: String

    /// Accepts an absolute path (`/policies/`) or an http(s) URL; nil for anything else.
    public init?(_ text: String) {
        var t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, !t.contains(" "), !t.contains("\""), !t.contains("<"), !t.contains(">") else { return nil }
        let lower = t.lowercased()
        guard t.hasPrefix("/") || lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        guard !t.contains("/../"), !t.hasSuffix("/..") else { return nil }
        if !t.hasSuffix("/") { t += "/" }
        value = t
    }

    /// True for an `http(s)://` base, which can make absolute URLs for feeds and canonical links.
    public var isAbsolute: Bool { value.lowercased().hasPrefix("http") }

    /// The URL of a site path: `base + "roe-green/"`.
    public func url(_ path: SitePath) -> String { value + path.urlPath }

    public var description: String { value }
}
