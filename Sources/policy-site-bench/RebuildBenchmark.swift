import Foundation
import PolicySiteKit
// The same allocator as `policy-site` (see Package.swift).
import CMimalloc

/// `make bench`'s rebuild measurement: builds a content folder once in a `BuildSession`, as
/// `policy-site serve` does, then edits one policy's text (a word appended to its last line, in
/// a copy of the content folder) and times each rebuild, and the site-wide pages made after it
/// (which `serve` makes once the edited page has reloaded). Then checks that the output equals a
/// full build's, byte for byte. Prints each time, then the medians in seconds on the last line:
/// the rebuild's, then the site-wide pages'.
@main
struct RebuildBenchmark {
    static func main() async throws {
        var arguments = CommandLine.arguments.dropFirst()
        var content = "content", templates = "templates", runs = 10
        while let flag = arguments.popFirst() {
            switch flag {
            case "--content": content = arguments.popFirst() ?? content
            case "--templates": templates = arguments.popFirst() ?? templates
            case "--runs": runs = arguments.popFirst().flatMap { Int($0) } ?? runs
            default:
                FileHandle.standardError.write(Data("usage: policy-site-bench --content DIR --templates DIR [--runs N]\n".utf8))
                exit(2)
            }
        }
        let fm = FileManager.default
        let work = fm.temporaryDirectory.appendingPathComponent("policy-site-rebuild-\(getpid())").path
        defer { try? fm.removeItem(atPath: work) }
        try fm.createDirectory(atPath: work, withIntermediateDirectories: true)
        try fm.copyItem(atPath: content, toPath: work + "/content")
        let policy = try firstPolicy(in: work + "/content/schools")
        let original = try String(contentsOfFile: policy, encoding: .utf8)

        let options = BuildOptions(content: work + "/content", templates: templates, output: work + "/site", today: PolicyDate(iso: "2026-11-21")!)
        let session = BuildSession(options: options)
        let first = await session.build()
        guard first.succeeded else { fail("the first build failed: \(first.diagnostics.filter { $0.severity == .error }.prefix(3))") }
        _ = session.finishBuild()

        var times: [Double] = [], deferred: [Double] = []
        for run in 0..<runs {
            let edited = original.hasSuffix("\n") ? String(original.dropLast()) + " edit\(run)\n" : original + " edit\(run)"
            try edited.write(toFile: policy, atomically: true, encoding: .utf8)
            let start = ContinuousClock.now
            let report = await session.build(changed: [policy])
            let elapsed = ContinuousClock.now - start
            guard report.succeeded, report.written > 0 else { fail("rebuild \(run) failed or wrote nothing: \(report.diagnostics.filter { $0.severity == .error }.prefix(3))") }
            guard session.hasDeferredWork else { fail("rebuild \(run) was a full build: the edit should have needed only the policy's pages") }
            _ = session.finishBuild()
            let lateStart = ContinuousClock.now
            guard let late = await session.finishDeferred(), late.succeeded else { fail("the site-wide pages after rebuild \(run) failed") }
            let lateElapsed = ContinuousClock.now - lateStart
            times.append(elapsed.inSeconds)
            deferred.append(lateElapsed.inSeconds)
            print(String(format: "rebuild %d: %.1f ms (%d files written; %@), then site-wide pages %.1f ms (%d files written)",
                         run, elapsed.inSeconds * 1000, report.written,
                         report.timingLines.joined(separator: ", "), lateElapsed.inSeconds * 1000, late.written))
        }
        var fullOptions = options
        fullOptions.output = work + "/site-full"
        let full = await SiteBuilder(options: fullOptions).build()
        guard full.succeeded else { fail("the full build failed") }
        if let difference = firstDifference(options.output, fullOptions.output) {
            fail("after the rebuilds the output differs from a full build's: \(difference)")
        }
        print("after the rebuilds the output is the same as a full build's")
        print(String(format: "%.4f %.4f", times.sorted()[times.count / 2], deferred.sorted()[deferred.count / 2]))
    }

    /// The first file that is in one folder and not the other, or differs; nil when they are the same.
    static func firstDifference(_ a: String, _ b: String) -> String? {
        let fm = FileManager.default
        func files(_ root: String) -> Set<String> {
            Set((fm.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { path in
                var isFolder: ObjCBool = false
                return fm.fileExists(atPath: root + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
            })
        }
        let left = files(a), right = files(b)
        if let only = left.symmetricDifference(right).sorted().first { return "\(only) is in only one of them" }
        for path in left.sorted() where fm.contents(atPath: a + "/" + path) != fm.contents(atPath: b + "/" + path) {
            return "\(path) differs"
        }
        return nil
    }

    /// The first policy file (by name) of the first publisher folder.
    static func firstPolicy(in schools: String) throws -> String {
        let fm = FileManager.default
        for school in try fm.contentsOfDirectory(atPath: schools).sorted() {
            let files = ((try? fm.contentsOfDirectory(atPath: schools + "/" + school)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
            if let first = files.first { return schools + "/" + school + "/" + first }
        }
        fail("no policy under \(schools)")
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("policy-site-bench: \(message)\n".utf8))
        exit(1)
    }
}
