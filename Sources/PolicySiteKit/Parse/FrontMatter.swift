/// A Markdown file split into its YAML front matter and its body.
struct FrontMatterSplit: Sendable {
    /// The YAML between the `---` lines.
    var yaml: String
    /// Line of the file where the YAML starts (the line after the opening `---`).
    var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    var body: String
    /// Line of the file where the body starts.
    var bodyFirstLine: Int

    /// Splits `text`; front matter must open on the first line and be closed by a `---` line.
    static func split(_ text: String, path: String) -> Result<FrontMatterSplit, Diagnostic> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            return .failure(.error("front matter missing: a policy file must start with a '---' line, then title: and the other fields, then '---'", at: SourceLocation(path: path, line: 1, column: 1)))
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces() == "---" || lines[$0].trimmingTrailingSpaces() == "..." }) else {
            return .failure(.error("front matter is never closed: add a '---' line after the last field", at: SourceLocation(path: path, line: 1, column: 1)))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: close + 2))
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
