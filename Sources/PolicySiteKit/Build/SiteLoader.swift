import Foundation

/// The raw inputs of a build: every source file's checked text, before parsing.
struct SiteSources: Sendable {
    struct SchoolSources: Sendable {
        var slug: Slug
        var schoolFile: SourceText?
        var policies: [(slug: Slug, source: SourceText)]
        /// Earlier adopted versions: `<policy>.versions/<YYYY-MM-DD>.md`.
        var versions: [PolicyVersionSource] = []
    }

    var config: SourceText?
    var schools: [SchoolSources] = []
    /// `content/data/<name>.yml`, by name.
    var data: [String: SourceText] = [:]
}

/// Reads `content/`: the only phase that touches the content files.
enum SiteLoader {
    /// Files larger than this are refused rather than read.
    static let maximumFileSize = 16 * 1024 * 1024

    static func load(content: String) -> (SiteSources, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sources = SiteSources()
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (sources, [.error("content folder not found (give it with --content)", at: SourceLocation(path: content))])
        }
        let root = URL(fileURLWithPath: content).resolvingSymlinksInPath().path
        var containment = Containment(content: content, root: root)

        func read(_ path: String) -> SourceText? {
            readSource(path, containment: &containment, diagnostics: &diagnostics)
        }

        let configPath = content + "/site.yml"
        if fm.fileExists(atPath: configPath) { sources.config = read(configPath) }

        let dataFolder = content + "/data"
        for name in visibleEntries(dataFolder) where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
            let stem = String(name.prefix { $0 != "." })
            if let text = read(dataFolder + "/" + name) { sources.data[stem] = text }
        }

        let schoolsFolder = content + "/schools"
        guard fm.fileExists(atPath: schoolsFolder) else {
            diagnostics.append(.error("no 'schools' folder: each publisher goes in \(schoolsFolder)/<slug>/", at: SourceLocation(path: content)))
            return (sources, diagnostics)
        }
        // Publishers are read in parallel, each with its own copy of the containment check.
        let loaded = visibleEntries(schoolsFolder).concurrentMap { [containment] name in
            loadSchool(name, in: schoolsFolder, containment: containment)
        }
        for (school, schoolDiagnostics) in loaded {
            diagnostics += schoolDiagnostics
            if let school { sources.schools.append(school) }
        }
        return (sources, diagnostics)
    }

    /// Reads the publisher folder `name`: its school.yml, policies and earlier versions.
    static func loadSchool(_ name: String, in schoolsFolder: String, containment: Containment) -> (SiteSources.SchoolSources?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var containment = containment
        func read(_ path: String) -> SourceText? {
            readSource(path, containment: &containment, diagnostics: &diagnostics)
        }
        let folder = schoolsFolder + "/" + name
        guard isFolder(folder) else {
            return (nil, [.warning("ignored: only publisher folders belong in \(schoolsFolder)", at: SourceLocation(path: folder))])
        }
        if let d = containment.check(folder) { return (nil, [d]) }
        guard let slug = Slug(validating: name) else {
            return (nil, [.error("folder name '\(name)' is not a valid slug: use lower-case letters, digits and single hyphens (for example roe-green-junior-school)", at: SourceLocation(path: folder))])
        }
        var school = SiteSources.SchoolSources(slug: slug, schoolFile: nil, policies: [])
        let schoolFile = folder + "/school.yml"
        if FileManager.default.fileExists(atPath: schoolFile) {
            school.schoolFile = read(schoolFile)
        } else {
            diagnostics.append(.error("missing school.yml (name: and kind: of this publisher)", at: SourceLocation(path: schoolFile)))
        }
        for file in visibleEntries(folder) where file != "school.yml" {
            let path = folder + "/" + file
            if isFolder(path), file.hasSuffix(PolicyVersionSource.folderSuffix) {
                let (versions, versionDiagnostics) = loadVersions(path, read: read)
                school.versions += versions
                diagnostics += versionDiagnostics
                continue
            }
            guard file.hasSuffix(".md"), !isFolder(path) else {
                if !isFolder(path) { diagnostics.append(.warning("ignored: not a policy (.md) or school.yml", at: SourceLocation(path: path))) }
                continue
            }
            let stem = String(file.dropLast(3))
            guard let policySlug = Slug(validating: stem) else {
                diagnostics.append(.error("file name '\(file)' is not a valid slug: use lower-case letters, digits and single hyphens, then .md", at: SourceLocation(path: path)))
                continue
            }
            if let text = read(path) { school.policies.append((policySlug, text)) }
        }
        return (school, diagnostics)
    }

    /// Reads one file of the content folder again (a rebuild after it was edited), with the same
    /// checks as a full load.
    static func reload(_ path: String, content: String) -> (SourceText?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var containment = Containment(content: content, root: URL(fileURLWithPath: content).resolvingSymlinksInPath().path)
        let text = readSource(path, containment: &containment, diagnostics: &diagnostics)
        return (text, diagnostics)
    }

    /// A source file's checked text: inside the content folder, a regular file, not too large, UTF-8.
    static func readSource(_ path: String, containment: inout Containment, diagnostics: inout [Diagnostic]) -> SourceText? {
        if let d = containment.check(path) { diagnostics.append(d); return nil }
        if let problem = PosixFile.regularFileProblem(path) { diagnostics.append(.error(problem, at: SourceLocation(path: path))); return nil }
        let bytes: [UInt8]
        switch PosixFile.readAll(path, limit: maximumFileSize) {
        case .success(let b): bytes = b
        case .failure(.tooLarge):
            diagnostics.append(.error("file is larger than \(maximumFileSize / 1024 / 1024) MB; split it", at: SourceLocation(path: path)))
            return nil
        case .failure(.unreadable):
            diagnostics.append(.error("file could not be read", at: SourceLocation(path: path)))
            return nil
        }
        switch SourceText.decode(bytes, path: path) {
        case .success(let text): return text
        case .failure(let d): diagnostics.append(d); return nil
        }
    }

    static func visibleEntries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

}

/// Refuses any path under the content folder that leads outside it through a symbolic link. Only
/// real links are resolved (lstat tells which), and each folder is checked once.
struct Containment {
    let content: String
    let root: String
    private var checkedFolders: Set<String> = []

    init(content: String, root: String) {
        self.content = content
        self.root = root
    }

    mutating func check(_ path: String) -> Diagnostic? {
        var current = path
        while current.count > content.count, current.hasPrefix(content) {
            if checkedFolders.contains(current) { return nil }
            if PosixFile.isSymbolicLink(current) {
                let resolved = URL(fileURLWithPath: current).resolvingSymlinksInPath().path
                guard resolved == root || resolved.hasPrefix(root + "/") else {
                    return .error("symbolic link points outside the content folder; copy the file in instead", at: SourceLocation(path: current))
                }
            }
            if current != path { checkedFolders.insert(current) }
            guard let slash = current.lastIndex(of: "/") else { break }
            current = String(current[..<slash])
        }
        return nil
    }
}
