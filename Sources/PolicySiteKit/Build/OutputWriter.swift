import Foundation

/// Writes the built site into the output folder: only files whose bytes changed, each replaced
/// atomically, and files from an earlier build that are no longer produced removed.
struct OutputWriter {
    let folder: String
    static let marker = ".policy-site"

    struct Result: Sendable {
        var written = 0
        var unchanged = 0
        var removed = 0
    }

    /// Refuses an output folder that holds files policy-site did not make, or that is the content
    /// or templates folder, so a mistyped --output never deletes someone's work.
    static func checkFolder(_ folder: String, content: String, templates: String) -> Diagnostic? {
        let fm = FileManager.default
        let out = URL(fileURLWithPath: folder).standardizedFileURL.path
        for (name, other) in [("content", content), ("templates", templates)] {
            let o = URL(fileURLWithPath: other).standardizedFileURL.path
            if out == o || o.hasPrefix(out + "/") || out.hasPrefix(o + "/") || out == "/" {
                return .error("the output folder '\(folder)' overlaps the \(name) folder; choose another --output", at: SourceLocation(path: folder))
            }
        }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                return .error("the output '\(folder)' exists and is not a folder", at: SourceLocation(path: folder))
            }
            let entries = (try? fm.contentsOfDirectory(atPath: folder)) ?? []
            if !entries.isEmpty && !entries.contains(marker) {
                return .error("the output folder '\(folder)' holds files policy-site did not make; empty it or choose another --output", at: SourceLocation(path: folder))
            }
            if let link = firstSymbolicLink(in: folder) {
                return .error("the output folder holds a symbolic link, '\(link)'; policy-site never makes links, and writing through one would change files outside the output folder: remove it", at: SourceLocation(path: folder + "/" + link))
            }
        }
        return nil
    }

    /// The first symbolic link under `folder` (the folder itself may be one), without following any.
    static func firstSymbolicLink(in folder: String) -> String? {
        let fm = FileManager.default
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            for name in ((try? fm.contentsOfDirectory(atPath: path)) ?? []).sorted().reversed() {
                let child = relative.isEmpty ? name : relative + "/" + name
                let type = (try? fm.attributesOfItem(atPath: folder + "/" + child))?[.type] as? FileAttributeType
                if type == .typeSymbolicLink { return child }
                if type == .typeDirectory { pending.append(child) }
            }
        }
        return nil
    }

    /// Writes every file whose bytes differ from what is on disk. Each file is replaced atomically
    /// (written beside it, then renamed); files are compared and written in parallel.
    func write(_ files: [OutputFile]) async throws -> Result {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let all = files + [OutputFile(path: Self.marker, bytes: Array("This folder is written by policy-site; files here are replaced on each build.\n".utf8))]
        for file in all where file.path.hasPrefix("/") || file.path.split(separator: "/").contains("..") {
            throw OutputError(message: "refusing to write '\(file.path)' outside the output folder")
        }
        // Create each folder once, before the parallel writes.
        var folders: Set<String> = []
        for file in all {
            var dir = file.path
            while let slash = dir.lastIndex(of: "/") {
                dir = String(dir[..<slash])
                if !folders.insert(dir).inserted { break }
            }
        }
        for dir in folders.sorted() { try PosixFile.makeFolder(folder + "/" + dir) }

        let outcomes = try await withThrowingTaskGroup(of: (written: Int, unchanged: Int).self) { group in
            let chunk = max(1, all.count / (ProcessInfoCores.count * 4))
            var start = 0
            while start < all.count {
                let slice = all[start..<min(start + chunk, all.count)]
                let root = folder
                group.addTask {
                    var written = 0, unchanged = 0
                    for file in slice {
                        let full = root + "/" + file.path
                        if PosixFile.hasContents(full, file.bytes) {
                            unchanged += 1
                        } else {
                            try PosixFile.replace(full, with: file.bytes)
                            written += 1
                        }
                    }
                    return (written, unchanged)
                }
                start += chunk
            }
            var total = (written: 0, unchanged: 0)
            for try await part in group {
                total.written += part.written
                total.unchanged += part.unchanged
            }
            return total
        }
        var result = Result(written: outcomes.written, unchanged: outcomes.unchanged)
        result.removed = removeStale(keeping: Set(all.map(\.path)))
        return result
    }

    /// Deletes files from earlier builds that this build did not produce, then empty folders.
    private func removeStale(keeping keep: Set<String>) -> Int {
        let fm = FileManager.default
        var removed = 0
        guard let walker = fm.enumerator(atPath: folder) else { return 0 }
        var stale: [String] = []
        var folders: [String] = []
        while let relative = walker.nextObject() as? String {
            let full = folder + "/" + relative
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue { folders.append(full) } else if !keep.contains(relative) { stale.append(full) }
        }
        for path in stale.sorted() where (try? fm.removeItem(atPath: path)) != nil { removed += 1 }
        for dir in folders.sorted(by: >) where ((try? fm.contentsOfDirectory(atPath: dir)) ?? ["x"]).isEmpty {
            try? fm.removeItem(atPath: dir)
        }
        return removed
    }
}
