import Foundation
import Testing
@testable import PolicySiteKit

/// The preview server's rebuilds: after an edit to a policy's text only its pages are made, the
/// site-wide ones follow, and then the output and the diagnostics are exactly a full build's.
@Suite struct BuildSessionTests {
    static let policy = "/schools/roe-green-junior-school/digital-online-safety-and-acceptable-use.md"
    static let page = "roe-green-junior-school/digital-online-safety-and-acceptable-use/index.html"
    static let clause = "5.2 Staff need to be aware of their online reputation"

    /// A copy of the sample content, a session that has built it, and the policy's file.
    static func start() async throws -> (BuildSession, content: String, file: String) {
        let content = TestSite.temporaryFolder("session") + "/content"
        try FileManager.default.copyItem(atPath: TestSite.content, toPath: content)
        let options = BuildOptions(content: content, templates: TestSite.templates, output: content + "/../site",
                                   today: PolicyDate(iso: "2026-11-21")!)
        let session = BuildSession(options: options)
        let first = await session.build()
        #expect(first.succeeded)
        #expect(!session.hasDeferredWork)
        return (session, content, content + policy)
    }

    static func edit(_ file: String, replacing old: String, with new: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: file, atomically: true, encoding: .utf8)
    }

    /// Builds the same content from nothing and expects the same files and diagnostics.
    static func expectSameAsFullBuild(_ session: BuildSession, diagnostics: [Diagnostic]) async {
        var options = session.options
        options.output = TestSite.temporaryFolder("full") + "/site"
        let full = await SiteBuilder(options: options).build()
        #expect(full.succeeded)
        #expect(diagnostics.map(\.description) == full.diagnostics.map(\.description))
        let built = HostileSite.snapshot(session.options.output), fresh = HostileSite.snapshot(options.output)
        #expect(built.keys.sorted() == fresh.keys.sorted())
        let differing = built.keys.filter { built[$0] != fresh[$0] }.sorted()
        #expect(differing.isEmpty, "differ from a full build: \(differing.prefix(5))")
    }

    @Test func anEditToAClauseMakesOnlyItsPagesThenTheSiteWidePages() async throws {
        let (session, _, file) = try await Self.start()
        try Self.edit(file, replacing: Self.clause, with: Self.clause + " (edited)")
        let rebuild = await session.build(changed: [file])
        #expect(rebuild.succeeded)
        #expect(session.hasDeferredWork, "the edit should not have needed a full build")
        #expect(rebuild.written > 0 && rebuild.written < 20, "\(rebuild.written) files written")
        #expect(TestSite.read(session.options.output, Self.page).contains("reputation (edited)"))
        // The clause index shows the clause's first words: it follows with the site-wide pages.
        #expect(!TestSite.read(session.options.output, "clauses/index.html").contains("reputation (edited)"))

        let late = try #require(await session.finishDeferred())
        #expect(late.succeeded)
        #expect(!session.hasDeferredWork)
        #expect(await session.finishDeferred() == nil)
        #expect(TestSite.read(session.options.output, "clauses/index.html").contains("reputation (edited)"))
        await Self.expectSameAsFullBuild(session, diagnostics: late.diagnostics)
        #expect(rebuild.diagnostics.map(\.description) == late.diagnostics.map(\.description))
    }

    @Test func anEditThatAddsAClauseBuildsEverything() async throws {
        let (session, _, file) = try await Self.start()
        try Self.edit(file, replacing: Self.clause, with: "5.9 A new clause.\n\n" + Self.clause)
        let rebuild = await session.build(changed: [file])
        #expect(rebuild.succeeded)
        #expect(!session.hasDeferredWork)
        #expect(TestSite.read(session.options.output, "clauses/index.html").contains("A new clause."))
        await Self.expectSameAsFullBuild(session, diagnostics: rebuild.diagnostics)
    }

    @Test func aBrokenEditLeavesTheOutputAndIsMadeWhenFixed() async throws {
        let (session, _, file) = try await Self.start()
        let before = HostileSite.snapshot(session.options.output)
        let original = try String(contentsOfFile: file, encoding: .utf8)
        #expect(original.hasPrefix("---\n"))
        try ("---\nreview_due: soon\n" + original.dropFirst(4)).write(toFile: file, atomically: true, encoding: .utf8)
        let broken = await session.build(changed: [file])
        #expect(!broken.succeeded)
        #expect(broken.diagnostics.contains { $0.severity == .error && $0.location.path == file })
        #expect(HostileSite.snapshot(session.options.output) == before)

        // Fixed, while the watcher reports only the fix: the output takes the edit.
        try original.replacingOccurrences(of: Self.clause, with: Self.clause + " (fixed)").write(toFile: file, atomically: true, encoding: .utf8)
        let fixed = await session.build(changed: [file])
        #expect(fixed.succeeded)
        #expect(TestSite.read(session.options.output, Self.page).contains("reputation (fixed)"))
        if let late = await session.finishDeferred() {
            #expect(late.succeeded)
            await Self.expectSameAsFullBuild(session, diagnostics: late.diagnostics)
        } else {
            await Self.expectSameAsFullBuild(session, diagnostics: fixed.diagnostics)
        }
    }
}
