import Foundation

/// The output folder's rules: which folders may be written (never one with someone else's files),
/// and removing what an earlier build made that the current one no longer does. `OutputStage`
/// does the writing.
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

    /// Deletes files from earlier builds that this build did not produce, then empty folders.
    func removeStale(keeping keep: Set<String>) -> Int {
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
