import Markdown

extension Includes {
    /// Parses the shared data and checks every include block of every policy, so a wrong name or
    /// a missing data file is reported at its line before anything is rendered.
    static func resolve(_ site: Site, sources: SiteSources) -> (Includes, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var includes = Includes()
        let data = sources.data[ServiceProviders.dataName]
        if let data {
            let (parsed, d) = ServiceProviders.parse(data.text, path: data.path)
            diagnostics += d
            includes.serviceProviders = parsed
        }
        for publisher in site.publishers { includes.schools[publisher.school.slug] = publisher.school }
        for publisher in site.publishers {
            for policy in publisher.policies {
                for fence in policy.includeFences {
                    diagnostics += fence.diagnostics
                    guard let include = fence.include else { continue }
                    if include.kind == .serviceProviders, data == nil {
                        diagnostics.append(.error("include 'service-providers' needs the file data/\(ServiceProviders.dataName).yml in the content folder", at: include.location))
                    }
                    diagnostics += includes.check(include, school: publisher.school)
                }
            }
        }
        return (includes, diagnostics)
    }

    /// Names for providers that do not exist, and includes that would show nothing.
    func check(_ include: Include, school: School) -> [Diagnostic] {
        switch include.kind {
        case .serviceProviders:
            guard let serviceProviders else { return [] }
            let ids = serviceProviders.providers.map(\.id.rawValue)
            return include.names.filter { !ids.contains($0.id) }.map {
                .warning("no service provider has the id '\($0.id)' (ids: \(ids.joined(separator: ", ")))", at: $0.location)
            }
        case .digitalSafetyLeads:
            guard school.digitalSafetyLeads.isEmpty else { return [] }
            return [.warning("include 'digital-safety-leads' shows nothing: \(school.path) lists no digital_safety_leads", at: include.location)]
        }
    }

    /// Every include fence in `blocks`, in lists and quotes too.
    static func includeBlocks(_ blocks: [Block]) -> [CodeBlock] {
        blocks.flatMap { block -> [CodeBlock] in
            switch block {
            case .codeBlock(let c): Include.looksLikeInclude(c.info) ? [c] : []
            case .list(let list): list.items.flatMap { includeBlocks($0.blocks) }
            case .blockQuote(let q): includeBlocks(q.blocks)
            default: []
            }
        }
    }
}
