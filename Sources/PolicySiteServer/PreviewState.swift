import PolicySiteKit

/// What the preview server knows between requests: which build the served site is from, whether
/// the latest build failed (and why), and the open pages waiting to be told to reload.
actor PreviewState {
    /// Counts finished builds, good or bad; a page compares it with the build it was served from.
    private(set) var generation = 0
    /// True once a build has succeeded, so the output folder holds a site.
    private(set) var hasSite = false
    /// The errors of the latest build, or nil when it succeeded.
    private(set) var failure: [Diagnostic]? = nil
    private var listeners: [Int: AsyncStream<Int>.Continuation] = [:]
    private var nextListener = 0
    private var closed = false

    /// Records a finished build and tells every open page to reload.
    func finishBuild(succeeded: Bool, diagnostics: [Diagnostic]) {
        generation += 1
        if succeeded { hasSite = true }
        failure = succeeded ? nil : diagnostics
        for continuation in listeners.values { continuation.yield(generation) }
    }

    /// A stream of build generations for one open page, ended when the server stops.
    func listen() -> (id: Int, events: AsyncStream<Int>) {
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        nextListener += 1
        if closed { continuation.finish() } else { listeners[nextListener] = continuation }
        return (nextListener, stream)
    }

    func stopListening(_ id: Int) {
        listeners.removeValue(forKey: id)?.finish()
    }

    /// How many pages are listening (for tests and the log).
    var listenerCount: Int { listeners.count }

    /// Ends every stream, so open event connections close and the server can stop.
    func close() {
        closed = true
        for continuation in listeners.values { continuation.finish() }
        listeners = [:]
    }
}
