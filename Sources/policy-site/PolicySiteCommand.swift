import ArgumentParser
// Linked for its malloc, which replaces the C library's in the whole process (see Package.swift).
import CMimalloc
import Foundation
import PolicySiteKit

@main
struct PolicySiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy-site",
        abstract: "Publish school policies written in Markdown as an accessible, cross-linked website.",
        subcommands: [Build.self, Check.self, Serve.self, New.self],
        defaultSubcommand: Build.self
    )
}

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(help: "The content folder (schools/ and data/).")
    var content = "content"

    @Option(help: "The templates folder (*.mustache and assets/).")
    var templates = "templates"

    @Option(name: .customLong("base-url"), help: "Where the site is served: /, /policies/ or https://school.example/policies/.")
    var baseURL = "/"

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: "The date to judge review status against, YYYY-MM-DD (default: today).")
    var today: String?

    func buildOptions(output: String) throws -> BuildOptions {
        guard let base = BaseURL(baseURL) else {
            throw ValidationError("--base-url must be a path like /policies/ or an http(s) URL")
        }
        let date: PolicyDate
        if let today {
            guard let d = PolicyDate(iso: today), d.day != nil else { throw ValidationError("--today must be a date like 2026-11-21") }
            date = d
        } else {
            date = PolicyDate.today()
        }
        return BuildOptions(content: content, templates: templates, output: output, baseURL: base, strict: strict, today: date)
    }
}

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The output folder.")
    var output = "site"

    @Flag(help: "Print each phase with its time.")
    var verbose = false

    func run() async throws {
        let options = try site.buildOptions(output: output)
        let progress = ProgressLine.onStandardError()
        let report = await SiteBuilder(options: options).build(progress: progress?.show)
        progress?.clear()
        Console.print(report, verbose: verbose)
        // The process ends here, with the parsed site still held, rather than freeing it object
        // by object on one core (tens of milliseconds for a large site): the system takes the
        // memory back at once, as it does for clang (-disable-free).
        Foundation.exit(report.succeeded ? 0 : 1)
    }
}

/// Prints diagnostics compiler-style on standard error, and the summary.
enum Console {
    static func print(_ report: BuildReport, verbose: Bool) {
        var err = ""
        for d in report.diagnostics { err += d.description + "\n" }
        if verbose {
            for line in report.timingLines { err += line + "\n" }
        }
        if report.succeeded {
            err += "built \(report.pages) pages: \(report.written) written, \(report.unchanged) unchanged, \(report.removed) removed; \(report.diagnostics.summary)\n"
        } else {
            err += "build failed: \(report.diagnostics.summary); the output folder was not changed\n"
        }
        FileHandle.standardError.write(Data(err.utf8))
    }
}
