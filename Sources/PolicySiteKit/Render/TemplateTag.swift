import Foundation

/// One `{{…}}` tag of a Mustache template, with where it is: what the static template checks read
/// (the compiled template keeps no places).
struct TemplateTag: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// `{{name}}`, `{{{name}}}`, `{{& name}}`.
        case variable
        /// `{{#name}}` or `{{^name}}` (inverted).
        case section(inverted: Bool)
        /// `{{> name}}`, or `{{< name}}` (a parent template).
        case partial
        /// `{{> *name}}`, `{{< *name}}`: the template's name comes from the data.
        case dynamicPartial
    }

    var kind: Kind
    var name: String
    var line: Int
    var column: Int

    /// The context key the tag looks up: `name` of `name.first`, the argument of a transform
    /// (`reversed(list)` → `list`); nil for `{{.}}`.
    var key: String? {
        var n = Substring(name)
        if let open = n.lastIndex(of: "(") { n = n[n.index(after: open)...].prefix { $0 != ")" } }
        let first = n.prefix { $0 != "." }
        return first.isEmpty ? nil : String(first)
    }

    /// Every tag of `text`, in order. Follows `{{=<% %>=}}` delimiter changes and skips comments;
    /// an unclosed tag ends the scan (`TemplateParser` reports it).
    static func scan(_ text: String) -> [TemplateTag] {
        let s = Array(text.unicodeScalars)
        var open: [Unicode.Scalar] = ["{", "{"], close: [Unicode.Scalar] = ["}", "}"]
        var tags: [TemplateTag] = []
        var line = 1, column = 1
        var i = 0

        func matches(_ pattern: [Unicode.Scalar], at index: Int) -> Bool {
            index + pattern.count <= s.count && s[index..<index + pattern.count].elementsEqual(pattern)
        }
        func advance(to end: Int) {
            while i < end {
                if s[i] == "\n" { line += 1; column = 1 } else { column += 1 }
                i += 1
            }
        }

        while i < s.count {
            guard matches(open, at: i) else { advance(to: i + 1); continue }
            let (tagLine, tagColumn) = (line, column)
            var j = i + open.count
            let triple = open == ["{", "{"] && j < s.count && s[j] == "{"
            if triple { j += 1 }
            let closing = triple ? ["}"] + close : close
            var k = j
            while k < s.count, !matches(closing, at: k) { k += 1 }
            guard k < s.count else { break }
            let body = String(String.UnicodeScalarView(s[j..<k])).trimmingCharacters(in: .whitespacesAndNewlines)
            advance(to: k + closing.count)
            let sigil = triple ? "&" : body.first ?? " "
            let rest = (triple ? body : String(body.dropFirst())).trimmingCharacters(in: .whitespaces)
            func add(_ kind: Kind, _ name: String) {
                tags.append(TemplateTag(kind: kind, name: name, line: tagLine, column: tagColumn))
            }
            switch sigil {
            case "!":
                continue
            case "=":
                let parts = rest.dropLast(rest.hasSuffix("=") ? 1 : 0).split(whereSeparator: { $0 == " " || $0 == "\t" })
                if parts.count == 2 { open = Array(parts[0].unicodeScalars); close = Array(parts[1].unicodeScalars) }
            case "#", "^":
                add(.section(inverted: sigil == "^"), rest)
            case "$", "/":
                continue
            case ">", "<":
                let dynamic = rest.hasPrefix("*")
                let name = dynamic ? String(rest.dropFirst()).trimmingCharacters(in: .whitespaces) : rest
                add(dynamic ? .dynamicPartial : .partial, name)
            case "&", "{":
                add(.variable, rest)
            default:
                add(.variable, body)
            }
        }
        return tags
    }
}
