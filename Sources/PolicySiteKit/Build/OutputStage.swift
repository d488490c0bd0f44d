import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Takes each output file as soon as it is rendered, so a build never holds the whole site in
/// memory. A file whose bytes equal the output folder's copy is only noted; any other is written
/// into a staging folder beside the output. Nothing in the output folder changes until `commit`,
/// which runs only after every check passed; `discard` leaves the output exactly as it was.
final class OutputStage: Sendable {
    /// The output folder, the staging folder beside it, and whether the output folder exists.
    let output: String
    let staging: String
    private let outputExists: Bool
    /// True for a rebuild that makes only part of the site: files it did not make are kept.
    private let keepingOthers: Bool

    private struct State {
        var produced: Set<String> = []
        var staged: [String] = []
        var folders: Set<String> = [""]
        var failure: String?
    }
    private let state = Mutex(State())

    /// Prepares a fresh staging folder beside `output` (an earlier, interrupted build's is removed).
    /// With `keepingOthers`, `commit` leaves the files this build did not make where they are.
    init(output: String, keepingOthers: Bool = false) throws {
        self.keepingOthers = keepingOthers
        // An output folder that is a symbolic link (to a web server's folder, say) is staged
        // beside the folder it points to, so that moving files in is a rename on one disk.
        let standardized = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath()
        self.output = standardized.path
        staging = standardized.deletingLastPathComponent().appendingPathComponent("." + standardized.lastPathComponent + ".policy-site-staging").path
        var info = stat()
        outputExists = stat(self.output, &info) == 0
        try? FileManager.default.removeItem(atPath: staging)
        try FileManager.default.createDirectory(atPath: standardized.deletingLastPathComponent().path, withIntermediateDirectories: true)
        try PosixFile.makeFolder(staging)
    }

    /// Notes `file` as part of the site and stages it unless the output already holds its bytes.
    /// Safe to call from many tasks at once. A failure is kept and reported by `commit`.
    func accept(_ file: OutputFile) {
        guard isInside(file.path) else { return }
        if outputExists && PosixFile.hasContents(output + "/" + file.path, file.bytes) {
            state.withLock { _ = $0.produced.insert(file.path) }
            return
        }
        do {
            try makeFolders(for: file.path)
            try PosixFile.create(staging + "/" + file.path, with: file.bytes)
            state.withLock { $0.staged.append(file.path) }
        } catch {
            state.withLock { $0.failure = $0.failure ?? "\(error)" }
        }
    }

    /// `accept` for a file too large to hold whole: `write` hands over its bytes piece by piece,
    /// each written to the staging folder at once; the file is kept only if it differs from the
    /// output's copy.
    func accept(path: String, writing write: (_ piece: ([UInt8]) -> Void) -> Void) {
        guard isInside(path) else { return }
        do {
            try makeFolders(for: path)
            var failure: Error?
            do {
                let writer = try PosixFile.Writer(creating: staging + "/" + path)
                write { piece in
                    guard failure == nil else { return }
                    do { try writer.append(piece) } catch { failure = error }
                }
            }
            if let failure { throw failure }
            if outputExists && PosixFile.sameContents(staging + "/" + path, output + "/" + path) {
                unlink(staging + "/" + path)
            } else {
                state.withLock { $0.staged.append(path) }
            }
        } catch {
            state.withLock { $0.failure = $0.failure ?? "\(error)" }
        }
    }

    /// False (and a failure kept) for a path that would leave the output folder.
    private func isInside(_ path: String) -> Bool {
        guard !path.hasPrefix("/"), !path.split(separator: "/").contains(".."), !path.isEmpty else {
            state.withLock { $0.failure = $0.failure ?? "refusing to write '\(path)' outside the output folder" }
            return false
        }
        return true
    }

    /// Notes `path` as produced and makes its folders in the staging folder. The folders not known
    /// to exist are looked up under the lock but made outside it (a `mkdir` on ext4 takes tens of
    /// microseconds, and thousands of them under the lock kept the other cores waiting), parents
    /// first; a folder is noted only once it exists, so no task writes into a folder another has
    /// only started to make. Two tasks may both make a new folder: the second finds it there.
    private func makeFolders(for path: String) throws {
        let missing: [String] = state.withLock { state in
            state.produced.insert(path)
            var folders: [String] = []
            var dir = path
            while let slash = dir.lastIndex(of: "/") {
                dir = String(dir[..<slash])
                if state.folders.contains(dir) { break }
                folders.append(dir)
            }
            return folders
        }
        guard !missing.isEmpty else { return }
        for folder in missing.reversed() { try PosixFile.makeFolder(staging + "/" + folder) }
        state.withLock { state in
            for folder in missing { state.folders.insert(folder) }
        }
    }

    /// Every path accepted so far.
    var producedPaths: Set<String> { state.withLock { $0.produced } }

    /// Moves the staged files into the output folder (each replaced atomically by a rename, or the
    /// whole staging folder renamed when there is no output yet), then removes files an earlier
    /// build made that this one did not.
    func commit() throws -> OutputWriter.Result {
        let (produced, staged, failure) = state.withLock { ($0.produced, $0.staged, $0.failure) }
        if let failure {
            discard()
            throw OutputError(message: failure)
        }
        let marker = OutputFile(path: OutputWriter.marker, bytes: Array("This folder is written by policy-site; files here are replaced on each build.\n".utf8))
        var result = OutputWriter.Result(written: staged.count, unchanged: produced.count - staged.count)
        if !outputExists {
            try PosixFile.create(staging + "/" + marker.path, with: marker.bytes)
            try PosixFile.move(staging, to: output)
            return result
        }
        var made: Set<String> = [""]
        for path in staged.sorted() {
            var dir = path
            var folders: [String] = []
            while let slash = dir.lastIndex(of: "/") {
                dir = String(dir[..<slash])
                if !made.insert(dir).inserted { break }
                folders.append(dir)
            }
            for folder in folders.reversed() { try PosixFile.makeFolder(output + "/" + folder) }
            try PosixFile.move(staging + "/" + path, to: output + "/" + path)
        }
        if !PosixFile.hasContents(output + "/" + marker.path, marker.bytes) {
            try PosixFile.replace(output + "/" + marker.path, with: marker.bytes)
        }
        try? FileManager.default.removeItem(atPath: staging)
        if !keepingOthers {
            result.removed = OutputWriter(folder: output).removeStale(keeping: produced.union([marker.path]))
        }
        return result
    }

    /// Removes the staging folder; the output folder is left as it was.
    func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}
