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
    /// Sorted by slug, as parsing makes them.
    public var publishers: [Publisher]

    /// The publisher `slug`, found by a binary search of `publishers`.
    public func publisher(_ slug: Slug) -> Publisher? {
        var low = 0, high = publishers.count
        while low < high {
            let middle = (low + high) / 2
            if publishers[middle].school.slug < slug { low = middle + 1 } else { high = middle }
        }
        return low < publishers.count && publishers[low].school.slug == slug ? publishers[low] : nil
    }

    /// All policies, in publisher then policy order.
    public var policies: [Policy] { publishers.flatMap(\.policies) }
}
