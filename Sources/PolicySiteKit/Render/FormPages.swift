import Markdown

/// A printable page for every declaration form, `/<school>/<policy>/forms/<form>/`: the school,
/// policy, version, adoption date and text fingerprint printed with the form, a line to write on
/// for every field, and print styles that keep it to one A4 page.
enum FormPages {
    static func path(of form: Form, policy: Policy, in publisher: Publisher) -> SitePath {
        publisher.path(of: policy).appending(fixed: "forms").appending(form.slug)
    }

    /// The link from the policy page to a form's page.
    static func href(_ form: Form) -> String { "forms/\(form.slug.rawValue)/index.html" }

    /// One page per form; a slug used twice in a policy is an error at the second form.
    static func specs(_ site: Site) -> ([PageSpec], [Diagnostic]) {
        var specs: [PageSpec] = []
        var diagnostics: [Diagnostic] = []
        for publisher in site.publishers {
            for policy in publisher.policies {
                var seen: [Slug: SourceLocation] = [:]
                for form in policy.forms {
                    if let first = seen[form.slug] {
                        diagnostics.append(.error("form '\(form.slug)' is used twice in this policy (first at line \(first.line)); give each form its own slug", at: form.location))
                        continue
                    }
                    seen[form.slug] = form.location
                    specs.append(spec(form, policy: policy, publisher: publisher))
                }
            }
        }
        return (specs, diagnostics)
    }

    static func spec(_ form: Form, policy: Policy, publisher: Publisher) -> PageSpec {
        let school = publisher.school
        let policyPath = publisher.path(of: policy)
        return PageSpec(path: path(of: form, policy: policy, in: publisher), title: form.title, template: "form", section: .publishers,
                        breadcrumbs: [("Home", .root), (school.name, publisher.path), (policy.title, policyPath)],
                        description: "\(form.title): \(policy.title), \(school.name). Prints on one A4 page.",
                        source: form.location, dependsOn: [.of(policy)]) { env in
            var renderer = PolicyBodyRenderer(policy: policy)
            renderer.formParts(form)
            return PageContent(context: [
                "formTitle": form.title,
                "schoolName": school.name,
                "policyTitle": policy.title,
                "policyHref": env.link(to: policyPath, fragment: form.anchorID),
                "version": policy.version ?? "Not recorded",
                "adopted": policy.adopted?.display ?? "Not recorded",
                "fingerprint": policy.fingerprint,
                "density": density(printedLines(form)),
                "body": renderer.out,
            ], links: renderer.emittedLinks)
        }
    }

    /// The print density that keeps a form of this many estimated lines on one A4 page.
    static func density(_ lines: Int) -> String {
        switch lines {
        case ...40: "density-normal"
        case ...62: "density-compact"
        default: "density-tight"
        }
    }

    /// A rough count of printed lines at the normal size (about 90 characters a line, a field
    /// three lines), used only to choose a density.
    static func printedLines(_ form: Form) -> Int {
        form.parts.reduce(0) { total, part in
            switch part {
            case .field(let field): total + 3 + field.label.count / 60
            case .text(let block): total + lines(of: block)
            }
        }
    }

    private static func lines(of block: Block) -> Int {
        switch block {
        case .paragraph(let p): 2 + p.content.plainText.count / 90
        case .heading: 2
        case .list(let list): 1 + list.items.reduce(0) { $0 + 1 + $1.blocks.reduce(0) { $0 + text(of: $1).count } / 85 }
        case .table(let t): 2 + t.rows.count * 2
        default: 1
        }
    }

    private static func text(of block: Block) -> String {
        switch block {
        case .paragraph(let p): p.content.plainText
        case .heading(let h): h.content.plainText
        default: ""
        }
    }
}
