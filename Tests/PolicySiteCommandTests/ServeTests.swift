import Foundation
import PolicySiteKit
@testable import PolicySiteServer
import Testing

/// Tests that run servers and a browser, one at a time, so that one's load does not disturb
/// another's timing.
@Suite(.serialized) struct LiveTests {}

extension LiveTests {
    /// `policy-site serve`: rebuild on change, reload event, error banner, clean stop.
    @Suite(.serialized) struct ServeTests {
        /// A preview server on a free loopback port over a copy of a content folder.
        final class Session: @unchecked Sendable {
            let content: String
            let output: String
            let server: PreviewServer
            let running: Task<Void, any Error>
            let port: Int
            let rebuilds = Locked<[PreviewServer.Rebuild]>([])
            let log = Locked<[String]>([])

            init(content source: String) async throws {
                content = try Tool.copy(source)
                output = NSTemporaryDirectory() + "policy-site-serve-\(UUID().uuidString)"
                let options = BuildOptions(content: content, templates: Tool.templates, output: output, today: PolicyDate(iso: "2026-11-21")!)
                let (ports, portSink) = AsyncStream<Int>.makeStream()
                let rebuilds = self.rebuilds, log = self.log
                let server = PreviewServer(
                    configuration: .init(options: options, port: 0, handlesSignals: false),
                    log: { line in log.set(log.value + [line]) },
                    onReady: { portSink.yield($0) },
                    onRebuild: { rebuilds.set(rebuilds.value + [$0]) }
                )
                self.server = server
                running = Task { try await server.run() }
                var iterator = ports.makeAsyncIterator()
                guard let port = await iterator.next() else { throw Loopback.Failure(description: "the server did not start") }
                self.port = port
            }

            func get(_ path: String) async throws -> Loopback.Response {
                try await Loopback.request(port: port, path: path)
            }

            /// Stops the server; true when `run()` returned within `timeout` seconds.
            func stop(timeout: Double = 10) async -> Bool {
                await server.stop()
                let running = self.running
                return await withTaskGroup(of: Bool.self) { group in
                    group.addTask { (try? await running.value) != nil }
                    group.addTask { try? await Task.sleep(for: .seconds(timeout)); return false }
                    let first = await group.next() ?? false
                    group.cancelAll()
                    return first
                }
            }
        }

        static let policy = "/schools/roe-green-junior-school/digital-online-safety-and-acceptable-use.md"
        static let page = "/roe-green-junior-school/digital-online-safety-and-acceptable-use/"
        static let added = "99.1 The preview shows this sentence within a second of saving."

        /// The content folder with two publishers, Roe Green and the trust's model, and the shared
        /// data: what one school's editor previews. (A debug build renders the five seed publishers in about 0.6 s on a busy
        /// 2-core machine, a release build in under 0.1 s; docs/authoring.md has the figures.)
        static func twoPublishers() throws -> String {
            let content = try Tool.copy(Tool.content)
            for school in try FileManager.default.contentsOfDirectory(atPath: content + "/schools") where !["roe-green-junior-school", "school-trust-model"].contains(school) {
                try FileManager.default.removeItem(atPath: content + "/schools/" + school)
            }
            return content
        }

        @Test func anEditIsServedWithAReloadEventWithinOneSecond() async throws {
            let session = try await Session(content: try Self.twoPublishers())
            let events = try Loopback.EventStream(port: session.port, path: "/__policy-site/events")
            #expect(try await events.wait(for: "event: hello\ndata: 1\n\n", timeout: 10), "\(events.received)")

            let before = try await session.get(Self.page)
            #expect(before.status == 200)
            #expect(before.body.contains("<script src=\"/__policy-site/reload.js?g=1\" defer></script>\n</body>"))
            #expect(!before.body.contains(Self.added))

            let file = session.content + Self.policy
            let text = try String(contentsOfFile: file, encoding: .utf8) + "\n## 99. Preview\n\n\(Self.added)\n"
            let clock = ContinuousClock()
            let start = clock.now
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            let reloaded = try await events.wait(for: "event: reload\ndata: 2\n\n", timeout: 10)
            let after = try await session.get(Self.page)
            let elapsed = clock.now - start
            #expect(reloaded, "\(events.received)")
            #expect(after.body.contains(Self.added.dropFirst(5)))
            #expect(after.body.contains("id=\"clause-99.1\""))
            #expect(elapsed < .seconds(1), "edit to served page took \(elapsed)")
            print("serve: an edit was rebuilt, announced and served in \(elapsed) (rebuild \(Int((session.rebuilds.value.last?.seconds ?? 0) * 1000)) ms, debug build)")
            // Only the edited policy was parsed and indexed again (its own part and its publisher's).
            // Its new clause needs a full build: the rebuild parsed it once on its own, found its
            // surface changed, and the full build reused it with the three other files.
            #expect(session.rebuilds.value.last?.parsed == ParseCache.Counts(parsed: 1, reused: 4, derivedMade: 2, derivedReused: 1))
            // The reload script is the server's: the built page on disk has none.
            let built = try String(contentsOfFile: session.output + Self.page + "index.html", encoding: .utf8)
            #expect(built.contains(Self.added.dropFirst(5)) && !built.contains("__policy-site"))

            // A broken edit: the banner shows the error, and the last good page is still served.
            try "---\ntitle: [broken\n---\n".write(toFile: file, atomically: true, encoding: .utf8)
            #expect(try await events.wait(for: "event: reload\ndata: 3\n\n", timeout: 10))
            let broken = try await session.get(Self.page)
            #expect(broken.status == 200)
            #expect(broken.body.contains("class=\"policy-site-preview-error\" role=\"alert\""))
            #expect(broken.body.contains("<code>\(file):"))
            #expect(broken.body.contains(Self.added.dropFirst(5)))
            #expect(session.log.value.last?.contains("failed") == true)

            // Fixed again: the banner goes.
            try text.write(toFile: file, atomically: true, encoding: .utf8)
            #expect(try await events.wait(for: "event: reload\ndata: 4\n\n", timeout: 10))
            #expect(!(try await session.get(Self.page)).body.contains("policy-site-preview-error"))

            #expect(await session.stop())
            #expect(try await events.waitForClose(timeout: 5), "the event stream stays open after stop")
            #expect(Loopback.connect(port: session.port) == nil, "the port still accepts connections")
        }

