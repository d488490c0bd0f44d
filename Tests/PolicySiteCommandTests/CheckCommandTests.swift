import Foundation
import Testing

/// `policy-site check` and `policy-site new`, run as a user runs them.
@Suite struct CheckCommandTests {
    /// Every folder under Tests/Fixtures/invalid is a content folder with at least one error;
    /// its `expected.txt` lists lines the grouped output must contain.
    static let invalidFixtures: [String] = {
        let folder = Tool.fixture("invalid")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test func thereAreInvalidFixtures() {
        #expect(Self.invalidFixtures.count >= 8)
    }

    @Test(arguments: invalidFixtures)
    func checkFailsOnAnInvalidFixture(_ name: String) async throws {
        let binary = try #require(Tool.binary, "policy-site is not built")
        let folder = Tool.fixture("invalid/" + name)
        let run = try await Tool.run(binary, ["check", "--content", folder, "--templates", Tool.templates])
        #expect(run.status == 1, "\(run.output)")
        let expected = try String(contentsOfFile: folder + "/expected.txt", encoding: .utf8)
        let lines = run.output.split(separator: "\n").map(String.init)
        for line in expected.split(separator: "\n") {
            if line.hasPrefix("  ") {
                #expect(lines.contains { $0.hasPrefix(line) }, "missing line '\(line)' in:\n\(run.output)")
            } else {
                #expect(lines.contains(folder + "/" + line), "missing file heading '\(line)' in:\n\(run.output)")
            }
        }
        #expect(lines.last?.hasPrefix("check failed: ") == true, "\(run.output)")
    }

    @Test func checkPassesOnTheContentAndWritesNothing() async throws {
        let binary = try #require(Tool.binary, "policy-site is not built")
        let folder = NSTemporaryDirectory() + "policy-site-check-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let run = try await Tool.run(binary, ["check", "--content", Tool.content, "--templates", Tool.templates], in: folder)
        #expect(run.status == 0, "\(run.output)")
        let summary = run.output.split(separator: "\n").last ?? ""
        #expect(summary.hasPrefix("check passed: ") && summary.contains("; checked 5 publishers, 5 policies and "), "\(run.output)")
        #expect(!run.output.contains(": error: "), "\(run.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "check wrote files")
    }

    @Test func strictMakesAWarningFail() async throws {
        let binary = try #require(Tool.binary, "policy-site is not built")
        let folder = Tool.fixture("warnings-only")
        let lenient = try await Tool.run(binary, ["check", "--content", folder, "--templates", Tool.templates])
        #expect(lenient.status == 0, "\(lenient.output)")
        #expect(lenient.output.contains("  3:1: warning: unknown field"), "\(lenient.output)")
        let strict = try await Tool.run(binary, ["check", "--strict", "--content", folder, "--templates", Tool.templates])
        #expect(strict.status == 1, "\(strict.output)")
        #expect(strict.output.contains("  3:1: error: unknown field"), "\(strict.output)")
    }

    /// Each phase's time, and (on Linux) the peak memory when it ended.
    @Test func verbosePrintsEachPhaseWithItsTime() async throws {
        let binary = try #require(Tool.binary, "policy-site is not built")
        let run = try await Tool.run(binary, ["check", "--verbose", "--content", Tool.content, "--templates", Tool.templates])
        for phase in ["load", "parse", "resolve", "render", "check"] {
            #expect(run.output.split(separator: "\n").contains { $0.range(of: "^\(phase): [0-9.]+ ms(, CPU [0-9.]+ ms)?( \\(peak memory [0-9]+ MiB\\))?$", options: .regularExpression) != nil }, "\(phase) in \(run.output)")
        }
        #expect(!run.output.contains("\u{1B}["), "progress must not be drawn when standard error is not a terminal")
    }

    /// On a terminal (here a pseudo-terminal made by `script`), each phase is shown and the line cleared.
    @Test func aBuildOnATerminalShowsProgress() async throws {
        let binary = try #require(Tool.binary, "policy-site is not built")
        let script = try #require(Tool.which("script"), "script (util-linux) is needed to give the build a terminal")
        let output = NSTemporaryDirectory() + "policy-site-progress-\(UUID().uuidString)"
        let command = [binary, "build", "--content", Tool.content, "--templates", Tool.templates, "--output", output].map { "'\($0)'" }.joined(separator: " ")
        let run = try await Tool.run(script, ["-qec", command, "/dev/null"])
        #expect(run.status == 0, "\(run.output)")
        for (n, phase) in ["1/6] reading content", "2/6] parsing policies", "4/6] rendering pages", "6/6] writing the site"].enumerated() {
            #expect(run.output.contains("\r\u{1B}[K[" + phase), "phase \(n) in \(run.output.debugDescription)")
        }
        #expect(run.output.contains("[6/6] writing the site…\r\u{1B}[K"), "the progress line is cleared before anything else is printed: \(run.output.debugDescription)")
    }

    @Test func newMakesASchoolAndAPolicyThatPassStrictCheck() async throws {
        let binary = try #require(Tool.binary, "policy-site is not built")
        let content = NSTemporaryDirectory() + "policy-site-new-\(UUID().uuidString)"
        let school = try await Tool.run(binary, ["new", "school", "oak-primary", "--name", "Oak Primary: School", "--content", content])
        #expect(school.status == 0, "\(school.output)")
        let policy = try await Tool.run(binary, ["new", "policy", "oak-primary", "e-safety", "--content", content, "--today", "2026-11-21"])
        #expect(policy.status == 0, "\(policy.output)")
        #expect(policy.output.hasPrefix("created \(content)/schools/oak-primary/e-safety.md"))
        let check = try await Tool.run(binary, ["check", "--strict", "--today", "2026-11-21", "--content", content, "--templates", Tool.templates])
        #expect(check.status == 0, "\(check.output)")

        let again = try await Tool.run(binary, ["new", "policy", "oak-primary", "e-safety", "--content", content])
        #expect(again.status == 1)
        #expect(again.output == "error: \(content)/schools/oak-primary/e-safety.md already exists; edit it, or choose another slug\n")
        let bad = try await Tool.run(binary, ["new", "school", "Oak Primary", "--content", content])
        #expect(bad.status == 1)
        #expect(bad.output.contains("did you mean 'oak-primary'?"))
    }
}
