import Foundation
import Testing
@testable import PolicySiteKit

/// What the authoring commands rely on: the parse cache of the preview server, the grouped
/// listing of `check`, the files `new` makes, and notes to editors in HTML comments.
@Suite struct AuthoringTests {
    @Test func cacheReparsesOnlyTheEditedPolicy() async throws {
        let content = TestSite.writeContent([
            "schools/test-school/school.yml": TestSite.schoolYML,
            "schools/test-school/one.md": TestSite.policy(title: "One", body: "## 1. Intro\n\n1.1 First text.\n"),
            "schools/test-school/two.md": TestSite.policy(title: "Two", body: "## 1. Intro\n\n1.1 Second text.\n"),
        ])
        let output = TestSite.temporaryFolder() + "/site"
        let options = BuildOptions(content: content, templates: TestSite.templates, output: output, today: PolicyDate(iso: "2026-11-21")!)
        let cache = ParseCache()
        let first = await SiteBuilder(options: options).build(cache: cache)
        #expect(first.succeeded)
        #expect(cache.finishBuild() == ParseCache.Counts(parsed: 3, reused: 0, derivedMade: 3, derivedReused: 0))
        _ = await SiteBuilder(options: options).build(cache: cache)
        #expect(cache.finishBuild() == ParseCache.Counts(parsed: 0, reused: 3, derivedMade: 0, derivedReused: 1))

        try TestSite.policy(title: "One", body: "## 1. Intro\n\n1.1 Changed text.\n").write(toFile: content + "/schools/test-school/one.md", atomically: true, encoding: .utf8)
        let third = await SiteBuilder(options: options).build(cache: cache)
        #expect(cache.finishBuild() == ParseCache.Counts(parsed: 1, reused: 2, derivedMade: 2, derivedReused: 1))
        #expect(third.written > 0)
        #expect(TestSite.read(output, "test-school/one/index.html").contains("Changed text."))

        let (uncached, fresh) = await TestSite.build(content: content)
        #expect(uncached.succeeded)
        #expect(TestSite.snapshot(fresh) == TestSite.snapshot(output))
    }

    @Test func listingGroupsByFileAndSortsByLine() {
        let diagnostics: [Diagnostic] = [
            .warning("unknown field 'colour'", at: SourceLocation(path: "content/schools/b/p.md", line: 4, column: 1)),
            .error("'adopted' is not a date", at: SourceLocation(path: "content/schools/b/p.md", line: 3, column: 10)),
            .error("missing school.yml", at: SourceLocation(path: "content/schools/a/school.yml")),
        ]
        #expect(DiagnosticListing.grouped(diagnostics) == """
        content/schools/a/school.yml
          1:1: error: missing school.yml

        content/schools/b/p.md
          3:10: error: 'adopted' is not a date
          4:1: warning: unknown field 'colour'

        """)
        #expect(DiagnosticListing.summary(diagnostics, site: nil, pages: 0) == "2 errors, 1 warning in 2 files")
        #expect(DiagnosticListing.summary([], site: Site(config: SiteConfig(), publishers: []), pages: 3) == "no problems; checked 0 publishers, 0 policies and 3 pages")
    }

    static let badSlugs: [(String, String)] = [
        ("Roe Green", "'Roe Green' is not a valid publisher slug: use lower-case letters, digits and single hyphens (for example roe-green-junior-school); did you mean 'roe-green'?"),
        ("../evil", "'../evil' is not a valid publisher slug: use lower-case letters, digits and single hyphens (for example roe-green-junior-school); did you mean 'evil'?"),
        ("a--b", "'a--b' is not a valid publisher slug: use lower-case letters, digits and single hyphens (for example roe-green-junior-school); did you mean 'a-b'?"),
        ("", "'' is not a valid publisher slug: use lower-case letters, digits and single hyphens (for example roe-green-junior-school)"),
    ]

    @Test(arguments: badSlugs)
    func newSchoolRefusesAnInvalidSlug(_ c: (String, String)) {
        #expect(Scaffold.school(slug: c.0, content: TestSite.temporaryFolder()) == .failure(Scaffold.Failure(message: c.1)))
    }

    @Test func newRefusesExistingFilesAndMissingPublishers() throws {
        let content = TestSite.writeContent(["schools/test-school/school.yml": TestSite.schoolYML, "schools/test-school/p.md": "x"])
        let today = PolicyDate(iso: "2026-11-21")!
        guard case .failure(let exists) = Scaffold.school(slug: "test-school", content: content) else { Issue.record("accepted"); return }
        #expect(exists.message.hasPrefix("\(content)/schools/test-school already exists"))
        guard case .failure(let policy) = Scaffold.policy(school: "test-school", slug: "p", today: today, content: content) else { Issue.record("accepted"); return }
        #expect(policy.message == "\(content)/schools/test-school/p.md already exists; edit it, or choose another slug")
        guard case .failure(let missing) = Scaffold.policy(school: "no-such", slug: "p", today: today, content: content) else { Issue.record("accepted"); return }
        #expect(missing.message.contains("create it first with: policy-site new school no-such"))
        guard case .failure(let kind) = Scaffold.school(slug: "x", kind: "academy", content: content) else { Issue.record("accepted"); return }
        #expect(kind.message == "kind 'academy' is not one of: school, local-authority, trust")
        #expect(try String(contentsOfFile: content + "/schools/test-school/p.md", encoding: .utf8) == "x")
    }

    /// What `new` makes builds under --strict with no diagnostic at all, and the example note is not published.
    @Test func scaffoldedFilesBuildCleanly() async throws {
        let content = TestSite.temporaryFolder("content")
        let today = PolicyDate(iso: "2026-11-21")!
        let school = try Scaffold.school(slug: "example-primary", content: content).get()
        #expect(Scaffold.write(school) == nil)
        let policy = try Scaffold.policy(school: "example-primary", slug: "anti-bullying", today: today, content: content).get()
        #expect(Scaffold.write(policy) == nil)
        #expect(Scaffold.write(policy) != nil, "writing twice must not replace the file")
        #expect(policy.text.contains("title: \"Anti Bullying Policy\"\n"))
        #expect(policy.text.contains("adopted: 2026-11-21 ") && policy.text.contains("review_due: 2027-11 "))

        let (report, site) = await TestSite.build(content: content, strict: true)
        #expect(report.diagnostics == [])
        let page = TestSite.read(site, "example-primary/anti-bullying/index.html")
        #expect(page.contains("id=\"clause-1.1\""))
        #expect(!page.contains("note like this one"))
        #expect(TestSite.read(site, "example-primary/index.html").contains("<h1>Example Primary</h1>"))
    }

    static let comments: [(String, Int)] = [
        ("<!-- a note -->\n\nText\n", 0),
        ("Text <!-- inline note --> more\n", 0),
        ("<!--\nmany\nlines\n-->\n", 0),
        ("<!-- note --><script>x</script>\n", 1),
        ("<div>not a comment</div>\n", 1),
    ]

    @Test(arguments: comments)
    func htmlCommentsAreNotesNotWarnings(_ c: (String, Int)) async {
        let content = TestSite.writeContent([
            "schools/test-school/school.yml": TestSite.schoolYML,
            "schools/test-school/p.md": TestSite.policy(body: c.0),
        ])
        let (report, site) = await TestSite.build(content: content)
        #expect(report.diagnostics.filter { $0.message.hasPrefix("raw HTML") }.count == c.1)
        let page = TestSite.read(site, "test-school/p/index.html")
        #expect(!page.contains("note") && !page.contains("<script>x"))
    }
}
