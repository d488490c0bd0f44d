import Foundation
import PolicySiteKit

/// `make bench`'s rebuild measurement: builds a content folder once with a parse cache, as
/// `policy-site serve` does, then edits one policy's text (a word appended to its last line, in
/// a copy of the content folder) and times each rebuild. Prints each time, then the median in
/// seconds on the last line.
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
        let cache = ParseCache()
        let first = await SiteBuilder(options: options).build(cache: cache)
        guard first.succeeded else { fail("the first build failed: \(first.diagnostics.filter { $0.severity == .error }.prefix(3))") }
        _ = cache.finishBuild()

        var times: [Double] = []
        for run in 0..<runs {
            let edited = original.hasSuffix("\n") ? String(original.dropLast()) + " edit\(run)\n" : original + " edit\(run)"
            try edited.write(toFile: policy, atomically: true, encoding: .utf8)
            let start = ContinuousClock.now
            let report = await SiteBuilder(options: options).build(cache: cache)
            let elapsed = ContinuousClock.now - start
            guard report.succeeded, report.written > 0 else { fail("rebuild \(run) failed or wrote nothing") }
            _ = cache.finishBuild()
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            times.append(seconds)
            print(String(format: "rebuild %d: %.1f ms (%d files written)", run, seconds * 1000, report.written))
        }
        print(String(format: "%.4f", times.sorted()[times.count / 2]))
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
