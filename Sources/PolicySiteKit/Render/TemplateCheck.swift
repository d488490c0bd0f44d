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
                      let key = tag.key, !vocabulary.keys.contains(key),
                      tag.enclosing.allSatisfy({ vocabulary.wasEntered($0) }) else { continue }
                diagnostics.append(.warning("no page gives this template '\(key)', so {{\(tag.name)}} is always empty; check the spelling", at: SourceLocation(path: paths[name] ?? name, line: tag.line, column: tag.column)))
            }
        }
        return diagnostics
    }
}

/// The keys a template's contexts held over a build, at any depth, and which of them were ever
/// truthy (a section over them was entered) or falsy (an inverted section was).
struct ContextVocabulary: Sendable, Equatable {
    var keys: Set<String> = []
    var truthy: Set<String> = []
    var falsy: Set<String> = []

    init() {}

    init(_ context: [String: Any]) { add(context) }

    mutating func add(_ context: [String: Any]) {
        for (key, value) in context {
            keys.insert(key)
            if Self.isTruthy(value) { truthy.insert(key) } else { falsy.insert(key) }
            addNested(value)
        }
    }

    private mutating func addNested(_ value: Any) {
        if let dictionary = value as? [String: Any] {
            add(dictionary)
        } else if let array = value as? [Any] {
            for item in array { addNested(item) }
        }
    }

    static func isTruthy(_ value: Any) -> Bool {
        switch value {
        case let b as Bool: b
        case let s as String: !s.isEmpty
        case let a as [Any]: !a.isEmpty
        default: true
        }
    }

    mutating func formUnion(_ other: ContextVocabulary) {
        keys.formUnion(other.keys)
        truthy.formUnion(other.truthy)
        falsy.formUnion(other.falsy)
    }

    /// True when some page rendered the inside of this section.
    func wasEntered(_ section: TemplateTag.Enclosing) -> Bool {
        guard let key = TemplateTag(kind: .variable, name: section.name, line: 0, column: 0, enclosing: []).key else { return true }
        return section.inverted ? (falsy.contains(key) || !keys.contains(key)) : truthy.contains(key)
    }
}
