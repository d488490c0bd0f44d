import ArgumentParser
import Foundation
import PolicySiteKit

/// `policy-site check`: every validation of a build, writing nothing.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and templates without writing a site.",
        discussion: "Problems are listed by file. The exit status is 1 if there is an error (with --strict, also a warning), otherwise 0."
    )

    @OptionGroup var site: SiteOptions

    @Flag(help: "Print each phase with its time.")
    var verbose = false

    func run() async throws {
        let options = try site.buildOptions(output: "site")
        let progress = ProgressLine.onStandardError()
        let report = await SiteBuilder(options: options).build(write: false, progress: progress?.show)
        progress?.clear()
        var out = DiagnosticListing.grouped(report.diagnostics)
        if !out.isEmpty { out += "\n" }
        if verbose {
            for line in report.timingLines { out += line + "\n" }
        }
        let summary = DiagnosticListing.summary(report.diagnostics, site: report.site, pages: report.pages)
        out += (report.succeeded ? "check passed: " : "check failed: ") + summary + "\n"
        FileHandle.standardError.write(Data(out.utf8))
        if !report.succeeded { throw ExitCode(1) }
    }
}
