import ArgumentParser
import Foundation
import PolicySiteKit
import PolicySiteServer

/// `policy-site serve`: a preview on 127.0.0.1 that rebuilds and reloads as files change.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site on this computer, rebuilding and reloading the page on every change.",
        discussion: "Only this computer can open the preview (it listens on 127.0.0.1). The site is built into a temporary folder unless --output is given."
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8000

    @Option(help: "The folder to build into (default: a temporary folder, removed when the server stops).")
    var output: String?

    @Flag(help: "Print each phase of each build with its time.")
    var verbose = false

    func run() async throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        let folder = output ?? NSTemporaryDirectory() + "policy-site-preview-\(ProcessInfo.processInfo.processIdentifier)"
        let options = try site.buildOptions(output: folder)
        let server = PreviewServer(configuration: .init(options: options, port: port, verbose: verbose)) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        defer { if output == nil { try? FileManager.default.removeItem(atPath: folder) } }
        try await server.run()
    }
}
