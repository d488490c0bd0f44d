/// Earlier adopted versions attached to the policies they belong to.
extension Policy {
    /// Attaches each parsed earlier version to its policy's `history` (newest first). A version
    /// whose policy does not exist, or that is not older than the current adoption, is reported.
    static func attachingHistory(_ versions: [(Policy, PolicyVersionSource)], to policies: [Policy]) -> ([Policy], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var result = policies
        var indexBySlug: [Slug: Int] = [:]
        for (i, p) in policies.enumerated() { indexBySlug[p.slug] = i }
        var reportedFolders: Set<String> = []
        for (parsed, source) in versions {
            guard let i = indexBySlug[source.policy] else {
                if reportedFolders.insert(source.folder).inserted {
                    diagnostics.append(.warning("earlier versions of '\(source.policy)', but there is no \(source.policy).md beside this folder", at: SourceLocation(path: source.folder)))
                }
                continue
            }
            var version = parsed
            let adoptedAt = version.fieldLocations["adopted"] ?? SourceLocation(path: version.path)
            if let written = version.adopted, written != source.adopted {
                diagnostics.append(.warning("adopted (\(written.iso)) differs from the file name (\(source.adopted.iso)); the file name is used", at: adoptedAt))
            }
            version.adopted = source.adopted
            if let current = result[i].adopted, !(source.adopted.lastDay < current.firstDay) {
                diagnostics.append(.warning("this earlier version (\(source.adopted.iso)) is not older than the current adoption (\(current.iso))", at: SourceLocation(path: version.path)))
            }
            result[i].history.append(version)
        }
        for i in result.indices { result[i].history.sort { ($0.adopted ?? $0.firstAdoptedFallback) > ($1.adopted ?? $1.firstAdoptedFallback) } }
        return (result, diagnostics)
    }

    private var firstAdoptedFallback: PolicyDate { PolicyDate(year: 1900, month: 1, day: 1)! }
}
