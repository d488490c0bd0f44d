/// A page's folder inside the output, built only from slugs and fixed names, so it can never
/// point outside the output folder. The page itself is `<folder>/index.html`.
public struct SitePath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let components: [String]

    public static let root = SitePath(components: [])

    init(components: [String]) { self.components = components }

    /// A fixed folder name known to the generator ("clauses", "legislation").
    static func fixed(_ names: String...) -> SitePath { SitePath(components: names) }

    public func appending(_ slug: Slug) -> SitePath { SitePath(components: components + [slug.rawValue]) }
    func appending(fixed name: String) -> SitePath { SitePath(components: components + [name]) }

    /// `roe-green/policy/` (empty for the root).
    public var urlPath: String { components.isEmpty ? "" : components.joined(separator: "/") + "/" }

    /// `roe-green/policy/index.html`.
    public var file: String { urlPath + "index.html" }

    /// `../../` from this page's folder to the site root.
    public var root: String { String(repeating: "../", count: components.count) }

    /// A relative link from a page in this folder to `target` (and an optional fragment).
    public func link(to target: SitePath, fragment: String? = nil) -> String {
        let base = self == target ? "" : root + target.file
        guard let fragment else { return base.isEmpty ? "index.html" : base }
        return base + "#" + fragment
    }

    public var description: String { "/" + urlPath }

    public static func < (a: SitePath, b: SitePath) -> Bool { a.components.lexicographicallyPrecedes(b.components) }
}

/// One file of the built site: its path under the output folder and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]
}
