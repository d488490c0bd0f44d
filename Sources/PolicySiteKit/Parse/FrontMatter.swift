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
    /// Scans line starts only as far as the closing line, so the body is never copied line by line.
    static func split(_ text: String, path: String) -> Result<FrontMatterSplit, Diagnostic> {
        let utf8 = text.utf8
        func lineEnd(from start: String.Index) -> String.Index { utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex }
        func isFence(_ line: Substring, _ fences: [Substring]) -> Bool { fences.contains(line.trimmingTrailingSpaces()) }
        /// The end of `start..<end` without its last line break ("\n" or "\r\n", one character),
        /// found from the bytes rather than by walking the characters.
        func withoutLineBreak(_ start: String.Index, _ end: String.Index) -> String.Index {
            guard start < end, utf8[utf8.index(before: end)] == 0x0A else { return end }
            let lf = utf8.index(before: end)
            return lf > start && utf8[utf8.index(before: lf)] == 0x0D ? utf8.index(before: lf) : lf
        }
        let firstEnd = lineEnd(from: text.startIndex)
        guard !text.isEmpty, isFence(text[text.startIndex..<firstEnd], ["---"]) else {
            return .failure(.error("front matter missing: a policy file must start with a '---' line, then title: and the other fields, then '---'", at: SourceLocation(path: path, line: 1, column: 1)))
        }
        var line = 2
        var start = firstEnd < utf8.endIndex ? utf8.index(after: firstEnd) : utf8.endIndex
        let yamlStart = start
        while start < utf8.endIndex {
            let end = lineEnd(from: start)
            if isFence(text[start..<end], ["---", "..."]) {
                let yaml = String(text[yamlStart..<withoutLineBreak(yamlStart, start)])
                let bodyStart = end < utf8.endIndex ? utf8.index(after: end) : utf8.endIndex
                let body = String(text[bodyStart..<withoutLineBreak(bodyStart, utf8.endIndex)])
                return .success(FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: line + 1))
            }
            line += 1
            start = end < utf8.endIndex ? utf8.index(after: end) : utf8.endIndex
        }
        return .failure(.error("front matter is never closed: add a '---' line after the last field", at: SourceLocation(path: path, line: 1, column: 1)))
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
