/// A publisher with its policies, sorted by slug.
public struct Publisher: Sendable {
    public var school: School
    public var policies: [Policy]

    public var path: SitePath { SitePath.root.appending(school.slug) }
    public func path(of policy: Policy) -> SitePath { path.appending(policy.slug) }
}

/// Site-wide settings from `content/site.yml` (all optional).
public struct SiteConfig: Sendable {
    public var title: String = "School policies"
    public var description: String? = nil
}

/// Everything the build knows after parsing: the input to resolving and rendering.
public struct Site: Sendable {
    public var config: SiteConfig
    public var publishers: [Publisher]

    public func publisher(_ slug: Slug) -> Publisher? {
        publishers.first { $0.school.slug == slug }
    }

    /// All policies, in publisher then policy order.
    public var policies: [Policy] { publishers.flatMap(\.policies) }
}