        @Test func aFirstBuildThatFailsShowsAnErrorPageUntilFixed() async throws {
            let content = TestContent.write(["schools/test-school/school.yml": "name: Test School\nkind: academy\n"])
            let session = try await Session(content: content)
            let page = try await session.get("/")
            #expect(page.status == 503)
            #expect(page.body.contains("\(session.content)/schools/test-school/school.yml:2:7</code> error: kind 'academy' is not one of"))
            #expect(page.body.contains("/__policy-site/reload.js?g=1"))
            try "name: Test School\nkind: school\n".write(toFile: session.content + "/schools/test-school/school.yml", atomically: true, encoding: .utf8)
            var fixed = try await session.get("/")
            for _ in 0..<100 where fixed.status != 200 {
                try await Task.sleep(for: .milliseconds(50))
                fixed = try await session.get("/")
            }
            #expect(fixed.status == 200)
            #expect(fixed.body.contains("Test School"))
            #expect(await session.stop())
        }

        @Test func onlyTheSiteFolderIsServed() async throws {
            let session = try await Session(content: Tool.content)
            #expect(try await session.get("/../../etc/passwd").status == 404)
            #expect(try await session.get("/%2e%2e/%2e%2e/etc/passwd").status == 404)
            #expect(try await session.get("/.policy-site").status == 404)
            #expect(try await session.get("/search").status == 302)
            let css = try await session.get("/assets/site.css")
            #expect(css.status == 200 && css.head.lowercased().contains("content-type: text/css"))
            let script = try await session.get("/__policy-site/reload.js")
            #expect(script.body.contains("new EventSource('/__policy-site/events')"))
            #expect(await session.stop())
        }

        /// The command itself: prints its address, serves, and exits 0 on Ctrl-C, removing its folder.
        @Test func theCommandStopsCleanlyOnInterrupt() async throws {
            let binary = try #require(Tool.binary, "policy-site is not built")
            let content = try Tool.copy(Tool.content)
            let serve = try Tool.Background(binary, ["serve", "--port", "0", "--content", content, "--templates", Tool.templates])
            let port = try await serve.wait(for: "Serving http://127.0.0.1:([0-9]+)/", timeout: 60)
            let number = try #require(port.flatMap { Int($0) }, "no address printed: \(serve.output)")
            let home = try await Loopback.request(port: number, path: "/")
            #expect(home.status == 200)
            #expect(home.body.contains("/__policy-site/reload.js"))
            let folder = NSTemporaryDirectory() + "policy-site-preview-\(serve.process.processIdentifier)"
            #expect(FileManager.default.fileExists(atPath: folder + "/index.html"))
            let status = try await serve.stop(signal: SIGINT)
            #expect(status == 0, "\(serve.output)")
            #expect(!FileManager.default.fileExists(atPath: folder), "the temporary site folder was left behind")
            #expect(Loopback.connect(port: number) == nil)
        }
    }

}

/// Small content folders written for a test.
enum TestContent {
    static func write(_ files: [String: String]) -> String {
        let root = NSTemporaryDirectory() + "policy-site-content-\(UUID().uuidString)"
        for (path, text) in files {
            let full = root + "/" + path
            try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
        }
        return root
    }
}
