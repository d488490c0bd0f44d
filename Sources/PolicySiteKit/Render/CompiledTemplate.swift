/// A Mustache template parsed once into a tree of nodes; linked, when the templates load, into the
/// flat `steps` that `TemplateRenderer` walks for each page, with partials resolved to their
/// template's index.
struct CompiledTemplate: Sendable {
    /// One piece of a template, as the parser reads it. Not `indirect`: a section's nodes are
    /// already in an array's storage.
    enum Node: Sendable {
        /// Literal text, as UTF-8.
        case text([UInt8])
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (not escaped).
        case variable(TemplateName, escaped: Bool)
        /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` (inverted).
        case section(TemplateName, [Node], inverted: Bool)
        /// `{{> name}}`, with the indentation of a partial alone on its line (nil otherwise).
        case partial(name: String, indentation: [UInt8]?)
        /// `{{> *name}}`: the partial's name is the value of `name`.
        case dynamicPartial(TemplateName, indentation: [UInt8]?)
    }

    var nodes: [Node]

    /// The linked template as a flat list of plain values, which `TemplateRenderer` walks: reading
    /// one retains nothing (a node retains its text, name or children when read). A section's body
    /// is the steps after it, up to its `end`. Empty until `linked`.
    private(set) var steps: [Step] = []
    /// The literal text of every `.text` step, one after another.
    private(set) var text: [UInt8] = []
    /// The names of the variables, sections and dynamic partials, by `Step` number.
    private(set) var names: [TemplateName] = []
    /// The indentations of the partials alone on their lines, by `Step` number.
    private(set) var indentations: [[UInt8]] = []

    /// One step of a linked template: numbers into the template's `text`, `names`, `indentations`
    /// and `steps`, and into the templates for a partial (-1 for one not in the folder).
    enum Step: Sendable {
        case text(start: Int32, end: Int32)
        case variable(name: Int32, escaped: Bool)
        case section(name: Int32, end: Int32, inverted: Bool)
        case partial(template: Int32, indentation: Int32)
        case dynamicPartial(name: Int32, indentation: Int32)
    }

    /// The template with its `steps` made: every `{{> name}}` given the index of its template in
    /// `index`, and every name its key's slot from `slot` (which gives each new key of the
    /// template the next one).
    func linked(_ index: [String: Int], slot: (String) -> Int) -> CompiledTemplate {
        var linked = CompiledTemplate(nodes: nodes)
        linked.append(nodes, index: index, slot: slot)
        return linked
    }

    /// Appends `nodes` to `steps`, each section followed by its body.
    private mutating func append(_ nodes: [Node], index: [String: Int], slot: (String) -> Int) {
        func named(_ name: TemplateName) -> Int32 {
            var name = name
            name.slot = name.parts.first.map(slot)
            names.append(name)
            return Int32(names.count - 1)
        }
        func indentation(_ indentation: [UInt8]?) -> Int32 {
            guard let indentation else { return -1 }
            indentations.append(indentation)
            return Int32(indentations.count - 1)
        }
        for node in nodes {
            switch node {
            case .text(let bytes):
                text += bytes
                steps.append(.text(start: Int32(text.count - bytes.count), end: Int32(text.count)))
            case .variable(let name, let escaped):
                steps.append(.variable(name: named(name), escaped: escaped))
            case .section(let name, let children, let inverted):
                let at = steps.count
                let number = named(name)
                steps.append(.text(start: 0, end: 0))
                append(children, index: index, slot: slot)
                steps[at] = .section(name: number, end: Int32(steps.count), inverted: inverted)
            case .partial(let name, let extra):
                steps.append(.partial(template: Int32(index[name] ?? -1), indentation: indentation(extra)))
            case .dynamicPartial(let name, let extra):
                steps.append(.dynamicPartial(name: named(name), indentation: indentation(extra)))
            }
        }
    }
}

/// A tag's name, split at its dots: `a.b` is looked up as `a` through the context stack, then `b`
/// in what was found; `.a` only in the current context; `.` (no parts) is the current context.
struct TemplateName: Sendable, Equatable {
    var parts: [String]
    /// True for a name starting with a dot: its first part is looked up in the current context only.
    var anchored: Bool
    /// The slot of its key (the first part) in the templates' `TemplateKeyUse`; nil for `{{.}}`
    /// and until the templates are linked.
    var slot: Int?

    init(_ text: String) {
        parts = text.split(separator: ".").map(String.init)
        anchored = text.first == "."
    }
}
