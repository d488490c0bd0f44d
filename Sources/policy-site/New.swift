import ArgumentParser
import Foundation
import PolicySiteKit

/// `policy-site new school|policy`: starts a file with its front matter filled in.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new publisher or policy from a commented example.",
        subcommands: [NewSchool.self, NewPolicy.self]
    )
}

struct NewSchool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "school",
        abstract: "Create content/schools/<slug>/school.yml.",
        discussion: "Example: policy-site new school example-primary --name \"Example Primary School\""
    )

    @Argument(help: "The publisher's slug: lower-case letters, digits and single hyphens.")
    var slug: String

    @Option(help: "The publisher's name (default: made from the slug).")
    var name: String?

    @Option(help: "school, local-authority or trust.")
    var kind = "school"

    @Option(help: "The content folder.")
    var content = "content"

    func run() throws {
        try New.create(Scaffold.school(slug: slug, name: name, kind: kind, content: content),
                       next: "add a policy with: policy-site new policy \(slug) <policy-slug>")
    }
}

struct NewPolicy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Create content/schools/<school>/<slug>.md.",
        discussion: "Example: policy-site new policy example-primary anti-bullying --title \"Anti-Bullying Policy\""
    )

    @Argument(help: "The publisher's slug (its folder under content/schools).")
    var school: String

    @Argument(help: "The policy's slug: lower-case letters, digits and single hyphens.")
    var slug: String

    @Option(help: "The policy's title (default: made from the slug).")
    var title: String?

    @Option(help: "The content folder.")
    var content = "content"

    @Option(help: "The adoption date to fill in, YYYY-MM-DD (default: today).")
    var today: String?

    func run() throws {
        var date = PolicyDate.today()
        if let today {
            guard let d = PolicyDate(iso: today), d.day != nil else { throw ValidationError("--today must be a date like 2026-11-21") }
            date = d
        }
        try New.create(Scaffold.policy(school: school, slug: slug, title: title, today: date, content: content),
                       next: "write the policy in it, then preview it with: policy-site serve")
    }
}

extension New {
    /// Writes the file or reports why not, on standard error, exiting 1 on failure.
    static func create(_ result: Result<Scaffold.File, Scaffold.Failure>, next: String) throws {
        let failure: Scaffold.Failure
        switch result {
        case .success(let file):
            guard let f = Scaffold.write(file) else {
                FileHandle.standardError.write(Data("created \(file.path); \(next)\n".utf8))
                return
            }
            failure = f
        case .failure(let f):
            failure = f
        }
        FileHandle.standardError.write(Data("error: \(failure.message)\n".utf8))
        throw ExitCode(1)
    }
}
