import Foundation

/// The editable Mustache templates, each parsed once; problems are reported at the template's line.
struct Templates: Sendable {
    /// The compiled templates, and each one's index by name (partials are resolved to indexes).
    let compiled: [CompiledTemplate]
    let index: [String: Int]
    let names: Set<String>
    let folder: String
    /// Each template's tags, for the static checks, and its file.
    let tags: [String: [TemplateTag]]
    let paths: [String: String]

    /// Templates every site needs.
    static let required = ["layout", "home", "publisher", "policy", "accessibility", "form", "contacts", "parents", "reviews", "compare", "search"]

    /// Loads every `*.mustache` file in `folder`.
    static func load(from folder: String) -> (Templates?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var compiled: [CompiledTemplate] = []
        var index: [String: Int] = [:]
        var names: Set<String> = []
        var tags: [String: [TemplateTag]] = [:]
        var paths: [String: String] = [:]
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".mustache") }.sorted()
        for file in files {
            let path = folder + "/" + file
            let name = String(file.dropLast(".mustache".count))
            guard let bytes = FileManager.default.contents(atPath: path) else {
                diagnostics.append(.error("template could not be read", at: SourceLocation(path: path)))
                continue
            }
            let text: String
            switch SourceText.decode([UInt8](bytes), path: path) {
            case .success(let s): text = s.text
            case .failure(let d): diagnostics.append(d); continue
            }
            do throws(TemplateParser.SyntaxError) {
                let template = try TemplateParser.parse(text)
                index[name] = compiled.count
                compiled.append(template)
                names.insert(name)
                tags[name] = TemplateTag.scan(text)
                paths[name] = path
            } catch {
                diagnostics.append(.error("template syntax: \(error.message)", at: SourceLocation(path: path, line: error.line, column: error.column)))
            }
        }
        for name in required where !names.contains(name) && !diagnostics.contains(where: { $0.location.path.hasSuffix("/\(name).mustache") }) {
            diagnostics.append(.error("template '\(name).mustache' is missing", at: SourceLocation(path: folder + "/" + name + ".mustache")))
        }
        diagnostics += TemplateCheck.partialProblems(tags, paths: paths)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        compiled = compiled.map { $0.resolvingPartials(index) }
        return (Templates(compiled: compiled, index: index, names: names, folder: folder, tags: tags, paths: paths), diagnostics)
    }

    /// The template `name` rendered over `context`, as UTF-8.
    func renderBytes(_ context: [String: Any], with name: String, capacity: Int = 16_384) -> [UInt8] {
        TemplateRenderer.render(name, in: compiled, index: index, context: context, capacity: capacity)
    }

    /// The template `name` rendered over `context`.
    func render(_ context: [String: Any], with name: String) -> String {
        String(decoding: renderBytes(context, with: name), as: UTF8.self)
    }
}
