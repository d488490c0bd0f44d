import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The process's memory and processor use, as the kernel reports them (memory on Linux only).
public enum ProcessMemory {
    /// User and system processor time of all the process's threads so far.
    static func cpuSeconds() -> Double? {
        var usage = rusage()
        #if os(Linux)
        let who = RUSAGE_SELF.rawValue
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return nil }
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The peak resident set size so far (`VmHWM` in `/proc/self/status`), in MiB.
    static func peakResidentMiB() -> Double? {
        #if os(Linux)
        // /proc files report a size of 0, so read to the end rather than by size.
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/status") else { return nil }
        defer { try? handle.close() }
        let status = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Double($0) }
            return kilobytes.map { $0 / 1024 }
        }
        #endif
        return nil
    }
}
