import Foundation
import Hummingbird
import Logging
import PolicySiteKit
import ServiceLifecycle

/// `policy-site serve`: builds the site into a folder, serves it on 127.0.0.1, rebuilds when a
/// file under content/ or templates/ changes, and tells open pages to reload. A failed build
/// leaves the last good site in place and shows its errors on every page and in the terminal.
public final class PreviewServer: Sendable {
    public struct Configuration: Sendable {
        /// The build; `output` is the folder served.
        public var options: BuildOptions
        /// The loopback port; 0 takes any free port (reported through `onReady`).
        public var port: Int
        /// How often the source folders are checked for changes.
        public var pollInterval: Duration
        /// Print each phase of each build with its time.
        public var verbose: Bool
        /// Stop on SIGINT and SIGTERM (the command line); tests call `stop()` instead.
        public var handlesSignals: Bool

        public init(options: BuildOptions, port: Int = 8000, pollInterval: Duration = .milliseconds(50),
                    verbose: Bool = false, handlesSignals: Bool = true) {
            self.options = options
            self.port = port
            self.pollInterval = pollInterval
            self.verbose = verbose
            self.handlesSignals = handlesSignals
        }
    }

    /// What one rebuild did, for the log and for tests.
    public struct Rebuild: Sendable {
        public var report: BuildReport
        public var parsed: ParseCache.Counts
        public var seconds: Double
    }

    let configuration: Configuration
    let state = PreviewState()
    let session: BuildSession
    let log: @Sendable (String) -> Void
    let onReady: @Sendable (Int) -> Void
    let onRebuild: @Sendable (Rebuild) -> Void
    private let group = Locked<ServiceGroup?>(nil)
    private let stopRequested = Locked(false)

    /// `log` receives lines for the terminal; `onReady` the port once the server listens;
    /// `onRebuild` each finished build.
    public init(configuration: Configuration, log: @escaping @Sendable (String) -> Void,
                onReady: @escaping @Sendable (Int) -> Void = { _ in },
                onRebuild: @escaping @Sendable (Rebuild) -> Void = { _ in }) {
        self.configuration = configuration
        session = BuildSession(options: configuration.options)
        self.log = log
        self.onReady = onReady
        self.onRebuild = onRebuild
    }

    /// Builds, then serves until `stop()` or a signal.
    public func run() async throws {
        let options = configuration.options
        let watcher = SourceWatcher(folders: [options.content, options.templates])
        let before = watcher.snapshot()
        await rebuild(changed: [])

        var logger = Logger(label: "policy-site-serve")
        logger.logLevel = .critical
        let port = configuration.port
        let app = Application(
            responder: PreviewResponder(folder: options.output, state: state),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { [log, onReady] channel in
                let actual = channel.localAddress?.port ?? port
                log("Serving http://127.0.0.1:\(actual)/ – edit files under \(options.content) or \(options.templates) and the page reloads; Ctrl-C stops.")
                onReady(actual)
            },
            logger: logger
        )
        let watch = WatchService(watcher: watcher, start: before, interval: configuration.pollInterval, server: self)
        let serviceGroup = ServiceGroup(configuration: .init(
            services: [app, watch],
            gracefulShutdownSignals: configuration.handlesSignals ? [.sigint, .sigterm] : [],
            logger: logger
        ))
        group.set(serviceGroup)
        if stopRequested.value { return }
        try await serviceGroup.run()
        log("Stopped.")
    }

    /// Stops serving: open pages' event streams end, then the server closes.
    public func stop() async {
        stopRequested.set(true)
        await state.close()
        await group.value?.triggerGracefulShutdown()
    }

    /// Builds the site again (re-parsing only the files whose text changed, and after an edit to a
    /// policy's text making only what it changes) and tells open pages; then makes the site-wide
    /// pages the rebuild left for later.
    func rebuild(changed: [String]) async {
        guard await build(changed: changed) else { return }
        let clock = ContinuousClock()
        let start = clock.now
        if let report = await session.finishDeferred() {
            let elapsed = clock.now - start
            var lines = report.diagnostics.filter { $0.severity == .error }.map(\.description)
            if configuration.verbose { lines += report.timingLines.map { "  " + $0 } }
            lines.append(report.succeeded
                ? "site-wide pages made again in \(String(format: "%.0f ms", elapsed.inSeconds * 1000)): \(report.written) written"
                : "site-wide pages failed: \(report.diagnostics.summary)")
            log(lines.joined(separator: "\n"))
        }
    }

    /// The build itself; true when it succeeded.
    private func build(changed: [String]) async -> Bool {
        let clock = ContinuousClock()
        let start = clock.now
        let report = await session.build(changed: changed)
        let parsed = session.finishBuild()
        let elapsed = clock.now - start
        let seconds = elapsed.inSeconds
        var lines = report.diagnostics.map(\.description)
        if configuration.verbose {
            lines += report.timingLines.map { "  " + $0 }
        }
        let what = changed.isEmpty ? "built" : "rebuilt after a change to \(changed.count == 1 ? changed[0] : "\(changed.count) files")"
        let timing = String(format: "%.0f ms", seconds * 1000)
        if report.succeeded {
            lines.append("\(what) in \(timing) (files parsed \(parsed.parsed), reused \(parsed.reused); search index parts made \(parsed.derivedMade), reused \(parsed.derivedReused)): \(report.pages) pages, \(report.written) written; \(report.diagnostics.summary)")
        } else {
            lines.append("\(what) failed in \(timing): \(report.diagnostics.summary); still serving the last site that built")
        }
        log(lines.joined(separator: "\n"))
        onRebuild(Rebuild(report: report, parsed: parsed, seconds: seconds))
        await state.finishBuild(succeeded: report.succeeded, diagnostics: report.diagnostics)
        return report.succeeded
    }

    /// Polls the source folders and rebuilds on a change; closes the pages' event streams when the
    /// server stops. It is the last service of the group, so it stops first.
    struct WatchService: Service {
        let watcher: SourceWatcher
        let start: [String: SourceWatcher.Stamp]
        let interval: Duration
        let server: PreviewServer

        func run() async throws {
            try? await cancelWhenGracefulShutdown {
                var last = start
                while !Task.isCancelled {
                    try await Task.sleep(for: interval)
                    let now = watcher.snapshot()
                    let changed = SourceWatcher.changes(from: last, to: now)
                    guard !changed.isEmpty else { continue }
                    last = now
                    await server.rebuild(changed: changed)
                }
            }
            await server.state.close()
        }
    }
}

/// A value behind a lock, for the few fields the server sets from one task and reads from another.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func set(_ value: Value) {
        lock.lock()
        stored = value
        lock.unlock()
    }
}
