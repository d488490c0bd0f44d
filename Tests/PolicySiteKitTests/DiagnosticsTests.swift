import Testing
@testable import PolicySiteKit

/// Every problem in a source is reported at its exact place in the file.
@Suite struct DiagnosticsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var line: Int
        var column: Int
        var contains: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "front matter never closed", text: "---\ntitle: A\nadopted: 2025-09\n\n# Body\n", line: 1, column: 1, contains: "never closed"),
        Case(name: "no front matter", text: "# Just a body\n", line: 1, column: 1, contains: "front matter missing"),
        Case(name: "empty file", text: "", line: 1, column: 1, contains: "front matter missing"),
        Case(name: "missing title", text: "---\nversion: \"1\"\n---\nBody\n", line: 2, column: 1, contains: "missing required field 'title'"),
        Case(name: "unparseable date", text: "---\ntitle: A\nadopted: 2025-13-01\n---\nBody\n", line: 3, column: 10, contains: "'adopted' is not a date"),
        Case(name: "words for a date", text: "---\ntitle: A\nreview_due: next September\n---\n", line: 3, column: 13, contains: "'review_due' is not a date"),
        Case(name: "YAML syntax", text: "---\ntitle: A\naudience: [staff, governors\n---\n", line: 4, column: 1, contains: "YAML syntax"),
        Case(name: "bad audience", text: "---\ntitle: A\naudience: [staff, teachers]\n---\n", line: 3, column: 19, contains: "audience 'teachers'"),
        Case(name: "key twice", text: "---\ntitle: A\ntitle: B\n---\n", line: 3, column: 1, contains: "given twice"),
        Case(name: "review before adoption", text: "---\ntitle: A\nadopted: 2025-09-01\nreview_due: 2024-09-01\n---\n", line: 4, column: 13, contains: "before adopted"),
        Case(name: "YAML alias", text: "---\ntitle: &t A\n---\n", line: 2, column: 8, contains: "aliases"),
        Case(name: "too deep", text: "---\ntitle: A\n---\n" + (0..<100).map { String(repeating: ">", count: $0 + 1) + " x" }.joined(separator: "\n"), line: 66, column: 65, contains: "nest"),
    ]

    @Test(arguments: cases)
    func errorIsReportedAtItsPlace(_ c: Case) {
        let (policy, diagnostics) = Policy.parse(c.text, school: Slug(validating: "s")!, slug: Slug(validating: "p")!, path: "content/schools/s/p.md")
        #expect(policy == nil)
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.location == SourceLocation(path: "content/schools/s/p.md", line: c.line, column: c.column))
        #expect(error?.message.contains(c.contains) == true, "\(String(describing: error))")
    }

    @Test func printsCompilerStyle() {
        let d = Diagnostic.error("missing required field 'title'", at: SourceLocation(path: "content/schools/a/b.md", line: 2, column: 1))
        #expect(d.description == "content/schools/a/b.md:2:1: error: missing required field 'title'")
        #expect([d, .warning("w", at: SourceLocation(path: "x"))].summary == "1 error, 1 warning")
    }

    @Test func unknownFieldIsAWarningAtItsKey() {
        let (policy, diagnostics) = Policy.parse("---\ntitle: A\nreveiw_due: 2026-09\n---\n", school: Slug(validating: "s")!, slug: Slug(validating: "p")!, path: "p.md")
        #expect(policy != nil)
        #expect(diagnostics.map(\.description) == ["p.md:3:1: warning: unknown field 'reveiw_due' (known fields: \(Policy.knownFields))"])
    }

    @Test func bodyLinesAreFileLines() {
        let text = "---\ntitle: A\n---\n\n<script>alert(1)</script>\n"
        let (policy, _) = Policy.parse(text, school: Slug(validating: "s")!, slug: Slug(validating: "p")!, path: "p.md")
        var renderer = PolicyBodyRenderer(policy: policy!)
        let html = renderer.render()
        #expect(!html.contains("<script"))
        #expect(renderer.diagnostics.first?.location == SourceLocation(path: "p.md", line: 5, column: 1))
    }

    struct Bytes: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var line: Int
        var column: Int
        var testDescription: String { name }
    }

    static let badBytes: [Bytes] = [
        Bytes(name: "invalid UTF-8", bytes: Array("---\ntitle: A\n---\nab".utf8) + [0xFF, 0x41], line: 4, column: 3),
        Bytes(name: "overlong encoding", bytes: Array("ok\n".utf8) + [0xC0, 0xAF], line: 2, column: 1),
        Bytes(name: "truncated sequence", bytes: Array("x\ny\nz".utf8) + [0xE2, 0x82], line: 3, column: 2),
        Bytes(name: "NUL byte", bytes: Array("---\ntitle: A".utf8) + [0] + Array("\n---\n".utf8), line: 2, column: 9),
        Bytes(name: "lone CR line ends count as lines", bytes: Array("a\rb\r".utf8) + [0xFF], line: 3, column: 1),
    ]

    @Test(arguments: badBytes)
    func badBytesAreReportedWhereTheyAre(_ b: Bytes) {
        guard case .failure(let d) = SourceText.decode(b.bytes, path: "f.md") else {
            Issue.record("decoded")
            return
        }
        #expect(d.location == SourceLocation(path: "f.md", line: b.line, column: b.column))
    }

    @Test func byteOrderMarkAndCRLFAreNormalised() {
        guard case .success(let s) = SourceText.decode([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: A\r\n---\rBody\r\n".utf8), path: "f.md") else {
            Issue.record("failed")
            return
        }
        #expect(s.text == "---\ntitle: A\n---\nBody\n")
    }

    /// Plain ASCII is stepped over a word at a time: a bad byte, a line end or the line limit is
    /// still found at its exact column wherever it falls in a word.
    @Test(arguments: 0..<17)
    func badBytesAreFoundAtEveryOffsetInAWord(_ offset: Int) {
        let prefix = Array(String(repeating: "a", count: offset).utf8)
        for (bad, line, column) in [([UInt8(0)], 1, offset + 1), ([0xFF], 1, offset + 1), (Array("\n\u{0}".utf8), 2, 1),
                                    (Array("\r\n".utf8) + [0xC0], 2, 1), (Array("\r".utf8) + [0xFE], 2, 1), (Array("é".utf8) + [0x80], 1, offset + 2)] {
            guard case .failure(let d) = SourceText.decode(prefix + bad + Array("tail of the line".utf8), path: "f.md") else {
                Issue.record("decoded \(bad)")
                continue
            }
            #expect(d.location == SourceLocation(path: "f.md", line: line, column: column), "\(bad)")
        }
        let limit = SourceText.maximumLineLength
        let atLimit = [UInt8](repeating: 0x61, count: limit - offset) + Array("\n".utf8) + [UInt8](repeating: 0x62, count: limit + 1)
        guard case .failure(let d) = SourceText.decode(prefix + atLimit, path: "f.md") else {
            Issue.record("a line over the limit was read")
            return
        }
        #expect(d.location == SourceLocation(path: "f.md", line: 2, column: limit + 1))
    }

    /// Files that need no change and have nothing to report are read on the fast path; every
    /// other file (a CR, a NUL, bad UTF-8, a line that may be too long) goes the byte-by-byte way.
    @Test(arguments: [
        (Array("plain\nlines\n".utf8), "plain\nlines\n"),
        ([0xEF, 0xBB, 0xBF] + Array("after a BOM".utf8), "after a BOM"),
        (Array("café, “quoted” 😀".utf8), "café, “quoted” 😀"),
        ([], ""),
        (Array("a\r\nb".utf8), nil),
        (Array("a\u{0}b".utf8), nil),
        ([0x61, 0xC3], nil),
        ([0xED, 0xA0, 0x80], nil),
        (Array(String(repeating: "a", count: SourceText.maximumLineLength + 1).utf8), nil),
        (Array((String(repeating: "a", count: SourceText.maximumLineLength) + "\nb").utf8), String(repeating: "a", count: SourceText.maximumLineLength) + "\nb"),
    ] as [([UInt8], String?)])
    func plainFilesTakeTheFastPath(_ c: ([UInt8], String?)) {
        #expect(SourceText.plainText(c.0) == c.1)
        if let text = c.1, case .success(let decoded) = SourceText.decode(c.0, path: "f.md") { #expect(decoded.text == text) }
    }
}
