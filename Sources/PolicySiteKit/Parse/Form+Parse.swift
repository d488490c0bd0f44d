import Markdown

/// The info string of a form fence: `form <slug> "<title>"`.
struct FormHeader {
    var slug: Slug
    var title: String

    init?(info: String) {
        let trimmed = info.drop { $0 == " " }
        guard trimmed.hasPrefix("form ") || trimmed == "form" else { return nil }
        var rest = trimmed.dropFirst(4).drop { $0 == " " }
        let slugText = rest.prefix { $0 != " " }
        rest = rest.dropFirst(slugText.count).drop { $0 == " " }
        var title = String(rest)
        if title.count >= 2, title.first == "\"", title.last == "\"" { title = String(title.dropFirst().dropLast()) }
        guard let slug = Slug(validating: String(slugText)) else { return nil }
        self.slug = slug
        self.title = title.isEmpty ? "Declaration" : title
    }

    /// True when `info` is meant as a form, even if malformed.
    static func looksLikeForm(_ info: String) -> Bool {
        info.drop { $0 == " " }.hasPrefix("form")
    }
}

extension Form {
    /// Builds a form from a fenced block; errors name the fence's line.
    static func parse(_ block: CodeBlock, path: String, lineOffset: Int) -> (Form?, [Diagnostic]) {
        let location = SourceLocation(path: path, line: block.position.line + lineOffset, column: block.position.column)
        guard let header = FormHeader(info: block.info) else {
            return (nil, [.error("a form needs a slug and a title: ```form staff-declaration \"Staff Declaration\"", at: location)])
        }
        let document: MarkdownDocument
        do {
            document = try MarkdownDocument.parse(block.literal)
        } catch {
            let line = block.contentLine + error.position.line - 1 + lineOffset
            return (nil, [.error("in this form: \(error.message)", at: SourceLocation(path: path, line: line, column: error.position.column))])
        }
        var parts: [Part] = []
        let blocks = document.blocks
        for (i, b) in blocks.enumerated() {
            if case .paragraph(let p) = b, let label = fieldLabel(p.content.plainText, nextIsList: i + 1 < blocks.count && blocks[i + 1].isList) {
                parts.append(.field(Field(label: label)))
            } else {
                parts.append(.text(b))
            }
        }
        var diagnostics: [Diagnostic] = []
        if !parts.contains(where: { if case .field = $0 { true } else { false } }) {
            diagnostics.append(.warning("form '\(header.slug)' has no field to fill in (a line like 'Signed:')", at: location))
        }
        return (Form(slug: header.slug, title: header.title, parts: parts, location: location), diagnostics)
    }

    /// "Signed:", "Signed (Head Teacher):.....", "Name: (please print)" are fields; "I will:" before
    /// a list is not. Returns the label as written, without leader dots or underscores.
    static func fieldLabel(_ text: String, nextIsList: Bool) -> String? {
        // Most paragraphs of a form have no colon: turned away by bytes, not walked by characters.
        guard text.utf8.contains(UInt8(ascii: ":")) else { return nil }
        var t = Substring(text)
        while let last = t.last, last == "." || last == "_" || last == "…" || last == " " { t = t.dropLast() }
        let hadLeaders = t.endIndex < text.endIndex
        guard let colon = t.firstIndex(of: ":") else { return nil }
        let label = t[..<colon]
        let after = t[t.index(after: colon)...].drop { $0 == " " }
        let hint = after.isEmpty || (after.first == "(" && after.last == ")")
        guard hint, !label.isEmpty, label.utf8.count <= 80 || label.count <= 80 else { return nil }
        let words = label.split(separator: " ").count
        guard hadLeaders || !after.isEmpty || (!nextIsList && words <= 8) else { return nil }
        return String(t)
    }
}

extension Block {
    var isList: Bool { if case .list = self { true } else { false } }
}

extension Array where Element == Block {
    /// Every fenced block meant as a form, in document order, inside lists and quotes too (the
    /// outline gives each an anchor wherever it is).
    var formFences: [CodeBlock] {
        var found: [CodeBlock] = []
        var stack = Array(reversed())
        while let block = stack.popLast() {
            switch block {
            case .codeBlock(let code) where FormHeader.looksLikeForm(code.info): found.append(code)
            case .list(let list): stack += list.items.reversed().flatMap { $0.blocks.reversed() }
            case .blockQuote(let quote): stack += quote.blocks.reversed()
            default: break
            }
        }
        return found
    }
}
