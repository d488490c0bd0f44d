/// A Mustache template parsed once into a tree of nodes, which `TemplateRenderer` walks for each
/// page. Partials are resolved to their template's index when the templates load.
struct CompiledTemplate: Sendable {
    /// One piece of a template. Not `indirect`: a section's nodes are already in an array's
    /// storage, and an unboxed node is read without retaining a box each time a page walks it.
    enum Node: Sendable {
        /// Literal text, as UTF-8.
        case text([UInt8])
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (not escaped).
        case variable(TemplateName, escaped: Bool)
        /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` (inverted).
        case section(TemplateName, [Node], inverted: Bool)
        /// `{{> name}}`: the template's index once resolved (nil until then, or if it is not in the
        /// folder), and the indentation of a partial alone on its line (nil otherwise).
        case partial(name: String, index: Int?, indentation: [UInt8]?)
        /// `{{> *name}}`: the partial's name is the value of `name`.
        case dynamicPartial(TemplateName, indentation: [UInt8]?)
    }

    var nodes: [Node]

    /// The template with every `{{> name}}` given the index of its template in `index`, and every
    /// name its key's slot from `slot` (which gives each new key of the template the next one).
    func linked(_ index: [String: Int], slot: (String) -> Int) -> CompiledTemplate {
        func link(_ name: TemplateName) -> TemplateName {
            var name = name
            name.slot = name.parts.first.map(slot)
            return name
        }
        func resolve(_ nodes: [Node]) -> [Node] {
            nodes.map { node in
                switch node {
                case .variable(let name, let escaped): .variable(link(name), escaped: escaped)
                case .section(let name, let children, let inverted): .section(link(name), resolve(children), inverted: inverted)
                case .partial(let name, _, let indentation): .partial(name: name, index: index[name], indentation: indentation)
                case .dynamicPartial(let name, let indentation): .dynamicPartial(link(name), indentation: indentation)
                case .text: node
                }
            }
        }
        return CompiledTemplate(nodes: resolve(nodes))
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
