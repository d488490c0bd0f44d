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
    /// Adds what another part of the phase found after what this one holds. (Includes and the
    /// lineage come from one part only, this one.)
    mutating func append(_ other: ResolvedSite) {
        linkers += other.linkers
        pages += other.pages
        files += other.files
        fileBatches += other.fileBatches
        diagnostics += other.diagnostics
        publisherAdditions.merge(other.publisherAdditions) { $0 + $1 }
        lineage = lineage ?? other.lineage
    }

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
        // The reference phase reads every policy's text across the cores; the people and
        // governance pages, made on one core from the parsed site alone, are made beside it.
        var (resolved, references) = concurrently({
            var resolved = ResolvedSite()
            resolved.diagnostics += checkLineage(site)
            PeoplePages.resolve(site, sources: sources, into: &resolved)
            GovernancePages.resolve(site, options: options, into: &resolved)
            return resolved
        }, {
            var references = ResolvedSite()
            ReferencePhase.resolve(site, sources: sources, options: options, scans: cache?.referenceScans, into: &references)
            return references
        })
        resolved.append(references)
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
