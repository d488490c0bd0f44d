import Foundation

/// An earlier adopted version of a policy, kept beside it as
/// `content/schools/<publisher>/<policy>.versions/<YYYY-MM-DD>.md`; the file name is the date
/// that version was adopted.
struct PolicyVersionSource: Sendable {
    static let folderSuffix = ".versions"

    var policy: Slug
    var adopted: PolicyDate
    var source: SourceText
    /// The `<policy>.versions` folder, for diagnostics about the folder as a whole.
    var folder: String
}

extension SiteLoader {
    /// Reads one `<policy>.versions` folder: every `YYYY-MM-DD.md` in it.
    static func loadVersions(_ folder: String, read: (String) -> SourceText?) -> ([PolicyVersionSource], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let name = (folder as NSString).lastPathComponent
        guard let policy = Slug(validating: String(name.dropLast(PolicyVersionSource.folderSuffix.count))) else {
            diagnostics.append(.error("folder name '\(name)' is not a policy slug followed by .versions (for example online-safety.versions)", at: SourceLocation(path: folder)))
            return ([], diagnostics)
        }
        var versions: [PolicyVersionSource] = []
        for file in visibleEntries(folder) {
            let path = folder + "/" + file
            guard file.hasSuffix(".md"), !isFolder(path), let date = PolicyDate(iso: String(file.dropLast(3))) else {
                diagnostics.append(.error("an earlier version must be named after the date it was adopted: YYYY-MM-DD.md (2024-09-01.md) or YYYY-MM.md", at: SourceLocation(path: path)))
                continue
            }
            if let text = read(path) { versions.append(PolicyVersionSource(policy: policy, adopted: date, source: text, folder: folder)) }
        }
        return (versions, diagnostics)
    }
}
