import Foundation

/// One publisher with one policy, built in memory from source bytes to checked pages, with no file
/// access after `init`: what the fuzz target (`Sources/policy-site-fuzz`) runs for every input and
/// its regression tests replay. The phases and checks are `SiteBuilder`'s, run on one thread.
public struct InMemoryBuild: Sendable {
    public struct Result: Sendable {
        /// Every diagnostic, as a build of the same two files would report it.
        public var diagnostics: [Diagnostic] = []
        /// The pages made, by path under the output folder.
        public var pages: [String: [UInt8]] = [:]
        /// Errors that are the generator's fault whatever the input: check-phase errors reported at
        /// a page's own source, which is where unsafe output and links made by templates or the
        /// generator (rather than written in the content) are reported; and a YAML file the direct
        /// reading reads otherwise than Yams.
        public var faults: [Diagnostic] = []
    }

    /// Separates `school.yml` from the policy in one fuzz input (ASCII record separator).
    public static let separator: UInt8 = 0x1E
    /// A policy part starting with one of these has its body put in a container first, so every
    /// structure a fuzzer finds is also tried inside a block quote or a list item.
    public static let quoteBody: UInt8 = 0x01, listBody: UInt8 = 0x02
    /// Used when an input has no separator.
    public static let defaultSchool = Array("name: Fuzz School\nkind: school\nwebsite: https://school.example\n".utf8)
    static let schoolSlug = Slug(validating: "fuzz-school")!
    static let policySlug = Slug(validating: "fuzz-policy")!

    let templates: Templates
    let assets: [OutputFile]
    let data: [String: SourceText]
    let options: BuildOptions

    /// Loads the templates (and, given a content folder, its `data/`); nil with the reasons if the
    /// templates do not load.
    public static func make(templates folder: String, content: String? = nil) -> (InMemoryBuild?, [Diagnostic]) {
        let (loaded, diagnostics) = Templates.load(from: folder)
        var assetDiagnostics: [Diagnostic] = []
        let assets = SiteBuilder.assets(in: folder, diagnostics: &assetDiagnostics)
        guard let loaded, !assetDiagnostics.hasErrors else { return (nil, diagnostics + assetDiagnostics) }
        let data = content.map { SiteLoader.load(content: $0).0.data } ?? [:]
        let options = BuildOptions(content: "content", templates: folder, output: "site", today: PolicyDate(year: 2026, month: 11, day: 21)!)
        return (InMemoryBuild(templates: loaded, assets: assets, data: data, options: options), diagnostics)
    }

    /// An input's `school.yml` (before the first separator byte) and policy file (after it, with
    /// its body wrapped if it starts with `quoteBody` or `listBody`).
    public static func split(_ input: [UInt8]) -> (school: [UInt8], policy: [UInt8]) {
        guard let cut = input.firstIndex(of: separator) else { return (defaultSchool, wrapped(input[...])) }
        return (Array(input[..<cut]), wrapped(input[(cut + 1)...]))
    }

    /// The policy with the lines after its front matter as a quote (`> `) or one list item (`- `).
    static func wrapped(_ policy: ArraySlice<UInt8>) -> [UInt8] {
        guard let marker = policy.first, marker == quoteBody || marker == listBody else { return Array(policy) }
        let lines = policy.dropFirst().split(separator: 0x0A, omittingEmptySubsequences: false)
        let dashes = Array("---".utf8)
        let bodyStart = lines.first.map(Array.init) == dashes ? (lines.dropFirst().firstIndex { Array($0) == dashes }).map { $0 + 1 } ?? 0 : 0
        var out: [UInt8] = []
        for (index, line) in lines.enumerated() {
            if index > 0 { out.append(0x0A) }
            if index >= bodyStart {
                out += marker == quoteBody ? Array("> ".utf8) : Array((index == bodyStart ? "- " : "  ").utf8)
            }
            out += line
        }
        return out
    }

    /// Builds a fuzz input: `school.yml`, the separator, the policy file.
    public func run(_ input: [UInt8]) -> Result {
        let (school, policy) = Self.split(input)
        return run(school: school, policy: policy)
    }

    public func run(school schoolBytes: [UInt8], policy policyBytes: [UInt8]) -> Result {
        var result = Result()
        let folder = options.content + "/schools/" + Self.schoolSlug.rawValue
        var texts: [SourceText] = []
        for (bytes, path) in [(schoolBytes, folder + "/school.yml"), (policyBytes, folder + "/" + Self.policySlug.rawValue + ".md")] {
            switch SourceText.decode(bytes, path: path) {
            case .success(let text): texts.append(text)
            case .failure(let d): result.diagnostics.append(d)
            }
        }
        guard texts.count == 2 else { return result }
        result.faults = Self.yamlReadingFaults(texts)
        let (school, schoolDiagnostics) = School.parse(texts[0].text, slug: Self.schoolSlug, path: texts[0].path)
        let (policy, policyDiagnostics) = Policy.parse(texts[1].text, school: Self.schoolSlug, slug: Self.policySlug, path: texts[1].path)
        result.diagnostics += schoolDiagnostics + policyDiagnostics
        guard let school else { return result }
        let site = Site(config: SiteConfig(), publishers: [Publisher(school: school, policies: policy.map { [$0] } ?? [])])
        let sources = SiteSources(config: nil, schools: [.init(slug: Self.schoolSlug, schoolFile: texts[0], policies: [(Self.policySlug, texts[1])])], data: data)
        let resolved = SiteResolver.resolve(site, sources: sources, options: options)
        result.diagnostics += resolved.diagnostics
        guard !result.diagnostics.hasErrors else { return result }

        let specs = resolved.pageSpecs(for: site, contentFolder: options.content)
        let renderer = SiteRenderer(site: site, options: options, templates: templates, specs: specs)
        var rendered = SiteRenderer.RenderedSite(keyUse: TemplateKeyUse(slots: templates.slotCount))
        var files = assets.map(\.path)
        for spec in specs {
            let (page, file) = renderer.render(spec, noting: &rendered.keyUse)
            rendered.pages.append(page)
            result.diagnostics += page.diagnostics
            result.pages[file.path] = file.bytes
        }
        rendered.pages.sort { $0.path < $1.path }
        let pages = rendered.pages
        for spec in resolved.files { files.append(spec.path); _ = spec.make(site, options) }
        for batch in resolved.fileBatches { files += batch.make(site, options) { _ in } }
        let checks = SiteChecks.run(rendered: rendered, files: files, templates: templates, options: options)
        result.diagnostics += checks
        let pageSources = Set(pages.map(\.source))
        result.faults += checks.filter { $0.severity == .error && pageSources.contains($0.location) }
        return result
    }

    /// A fault for each file whose YAML the direct reading (`YAMLNode.simple`) reads otherwise
    /// than Yams: the fuzzer compares the two on every input.
    static func yamlReadingFaults(_ texts: [SourceText]) -> [Diagnostic] {
        texts.compactMap { text in
            var yaml = text.text
            if text.path.hasSuffix(".md") {
                guard case .success(let split) = FrontMatterSplit.split(text.text, path: text.path) else { return nil }
                yaml = split.yaml
            }
            guard let simple = YAMLNode.simple(yaml), simple != YAMLNode.composed(yaml) else { return nil }
            return .error("the YAML is read otherwise than Yams reads it", at: SourceLocation(path: text.path))
        }
    }
}
