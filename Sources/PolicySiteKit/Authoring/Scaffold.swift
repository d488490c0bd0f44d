import Foundation

/// Starting files for a new publisher or policy (`policy-site new`): front matter filled in, every
/// optional field shown as a comment, and a commented example of the numbering the generator knows.
public enum Scaffold {
    /// A file to create.
    public struct File: Sendable, Equatable {
        public var path: String
        public var text: String
    }

    /// Why a file could not be made, in words for the person who typed the command.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// `content/schools/<slug>/school.yml`.
    public static func school(slug text: String, name: String? = nil, kind: String = "school", content: String) -> Result<File, Failure> {
        let slug: Slug
        switch validSlug(text, what: "publisher") {
        case .success(let s): slug = s
        case .failure(let f): return .failure(f)
        }
        guard School.Kind(rawValue: kind) != nil else {
            return .failure(Failure(message: "kind '\(kind)' is not one of: \(School.Kind.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        let folder = content + "/schools/" + slug.rawValue
        if FileManager.default.fileExists(atPath: folder) {
            return .failure(Failure(message: "\(folder) already exists; choose another slug, or add policies with: policy-site new policy \(slug.rawValue) <policy-slug>"))
        }
        let text = """
        # The publisher of the policies in this folder. Every field is described in
        # docs/content-format.md; remove the # in front of a line to use it.
        name: \(JSONText.string(name ?? words(slug)))
        kind: \(kind)  # school, local-authority (model policies) or trust
        # address: "1 School Lane, Exampleton, EX1 1AA"
        # phone: "01234 567890"
        # website: https://www.example.sch.uk
        # chair_of_governors: A. Governor
        # digital_safety_leads:
        #   - name: Sam Lead
        #     role: Deputy Headteacher
        #     email: s.lead@example.sch.uk
        #     phone: "01234 567891"

        """
        return .success(File(path: folder + "/school.yml", text: text))
    }

    /// `content/schools/<school>/<slug>.md`, adopted today and due for review in a year.
    public static func policy(school schoolText: String, slug text: String, title: String? = nil, today: PolicyDate, content: String) -> Result<File, Failure> {
        let school: Slug
        let slug: Slug
        switch validSlug(schoolText, what: "publisher") {
        case .success(let s): school = s
        case .failure(let f): return .failure(f)
        }
        switch validSlug(text, what: "policy") {
        case .success(let s): slug = s
        case .failure(let f): return .failure(f)
        }
        let folder = content + "/schools/" + school.rawValue
        guard FileManager.default.fileExists(atPath: folder + "/school.yml") else {
            return .failure(Failure(message: "there is no publisher '\(school.rawValue)' (no \(folder)/school.yml); create it first with: policy-site new school \(school.rawValue)"))
        }
        let path = folder + "/" + slug.rawValue + ".md"
        if FileManager.default.fileExists(atPath: path) {
            return .failure(Failure(message: "\(path) already exists; edit it, or choose another slug"))
        }
        let review = PolicyDate(year: today.year + 1, month: today.month, day: nil) ?? today
        let text = """
        ---
        # Every field is described in docs/content-format.md.
        title: \(JSONText.string(title ?? defaultTitle(slug)))
        version: "1.0"
        adopted: \(today.iso)  # when governors adopted it: YYYY-MM-DD, or YYYY-MM
        adopted_by: Governing Board
        review_due: \(review.iso)  # when it must next be reviewed
        audience: [staff, governors, parents]  # any of: staff, governors, parents, pupils
        # based_on: publisher-slug/policy-slug  # the model policy it was adopted from
        ---

        <!--
        A note like this one is for editors and is not published. Delete it when the policy is written.

        Write the policy exactly as governors adopted it, numbered as the policy numbers it; every
        numbered part gets its own link:

          ## 1. Introduction            section 1, linked as #section-1
          1.1 Staff should …            clause 1.1, linked as #clause-1.1
          a) Keep calm                  a lettered step of the clause above it
          ## Appendix 1                 appendix 1, linked as #appendix-1

        A declaration to sign is a fenced block, with the lines to write on ending in a colon:

          ```form staff-declaration "Staff Declaration"
          I have read and understood this policy.

          Signed:

          Date:
          ```

        Preview as you type with: policy-site serve
        -->

        ## 1. Introduction

        1.1 Replace this clause with the first clause of the policy.

        """
        return .success(File(path: path, text: text))
    }

    /// Creates the file and its folder; never replaces an existing file.
    public static func write(_ file: File) -> Failure? {
        let folder = (file.path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: file.path), options: .withoutOverwriting)
            return nil
        } catch {
            return Failure(message: "could not create \(file.path): \(error.localizedDescription)")
        }
    }

    static func validSlug(_ text: String, what: String) -> Result<Slug, Failure> {
        if let slug = Slug(validating: text) { return .success(slug) }
        var message = "'\(text)' is not a valid \(what) slug: use lower-case letters, digits and single hyphens (for example roe-green-junior-school)"
        if let suggestion = Slug(deriving: text) { message += "; did you mean '\(suggestion.rawValue)'?" }
        return .failure(Failure(message: message))
    }

    /// "anti-bullying" → "Anti Bullying Policy"; "privacy-policy" → "Privacy Policy".
    static func defaultTitle(_ slug: Slug) -> String {
        let w = words(slug)
        return w.hasSuffix(" Policy") || w == "Policy" ? w : w + " Policy"
    }

    /// "anti-bullying" → "Anti Bullying".
    static func words(_ slug: Slug) -> String {
        slug.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
