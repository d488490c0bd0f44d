import Foundation
@testable import PolicySiteKit

/// A temporary folder holding `content/` with a good publisher, a copy of the project's
/// `templates/`, `site/` built from them, and `outside/` (a folder no build may touch), into which
/// a test adds hostile files and builds again, watching time, memory and every byte outside `site/`.
struct HostileSite {
    let root: String
    var content: String { root + "/content" }
    var output: String { root + "/site" }
    var outside: String { root + "/outside" }
    var templates: String { root + "/templates" }
    static let publisher = "schools/test-school"

    /// What one build did.
    struct Outcome {
        var report: BuildReport
        var seconds: Double
        /// Growth of the test process's peak resident memory during the build.
        var peakGrowthMB: Double
        /// True when `site/` is byte for byte as it was before this build.
        var outputUnchanged: Bool
        /// True when everything in the root except `site/` is as it was before this build.
        var restUnchanged: Bool
    }

    /// Writes the good content and builds it into `site/`; nil if that build fails.
    static func make() async -> HostileSite? {
        let site = HostileSite(root: TestSite.temporaryFolder("hostile"))
        try? FileManager.default.copyItem(atPath: TestSite.templates, toPath: site.templates)
        site.write([
            publisher + "/school.yml": Array(TestSite.schoolYML.utf8),
            publisher + "/good.md": Array(TestSite.policy(body: "## 1. Introduction\n\n1.1 Staff must read this policy.\n").utf8),
        ])
        site.write(["secret.md": Array("---\ntitle: Not for publishing\n---\nPrivate.\n".utf8)], under: site.outside)
        let (report, _) = await TestSite.build(content: site.content, templates: site.templates, output: site.output)
        return report.succeeded ? site : nil
    }

    /// Writes files (path under `content/` → bytes).
    func write(_ files: [String: [UInt8]], under folder: String? = nil) {
        for (path, bytes) in files {
            let full = (folder ?? content) + "/" + path
            try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: full, contents: Data(bytes))
        }
    }

    /// Copies `Tests/Fixtures/hostile/<name>` to `<path>` under `content/` (or `folder`).
    func copyFixture(_ name: String, to path: String, under folder: String? = nil) {
        let bytes = FileManager.default.contents(atPath: TestSite.fixture("hostile/" + name)).map { [UInt8]($0) } ?? []
        write([path: bytes], under: folder)
    }

    /// Makes a symbolic link at `path` (under `root`) pointing to `target` (as written).
    func link(_ path: String, to target: String) {
        try? FileManager.default.createSymbolicLink(atPath: root + "/" + path, withDestinationPath: target)
    }

    /// Builds `content/` into `site/` again and measures it.
    func build(strict: Bool = false) async -> Outcome {
        let outputBefore = Self.snapshot(output)
        let restBefore = Self.snapshot(root, skipping: "site")
        let peakBefore = Self.peakResidentMB()
        let clock = ContinuousClock()
        let start = clock.now
        let (report, _) = await TestSite.build(content: content, templates: templates, output: output, strict: strict)
        let elapsed = clock.now - start
        return Outcome(report: report,
                       seconds: elapsed.inSeconds,
                       peakGrowthMB: Self.peakResidentMB() - peakBefore,
                       outputUnchanged: Self.snapshot(output) == outputBefore,
                       restUnchanged: Self.snapshot(root, skipping: "site") == restBefore)
    }

    /// Every entry under `folder` without following links: files by their bytes, links by their
    /// target, other kinds (pipes) by their kind, so taking a snapshot never blocks or escapes.
    static func snapshot(_ folder: String, skipping skipped: String? = nil) -> [String: [UInt8]] {
        let fm = FileManager.default
        var out: [String: [UInt8]] = [:]
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            for name in (try? fm.contentsOfDirectory(atPath: path)) ?? [] where !(relative.isEmpty && name == skipped) {
                let child = relative.isEmpty ? name : relative + "/" + name
                let full = folder + "/" + child
                switch (try? fm.attributesOfItem(atPath: full))?[.type] as? FileAttributeType {
                case .typeDirectory?: pending.append(child)
                case .typeSymbolicLink?: out[child] = Array("link → \((try? fm.destinationOfSymbolicLink(atPath: full)) ?? "?")".utf8)
                case .typeRegular?: out[child] = fm.contents(atPath: full).map { [UInt8]($0) } ?? []
                default: out[child] = Array("special".utf8)
                }
            }
        }
        return out
    }

    /// The process's peak resident memory so far, in MB (Linux reports kilobytes).
    static func peakResidentMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
