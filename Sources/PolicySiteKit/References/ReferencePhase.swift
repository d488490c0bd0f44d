/// The resolve-phase step for cross-references and legislation: reads the glossary, indexes every
/// policy's references once, and adds the linker, the clause index, the legislation pages and
/// the publisher-page notes to the resolved site.
enum ReferencePhase {
    static func resolve(_ site: Site, sources: SiteSources, options: BuildOptions, scans: ReferenceScanStore? = nil,
                        into resolved: inout ResolvedSite) {
        var legislation = Legislation()
        var dataPath = options.content + "/data/legislation.yml"
        if let data = sources.data["legislation"] {
            dataPath = data.path
            let (parsed, diagnostics) = Legislation.parse(data.text, path: data.path)
            resolved.diagnostics += diagnostics
            if let parsed { legislation = parsed }
        }
        var texts: [String: String] = [:]
        for school in sources.schools {
            for policy in school.policies { texts[policy.source.path] = policy.source.text }
        }
        let scanner = scans?.scanner ?? ReferenceScanner(site: site, legislation: legislation)
        scans?.scanner = scanner
        let index = ReferenceIndex.build(site: site, legislation: legislation, scanner: scanner, sourceTexts: texts, store: scans)
        resolved.diagnostics += index.diagnostics
        resolved.linkers.append(ReferenceLinker(scanner: scanner, legislation: legislation, found: index.found))
        if !site.policies.isEmpty { resolved.pages.append(ClauseIndexPage.spec(site, contentFolder: options.content)) }
        let places = CitingPlaces(site: site)
        resolved.pages += LegislationPages.specs(legislation, index: index, places: places, dataPath: dataPath)
        for publisher in site.publishers {
            if let addition = PublisherReferenceNotes.addition(for: publisher.school.slug, index: index, legislation: legislation, places: places) {
                resolved.publisherAdditions[publisher.school.slug, default: []].append(addition)
            }
        }
    }
}
