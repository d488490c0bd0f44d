import Foundation
@testable import PolicySiteKit

/// Paths and helpers shared by the tests: the repository root, fixture sites, temporary folders.
enum TestSite {
    /// The repository root (two levels above this file's folder).
    static let repoRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var content: String { repoRoot + "/content" }
    static var templates: String { repoRoot + "/templates" }
    static func fixture(_ name: String) -> String { repoRoot + "/Tests/Fixtures/" + name }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder(_ label: String = "policy-site") -> String {
        let path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Builds `content` with the project's templates into `output` (a new temporary folder by default).
    static func build(content: String = TestSite.content, templates: String = TestSite.templates, output: String? = nil,
                      baseURL: String = "/", strict: Bool = false, today: String = "2026-11-21", write: Bool = true) async -> (BuildReport, String) {
        let out = output ?? temporaryFolder() + "/site"
        let options = BuildOptions(content: content, templates: templates, output: out, baseURL: BaseURL(baseURL)!,
                                   strict: strict, today: PolicyDate(iso: today)!)
        let report = await SiteBuilder(options: options).build(write: write)
        return (report, out)
    }

    /// A content folder written from a dictionary of relative path → text.
    static func writeContent(_ files: [String: String]) -> String {
        let root = temporaryFolder("content")
        for (path, text) in files {
            let full = root + "/" + path
            try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
        }
        return root
    }

    /// A file's text under a built site.
    static func read(_ site: String, _ path: String) -> String {
        (try? String(contentsOfFile: site + "/" + path, encoding: .utf8)) ?? ""
    }

    /// Every file under `folder` with its bytes, by relative path.
    static func snapshot(_ folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return out }
        while let rel = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + rel, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = FileManager.default.contents(atPath: folder + "/" + rel)
            }
        }
        return out
    }

    /// A minimal valid publisher for fixtures.
    static let schoolYML = "name: Test School\nkind: school\n"

    /// A policy file with the given body.
    static func policy(title: String = "Test Policy", extra: String = "", body: String) -> String {
        "---\ntitle: \(title)\nadopted: 2025-09-01\nreview_due: 2027-09-01\n\(extra)---\n\(body)"
    }
}
