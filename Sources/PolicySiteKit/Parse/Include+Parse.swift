import Foundation
import Markdown

extension Include {
    /// True when a fence's info string is meant as an include, even if malformed.
    static func looksLikeInclude(_ info: String) -> Bool {
        let t = info.drop { $0 == " " }
        return t == "include" || t.hasPrefix("include ")
    }

    /// The name after `include` in a fence's info string.
    static func name(ofInfo info: String) -> String {
        info.drop { $0 == " " }.dropFirst("include".count).trimmingCharacters(in: .whitespaces)
    }

    /// Reads an include fence: `include <name>` and, inside, optional YAML (`names:`). Errors name
    /// the fence's line, or the option's own line. Pure.
    static func parse(_ block: CodeBlock, path: String, lineOffset: Int) -> (Include?, [Diagnostic]) {
        let location = SourceLocation(path: path, line: block.position.line + lineOffset, column: block.position.column)
        let name = name(ofInfo: block.info)
        let known = Kind.allCases.map(\.rawValue).joined(separator: ", ")
        guard let kind = Kind(rawValue: name) else {
            let what = name.isEmpty ? "an include needs a name" : "unknown include '\(name)'"
            return (nil, [.error("\(what): write ```include followed by one of: \(known)", at: location)])
        }
        var diagnostics: [Diagnostic] = []
        var names: [Name] = []
        if !block.literal.allSatisfy(\.isWhitespace) {
            guard var fields = YAMLFields(yaml: block.literal, path: path, firstLine: block.contentLine + lineOffset, diagnostics: &diagnostics) else {
                return (nil, diagnostics)
            }
            if let node = fields.node("names") {
                if kind != .serviceProviders {
                    fields.appendError("'names' is only for include service-providers", at: fields.location(of: node))
                } else if let mapping = node.mapping {
                    for pair in mapping {
                        guard let id = pair.key.string, let text = pair.value.string, !text.isEmpty else {
                            fields.appendError("each entry of 'names' is 'provider-id: \"Name as printed\"'", at: fields.location(of: pair.key))
                            continue
                        }
                        names.append(Name(id: id, text: text, location: fields.location(of: pair.key)))
                    }
                } else {
                    fields.appendError("'names' must be 'provider-id: \"Name as printed\"' lines", at: fields.location(of: node))
                }
            }
            diagnostics += fields.finish(known: "names")
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Include(kind: kind, names: names, location: location), diagnostics)
    }
}
