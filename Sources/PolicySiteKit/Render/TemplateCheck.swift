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

    /// Warnings for tags whose key no page gave the template (or a template that includes it).
    /// A tag inside a section is checked only if some page entered that section, since the keys
    /// of an item that never appeared cannot be known.
    static func unknownKeys(_ tags: [String: [TemplateTag]], paths: [String: String], vocabularies: [String: ContextVocabulary]) -> [Diagnostic] {
        var vocabularies = vocabularies
        // A partial sees the context of every template that includes it.
        var queue = vocabularies.keys.sorted()
        while let name = queue.popLast() {
            guard let vocabulary = vocabularies[name] else { continue }
            for tag in tags[name] ?? [] where tag.kind == .partial {
                let before = vocabularies[tag.name]
                vocabularies[tag.name, default: ContextVocabulary()].formUnion(vocabulary)
                if vocabularies[tag.name] != before { queue.append(tag.name) }
            }
        }
        var diagnostics: [Diagnostic] = []
        for name in tags.keys.sorted() {
            guard let vocabulary = vocabularies[name] else { continue }
            for tag in tags[name] ?? [] {
                guard tag.kind == .variable || tag.kind == .section(inverted: false) || tag.kind == .section(inverted: true),
                      let key = tag.key, !vocabulary.contains(key),
                      tag.enclosing.allSatisfy({ vocabulary.wasEntered($0) }) else { continue }
                diagnostics.append(.warning("no page gives this template '\(key)', so {{\(tag.name)}} is always empty; check the spelling", at: SourceLocation(path: paths[name] ?? name, line: tag.line, column: tag.column)))
            }
        }
        return diagnostics
    }
}

/// The keys a template's contexts held over a build, at any depth, and which of them were ever
/// truthy (a section over them was entered) or falsy (an inverted section was). Each key is
/// hashed once per context that holds it; the common value types are cast directly.
struct ContextVocabulary: Sendable, Equatable {
    /// How a key's values were seen: truthy, falsy, both, or neither (a value of another type).
    struct Seen: OptionSet, Sendable, Equatable {
        let rawValue: UInt8
        static let truthy = Seen(rawValue: 1)
        static let falsy = Seen(rawValue: 2)
    }

    private(set) var seen: [String: Seen] = [:]

    init() {}

    init(_ context: [String: Any]) { add(context) }

    /// True when some context held `key`.
    func contains(_ key: String) -> Bool { seen[key] != nil }

    mutating func add(_ context: [String: Any]) {
        for (key, value) in context {
            let truthy: Bool
            if let string = value as? String {
                truthy = !string.isEmpty
            } else if let html = value as? RenderedHTML {
                truthy = !html.bytes.isEmpty
            } else if let bool = value as? Bool {
                truthy = bool
            } else if let items = value as? [[String: Any]] {
                truthy = !items.isEmpty
                for item in items { add(item) }
            } else if let dictionary = value as? [String: Any] {
                truthy = true
                add(dictionary)
            } else if let items = value as? [Any] {
                truthy = !items.isEmpty
                for item in items { addNested(item) }
            } else {
                truthy = true
            }
            seen[key, default: []].insert(truthy ? .truthy : .falsy)
        }
    }

    private mutating func addNested(_ value: Any) {
        if let dictionary = value as? [String: Any] {
            add(dictionary)
        } else if let array = value as? [Any] {
            for item in array { addNested(item) }
        }
    }

    mutating func formUnion(_ other: ContextVocabulary) {
        seen.merge(other.seen) { $0.union($1) }
    }

    /// True when some page rendered the inside of this section.
    func wasEntered(_ section: TemplateTag.Enclosing) -> Bool {
        guard let key = TemplateTag(kind: .variable, name: section.name, line: 0, column: 0, enclosing: []).key else { return true }
        guard let seen = seen[key] else { return section.inverted }
        return seen.contains(section.inverted ? .falsy : .truthy)
    }
}
