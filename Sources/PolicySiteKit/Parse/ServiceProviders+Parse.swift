extension ServiceProviders {
    /// Reads `service-providers.yml`: `name_label`, `columns` (each `key` and `label`) and
    /// `providers` (each `name`, optional `id`, and one value per column key). A malformed UK
    /// number is a warning at its line. Pure: no file access.
    public static func parse(_ text: String, path: String) -> (ServiceProviders?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard var fields = YAMLFields(yaml: text, path: path, firstLine: 1, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        let nameLabel = fields.string("name_label") ?? "Service provider"
        var columns: [Column] = []
        for var entry in fields.mappings("columns") {
            if let key = entry.string("key", required: true), let label = entry.string("label", required: true) {
                columns.append(Column(key: key, label: label))
            }
            diagnostics += entry.finish(known: "key, label")
        }
        if columns.isEmpty { fields.appendError("'columns' must list at least one column (- key: …, label: …)", at: fields.mappingLocation) }
        var providers: [Provider] = []
        var seen: Set<Slug> = []
        let known = (["name", "id"] + columns.map(\.key)).joined(separator: ", ")
        for var entry in fields.mappings("providers") {
            defer { diagnostics += entry.finish(known: known) }
            guard let name = entry.string("name", required: true) else { continue }
            var id = Slug(deriving: name)
            if let given = entry.string("id") {
                id = Slug(validating: given)
                if id == nil, let node = entry.node("id") {
                    entry.appendError("id '\(given)' is not a slug (lower-case letters, digits, hyphens)", at: entry.location(of: node))
                }
            }
            guard let id else {
                entry.appendError("provider '\(name)' needs an id: (a slug such as o2)", at: entry.mappingLocation)
                continue
            }
            if !seen.insert(id).inserted {
                entry.appendError("two providers have the id '\(id)'; give one an id: of its own", at: entry.mappingLocation)
            }
            var values: [String: String] = [:]
            for column in columns {
                values[column.key] = entry.string(column.key) ?? ""
                entry.checkPhone(column.key)
            }
            providers.append(Provider(id: id, name: name, values: values))
        }
        diagnostics += fields.finish(known: "name_label, columns, providers")
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (ServiceProviders(nameLabel: nameLabel, columns: columns, providers: providers, path: path), diagnostics)
    }
}
