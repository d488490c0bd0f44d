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
    /// Each template's keys' slots in a `TemplateKeyUse`, by template and key; how many in all.
    let slots: [String: [String: Int]]
    let slotCount: Int

    /// Templates every site needs.
    static let required = ["layout", "home", "publisher", "policy", "accessibility", "form", "contacts", "parents", "reviews", "compare", "search"]

    /// Loads every `*.mustache` file in `folder`.
    static func load(from folder: String) -> (Templates?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sources: [(name: String, path: String, text: String)] = []
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".mustache") }.sorted()
        for file in files {
            let path = folder + "/" + file
            guard let bytes = FileManager.default.contents(atPath: path) else {
                diagnostics.append(.error("template could not be read", at: SourceLocation(path: path)))
                continue
            }
            switch SourceText.decode([UInt8](bytes), path: path) {
            case .success(let s): sources.append((String(file.dropLast(".mustache".count)), path, s.text))
            case .failure(let d): diagnostics.append(d)
            }
        }
        let (templates, compileDiagnostics) = compile(sources, folder: folder, unread: diagnostics)
        return (templates, diagnostics + compileDiagnostics)
    }

    /// Compiles templates from their text (`name` without `.mustache`); `unread` are the problems
    /// of files that could not be read, so a required template among them is not reported missing.
    static func compile(_ sources: [(name: String, path: String, text: String)], folder: String,
                        unread: [Diagnostic] = [], requiring required: [String] = required) -> (Templates?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var compiled: [CompiledTemplate] = []
        var index: [String: Int] = [:]
        var names: Set<String> = []
        var tags: [String: [TemplateTag]] = [:]
        var paths: [String: String] = [:]
        for (name, path, text) in sources {
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
        let unusable = unread + diagnostics
        for name in required where !names.contains(name) && !unusable.contains(where: { $0.location.path.hasSuffix("/\(name).mustache") }) {
            diagnostics.append(.error("template '\(name).mustache' is missing", at: SourceLocation(path: folder + "/" + name + ".mustache")))
        }
        diagnostics += TemplateCheck.partialProblems(tags, paths: paths)
        guard !(unread + diagnostics).hasErrors else { return (nil, diagnostics) }
        var slots: [String: [String: Int]] = [:]
        var slotCount = 0
        for name in index.keys.sorted() {
            let i = index[name]!
            compiled[i] = compiled[i].linked(index) { key in
                if let slot = slots[name]?[key] { return slot }
                slots[name, default: [:]][key] = slotCount
                slotCount += 1
                return slotCount - 1
            }
        }
        return (Templates(compiled: compiled, index: index, names: names, folder: folder, tags: tags, paths: paths,
                          slots: slots, slotCount: slotCount), diagnostics)
    }

    /// The template `name` rendered over `context`, as UTF-8 after `prefix`; the keys it looked up
    /// are noted in `keyUse`.
    func renderBytes(_ context: [String: Any], with name: String, after prefix: [UInt8] = [], capacity: Int = 16_384,
                     noting keyUse: inout TemplateKeyUse) -> [UInt8] {
        TemplateRenderer.render(name, in: compiled, index: index, context: context, after: prefix, capacity: capacity, noting: &keyUse)
    }

    /// The template `name` rendered over `context` (which holds a `ContentSlot`) as the bytes before
    /// the slot and after it; nil when the slot was not written once, raw and unindented.
    func renderAroundSlot(_ context: [String: Any], with name: String, noting keyUse: inout TemplateKeyUse) -> (before: [UInt8], after: ArraySlice<UInt8>)? {
        let (output, slot): ([UInt8], Int?) = TemplateRenderer.render(name, in: compiled, index: index, context: context, noting: &keyUse)
        guard let slot else { return nil }
        return (Array(output[..<slot]), output[slot...])
    }

    /// The template `name` rendered over `context`, as UTF-8.
    func renderBytes(_ context: [String: Any], with name: String, capacity: Int = 16_384) -> [UInt8] {
        var keyUse = TemplateKeyUse(slots: slotCount)
        return renderBytes(context, with: name, capacity: capacity, noting: &keyUse)
    }

    /// The template `name` rendered over `context`.
    func render(_ context: [String: Any], with name: String) -> String {
        String(decoding: renderBytes(context, with: name), as: UTF8.self)
    }
}
