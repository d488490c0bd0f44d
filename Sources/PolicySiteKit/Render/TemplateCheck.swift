/// Static checks on template text that the Mustache engine would not make: partials that include
/// each other in a loop (the engine would recurse until the stack runs out), partials that do not
/// exist, and keys that no page ever gives a template (they render as nothing, silently).
enum TemplateCheck {
    /// Loops of `{{> partial}}` / `{{< parent}}`, partials that are not in the folder, and partials
    /// named by data (`{{> *name}}`), which no static check can follow.
    static func partialProblems(_ tags: [String: [TemplateTag]], paths: [String: String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func location(_ template: String, _ tag: TemplateTag) -> SourceLocation {
            SourceLocation(path: paths[template] ?? template, line: tag.line, column: tag.column)
        }
        for name in tags.keys.sorted() {
            for tag in tags[name] ?? [] {
                if tag.kind == .dynamicPartial {
                    diagnostics.append(.error("'{{> *\(tag.name)}}' takes a template's name from the data; name the partial instead", at: location(name, tag)))
                } else if tag.kind == .partial, tags[tag.name] == nil {
                    diagnostics.append(.error("template '\(tag.name).mustache', included here, is not in the templates folder", at: location(name, tag)))
                }
            }
        }
        // Depth-first search over the include graph; a tag that reaches a template still on the
        // path closes a loop, reported once at that tag.
        var state: [String: Bool] = [:] // false: on the current path; true: finished
        var path: [String] = []
        func visit(_ name: String) {
            state[name] = false
            path.append(name)
            for tag in tags[name] ?? [] where tag.kind == .partial && tags[tag.name] != nil {
                switch state[tag.name] {
                case .some(false):
                    let loop = path[(path.lastIndex(of: tag.name) ?? 0)...] + [tag.name]
                    let message = loop.count == 2
                        ? "template '\(name)' includes itself ({{> \(name)}}) and would never finish"
                        : "templates include each other in a loop (\(loop.joined(separator: " → "))) and would never finish"
                    diagnostics.append(.error(message, at: location(name, tag)))
                case nil:
                    visit(tag.name)
                case .some(true):
                    break
                }
            }
            path.removeLast()
            state[name] = true
        }
        for name in tags.keys.sorted() where state[name] == nil { visit(name) }
        return diagnostics
    }

    /// Warnings for tags whose key no lookup found while the site's pages were rendered. Only tags
    /// the renderer reached are checked: one inside a section no page entered, or in a template
    /// no page used, is not, since what an item that never appeared would hold cannot be known.
    static func unknownKeys(_ templates: Templates, keyUse: TemplateKeyUse) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for name in templates.tags.keys.sorted() {
            for tag in templates.tags[name] ?? [] {
                guard tag.kind == .variable || tag.kind == .section(inverted: false) || tag.kind == .section(inverted: true),
                      let key = tag.key, let slot = templates.slots[name]?[key],
                      keyUse.wasReached(slot), !keyUse.wasFound(slot) else { continue }
                diagnostics.append(.warning("no page gives this template '\(key)', so {{\(tag.name)}} is always empty; check the spelling",
                                            at: SourceLocation(path: templates.paths[name] ?? name, line: tag.line, column: tag.column)))
            }
        }
        return diagnostics
    }
}
