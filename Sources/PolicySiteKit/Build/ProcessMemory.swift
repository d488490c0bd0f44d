import Foundation

/// The process's memory use, as the kernel reports it (Linux only; nil elsewhere).
enum ProcessMemory {
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
