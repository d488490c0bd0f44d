import Foundation

/// The built `policy-site` command and other programs the tests run, with their output.
enum Tool {
    /// The repository root (three levels above this file's folder).
    static let repoRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var content: String { repoRoot + "/content" }
    static var templates: String { repoRoot + "/templates" }
    static func fixture(_ name: String) -> String { repoRoot + "/Tests/Fixtures/" + name }

    /// The `policy-site` binary built beside the test bundle.
    static var binary: String? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path,
            Bundle.main.bundleURL.deletingLastPathComponent().path,
            Bundle.main.bundlePath,
            repoRoot + "/.build/debug",
        ]
        return candidates.map { $0 + "/policy-site" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The first of `names` found on PATH or in /usr/bin.
    static func which(_ names: String...) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/bin:/usr/local/bin"
        for name in names {
            for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    struct Run: Sendable {
        var status: Int32
        var output: String
    }

    /// Runs a program to its end; standard output and error together.
    static func run(_ executable: String, _ arguments: [String], in folder: String? = nil) async throws -> Run {
        try await Loopback.offPool {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
        }
    }

    /// A program left running, whose output is collected as it arrives.
    final class Background: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var text = ""

        init(_ executable: String, _ arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self, !data.isEmpty else { return }
                self.lock.lock()
                self.text += String(decoding: data, as: UTF8.self)
                self.lock.unlock()
            }
            try process.run()
        }

        var output: String {
            lock.lock()
            defer { lock.unlock() }
            return text
        }

        /// Waits until the output matches `pattern` (a regular expression); its first capture group.
        func wait(for pattern: String, timeout: Double) async throws -> String? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                let out = output
                if let match = out.range(of: pattern, options: .regularExpression) {
                    let found = String(out[match])
                    let regex = try NSRegularExpression(pattern: pattern)
                    if let m = regex.firstMatch(in: found, range: NSRange(found.startIndex..., in: found)), m.numberOfRanges > 1,
                       let r = Range(m.range(at: 1), in: found) {
                        return String(found[r])
                    }
                    return found
                }
                if !process.isRunning { return nil }
                try await Task.sleep(for: .milliseconds(50))
            }
            return nil
        }

        /// Sends `signal` and waits for the exit status (nil if it did not stop in time).
        func stop(signal: Int32 = SIGTERM, timeout: Double = 10) async throws -> Int32? {
            if process.isRunning { kill(process.processIdentifier, signal) }
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                return nil
            }
            return process.terminationStatus
        }
    }

    /// A copy of a folder in a new temporary folder.
    static func copy(_ folder: String) throws -> String {
        let target = NSTemporaryDirectory() + "policy-site-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: folder, toPath: target)
        return target
    }
}
