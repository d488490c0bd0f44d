import Foundation
import Testing
@testable import PolicySiteKit

/// Prints every form page to PDF with headless Chromium, as a school office would from the
/// browser, and reads the PDF back with poppler-utils (pdfinfo, pdftotext, pdftocairo): exactly
/// one A4 page, the school's name and every field label in its text, no site navigation, and for
/// every field a line at least 70 mm long with at least 7 mm of clear space above it to write in.
/// Chromium and poppler-utils are installed by `make setup-test` (scripts/setup.sh test); without
/// them this test fails, it never passes silently.
@Suite struct FormPrintTests {
    /// 70 mm and 7 mm in PostScript points.
    static let minimumLineWidth = 70 / 25.4 * 72
    static let minimumWritingHeight = 7 / 25.4 * 72

    @Test func everyFormPrintsOnExactlyOneA4PageWithItsSchoolAndFields() async throws {
        guard let chromium = Tool.find("chromium"), let pdfinfo = Tool.find("pdfinfo"), let pdftotext = Tool.find("pdftotext"),
              let pdftocairo = Tool.find("pdftocairo") else {
            Issue.record("chromium and poppler-utils (pdfinfo, pdftotext, pdftocairo) are needed to print the forms: run `make setup-test` (scripts/setup.sh test installs them)")
            return
        }
        let (report, site) = await TestSite.build()
        #expect(report.succeeded, "\(report.diagnostics)")
        let parsed = try #require(report.site)
        let work = TestSite.temporaryFolder("form-print")
        defer { try? FileManager.default.removeItem(atPath: work) }
        var printed = 0
        for publisher in parsed.publishers {
            for policy in publisher.policies {
                for form in policy.forms {
                    let page = FormPages.path(of: form, policy: policy, in: publisher)
                    let name = "\(publisher.school.slug)-\(form.slug)"
                    let pdf = "\(work)/\(name).pdf"
                    let chrome = try Tool.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                                         "--user-data-dir=\(work)/profile", "--print-to-pdf=\(pdf)",
                                                         URL(fileURLWithPath: site + "/" + page.file).absoluteString], in: work)
                    guard chrome.status == 0, FileManager.default.fileExists(atPath: pdf) else {
                        Issue.record("chromium could not print \(page): \(chrome.output.suffix(500))")
                        continue
                    }
                    printed += 1
                    let info = try Tool.run(pdfinfo, [pdf], in: work).output
                    #expect(info.contains("Pages:           1\n"), "\(page) prints on \(Self.field("Pages", in: info)) pages, not 1")
                    let size = Self.field("Page size", in: info).split(separator: " ").compactMap { Double($0) }
                    #expect(size.count >= 2 && abs(size[0] - 595.28) < 2 && abs(size[1] - 841.89) < 2, "\(page) is not A4: \(Self.field("Page size", in: info))")

                    let text = Self.squash(try Tool.run(pdftotext, ["-enc", "UTF-8", pdf, "-"], in: work).output)
                    for expected in [publisher.school.name, policy.title, policy.fingerprint] + form.fields.map(\.label) {
                        #expect(text.contains(Self.squash(expected)), "\(page): '\(expected)' is not printed")
                    }
                    for navigation in ["Skip to main content", "Clause index", "Accessibility statement"] {
                        #expect(!text.contains(Self.squash(navigation)), "\(page): site navigation '\(navigation)' is printed")
                    }

                    _ = try Tool.run(pdftotext, ["-bbox", pdf, "\(work)/\(name).html"], in: work)
                    _ = try Tool.run(pdftocairo, ["-svg", pdf, "\(work)/\(name).svg"], in: work)
                    let words = Self.words(try String(contentsOfFile: "\(work)/\(name).html", encoding: .utf8))
                    let rules = Self.rules(try String(contentsOfFile: "\(work)/\(name).svg", encoding: .utf8))
                    let writable = rules.filter { rule in
                        rule.x2 - rule.x1 >= Self.minimumLineWidth && !words.contains { word in
                            word.xMax > rule.x1 && word.xMin < rule.x2 && word.yMax <= rule.y && word.yMax > rule.y - Self.minimumWritingHeight
                        }
                    }
                    #expect(writable.count >= form.fields.count,
                            "\(page): \(form.fields.count) fields but only \(writable.count) lines at least 70 mm long with 7 mm to write above")
                }
            }
        }
        #expect(printed == FormPagesTests.forms.count, "every seed form was printed")
    }

    static func field(_ name: String, in info: String) -> String {
        info.split(separator: "\n").first { $0.hasPrefix(name + ":") }.map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) } ?? "?"
    }

    static func squash(_ s: String) -> String {
        String(s.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
    }

    struct Word { var xMin, yMin, xMax, yMax: Double }
    struct Rule { var x1, x2, y: Double }

    /// Words and their boxes from `pdftotext -bbox` (points, origin top left).
    static func words(_ html: String) -> [Word] {
        let pattern = #"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">"#
        return matches(pattern, in: html).map { Word(xMin: $0[0], yMin: $0[1], xMax: $0[2], yMax: $0[3]) }
    }

    /// Thin black filled rectangles (CSS borders) from `pdftocairo -svg`: at most 2 pt high.
    static func rules(_ svg: String) -> [Rule] {
        let n = #"([\d.]+)"#
        let pattern = #"fill:rgb\(0%,0%,0%\);fill-opacity:1;" d="M "# + n + " " + n + " L " + n + " " + n + " L " + n + " " + n + " L " + n + " " + n + " Z"
        return matches(pattern, in: svg).compactMap { v in
            let height = v[5] - v[3]
            return height > 0 && height <= 2 && v[1] == v[3] ? Rule(x1: v[0], x2: v[2], y: v[1]) : nil
        }
    }

    static func matches(_ pattern: String, in text: String) -> [[Double]] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (1..<m.numberOfRanges).map { Double(ns.substring(with: m.range(at: $0))) ?? 0 }
        }
    }
}

/// Runs the command-line tools the print test needs.
enum Tool {
    /// The executable's path on PATH, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `executable` with no input, its output and errors in a file, stopping it after `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], in folder: String, timeout: Double = 120) throws -> (status: Int32, output: String) {
        let log = folder + "/" + UUID().uuidString + ".log"
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        defer { try? handle.close(); try? FileManager.default.removeItem(atPath: log) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return (-1, "timed out after \(Int(timeout)) s")
        }
        try? handle.synchronize()
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return (process.terminationStatus, output)
    }
}
