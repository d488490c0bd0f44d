/// The resolve phase's output: what rendering needs beyond the parsed site.
struct ResolvedSite: Sendable {
    var linkers: [any TextLinker] = []
    var pages: [PageSpec] = []
    var files: [FileSpec] = []
    var fileBatches: [FileBatchSpec] = []
    var diagnostics: [Diagnostic] = []
    /// What ```include blocks in policies show.
    var includes = Includes()
    /// Extra template values for publisher pages, by publisher.
    var publisherAdditions: [Slug: [PageContextAddition]] = [:]
    /// Which policies are compared with which.
    var lineage: Lineage?
}

extension ResolvedSite {
    /// Every HTML page of the site: the core pages (with what resolving found) and the features' pages.
    /// The one list both `SiteBuilder` and the fuzz pipeline render.
    func pageSpecs(for site: Site, contentFolder: String) -> [PageSpec] {
        CorePages.specs(for: site, linkers: linkers, includes: includes, publisherAdditions: publisherAdditions,
                        lineage: lineage ?? Lineage(site), contentFolder: contentFolder) + pages
    }
}

/// Builds the site-wide indexes once every policy is parsed.
enum SiteResolver {
    static func resolve(_ site: Site, sources: SiteSources, options: BuildOptions, cache: ParseCache? = nil) -> ResolvedSite {
        var resolved = ResolvedSite()
        resolved.diagnostics += checkLineage(site)
        PeoplePages.resolve(site, sources: sources, into: &resolved)
        GovernancePages.resolve(site, options: options, into: &resolved)
        ReferencePhase.resolve(site, sources: sources, options: options, scans: cache?.referenceScans, into: &resolved)
        SearchPages.add(to: &resolved, site: site, sources: sources, options: options, cache: cache)
        return resolved
    }

    /// Every `based_on` must name a published policy.
    static func checkLineage(_ site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for publisher in site.publishers {
            for policy in publisher.policies {
                guard let ref = policy.basedOn, let location = policy.basedOnLocation else { continue }
                let school = ref.school ?? publisher.school.slug
                if site.publisher(school)?.policies.contains(where: { $0.slug == ref.policy }) != true {
                    diagnostics.append(.warning("based_on '\(school)/\(ref.policy)' is not a published policy", at: location))
                }
            }
        }
        return diagnostics
    }
}
