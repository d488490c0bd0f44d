import Foundation

/// The phases of a build, in order. Links can only be rendered once every page's ids are known,
/// so resolving comes between parsing and rendering.
public enum BuildStep: String, Sendable, CaseIterable {
    /// Read `content/` and `templates/`, checking encodings.
    case load
    /// Parse school files and policies (front matter, Markdown, structure) in parallel.
    case parse
    /// Build indexes: anchors, references, citations, backlinks.
    case resolve
    /// Render every page in parallel.
    case render
    /// Check every internal link and fragment against the rendered ids.
    case check
    /// Write changed files into the output folder.
    case write
}

/// What a build did: its diagnostics, what it wrote, and how long each phase took.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var written = 0
    public var unchanged = 0
    public var removed = 0
    public var pages = 0
    /// Each phase's wall time, the processor time its threads used, and the process's peak
    /// resident memory when it ended (Linux).
    public var timings: [PhaseTiming] = []
    /// The parsed site, for callers that need it (check, serve).
    public var site: Site?
    /// What the build made on the way (page summaries, specs, the resolved site, the output
    /// stage): freed when the caller lets the report go rather than as the build returns. The
    /// command line exits first, as it does with the site (clang's `-disable-free`), instead of
    /// spending tens of milliseconds of one core freeing it object by object.
    var leftovers: BuildLeftovers?

    /// One line per phase, for --verbose: its wall time and the peak memory when it ended.
    public var timingLines: [String] {
        timings.map { t in
            String(format: "%@: %.1f ms", t.step.rawValue, t.seconds * 1000)
                + (t.cpuSeconds.map { String(format: ", CPU %.1f ms", $0 * 1000) } ?? "")
                + (t.peakMiB.map { String(format: " (peak memory %.0f MiB)", $0) } ?? "")
        }
    }

    /// False when any error (or, under --strict, any warning) stopped the build.
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// One phase of a build: its wall time, the processor time of all its threads (user and system;
/// above the wall time when it ran on several cores), and the peak memory when it ended.
public struct PhaseTiming: Sendable {
    public var step: BuildStep
    public var seconds: Double
    public var cpuSeconds: Double?
    public var peakMiB: Double?
}

/// Each phase's wall time, processor time and the peak memory when it ended, for `BuildReport.timings`.
struct PhaseTimer {
    private let clock = ContinuousClock()
    private var start = ContinuousClock.now
    private var cpuStart = ProcessMemory.cpuSeconds()
    private(set) var timings: [PhaseTiming] = []

    mutating func finish(_ step: BuildStep) {
        let now = clock.now, cpu = ProcessMemory.cpuSeconds()
        let d = now - start
        timings.append(PhaseTiming(step: step, seconds: d.inSeconds,
                                   cpuSeconds: cpu.flatMap { end in cpuStart.map { end - $0 } }, peakMiB: ProcessMemory.peakResidentMiB()))
        start = now
        cpuStart = cpu
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    public var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// Values kept alive with a `BuildReport` until its caller lets it go.
final class BuildLeftovers: Sendable {
    let values: [any Sendable]

    init(values: [any Sendable]) { self.values = values }
}
