/// Diagnostics laid out for a person reading a terminal (`policy-site check`): grouped by file,
/// files in path order, each file's problems by line, then a one-line summary.
public enum DiagnosticListing {
    /// One block per file: the path, then `  line:column: severity: message` lines.
    public static func grouped(_ diagnostics: [Diagnostic]) -> String {
        var byFile: [String: [Diagnostic]] = [:]
        for d in diagnostics { byFile[d.location.path, default: []].append(d) }
        var out = ""
        for path in byFile.keys.sorted() {
            if !out.isEmpty { out += "\n" }
            out += path + "\n"
            for d in byFile[path]!.sorted() {
                out += "  \(d.location.line):\(d.location.column): \(d.severity.rawValue): \(d.message)\n"
            }
        }
        return out
    }

    /// "2 errors, 1 warning in 2 files; checked 5 publishers, 5 policies and 14 pages".
    public static func summary(_ diagnostics: [Diagnostic], site: Site?, pages: Int) -> String {
        let files = Set(diagnostics.map(\.location.path)).count
        var text = diagnostics.isEmpty ? "no problems" : "\(diagnostics.summary) in \(files) file\(files == 1 ? "" : "s")"
        if let site {
            let publishers = site.publishers.count
            let policies = site.policies.count
            text += "; checked \(publishers) publisher\(publishers == 1 ? "" : "s"), \(policies) polic\(policies == 1 ? "y" : "ies")"
            text += pages > 0 ? " and \(pages) page\(pages == 1 ? "" : "s")" : ""
        }
        return text
    }
}
