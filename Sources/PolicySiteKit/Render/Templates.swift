import Foundation
import Mustache

/// The editable Mustache templates, each parsed once; problems are reported at the template's line.
struct Templates: Sendable {
    let library: MustacheLibrary
    let names: Set<String>
    let folder: String
    /// Each template's tags, for the static checks, and its file.
    let tags: [String: [TemplateTag]]
    let paths: [String: String]

    /// Templates every site needs.
    static let required = ["layout", "home", "publisher", "policy", "accessibility", "form", "contacts", "parents", "reviews", "compare"]

    /// Loads every `*.mustache` file in `folder`.
    static func load(from folder: String) -> (Templates?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var library = MustacheLibrary()
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
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                names.insert(name)
                tags[name] = TemplateTag.scan(text)
                paths[name] = path
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error("template syntax: \(error.error)", at: SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber + 1)))
            } catch {
                diagnostics.append(.error("template syntax: \(error)", at: SourceLocation(path: path)))
            }
        }
        for name in required where !names.contains(name) && !diagnostics.contains(where: { $0.location.path.hasSuffix("/\(name).mustache") }) {
            diagnostics.append(.error("template '\(name).mustache' is missing", at: SourceLocation(path: folder + "/" + name + ".mustache")))
        }
        diagnostics += TemplateCheck.partialProblems(tags, paths: paths)
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Templates(library: library, names: names, folder: folder, tags: tags, paths: paths), diagnostics)
    }

    func render(_ context: [String: Any], with name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
