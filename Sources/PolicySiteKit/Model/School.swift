/// A publisher: a school, a local authority's model policies, or a trust's, from `school.yml`.
public struct School: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case school
        case localAuthority = "local-authority"
        case trust

        /// How the kind reads in a sentence.
        public var label: String {
            switch self {
            case .school: "School"
            case .localAuthority: "Local authority (model policies)"
            case .trust: "Trust or model policies"
            }
        }
    }

    /// A named contact, such as a Digital Safety Lead.
    public struct Contact: Sendable {
        public var name: String
        public var role: String?
        public var email: String?
        public let phone: String?
        /// `phone` read into numbers and words, once: every page that shows it reads these.
        public let phonePieces: [PhoneText.Piece]

        init(name: String, role: String?, email: String?, phone: String?) {
            self.name = name
            self.role = role
            self.email = email
            self.phone = phone
            phonePieces = phone.map(PhoneText.pieces) ?? []
        }
    }

    public var slug: Slug
    public var name: String
    public var kind: Kind
    public var address: String?
    public let phone: String?
    /// `phone` read into numbers and words, once: every page that shows it reads these.
    public let phonePieces: [PhoneText.Piece]
    public var website: String?
    public var chairOfGovernors: String?
    public var digitalSafetyLeads: [Contact]
    /// Where `school.yml` is, for diagnostics.
    public var path: String

    init(slug: Slug, name: String, kind: Kind, address: String?, phone: String?, website: String?, chairOfGovernors: String?,
         digitalSafetyLeads: [Contact], path: String) {
        self.slug = slug
        self.name = name
        self.kind = kind
        self.address = address
        self.phone = phone
        phonePieces = phone.map(PhoneText.pieces) ?? []
        self.website = website
        self.chairOfGovernors = chairOfGovernors
        self.digitalSafetyLeads = digitalSafetyLeads
        self.path = path
    }
}

extension School {
    static let knownFields = "name, kind, address, phone, website, chair_of_governors, digital_safety_leads"

    /// Reads `school.yml` text. Pure: no file access.
    public static func parse(_ text: String, slug: Slug, path: String) -> (School?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard var fields = YAMLFields(yaml: text, path: path, firstLine: 1, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        let name = fields.string("name", required: true)
        var kind: Kind? = nil
        if let raw = fields.string("kind", required: true) {
            kind = Kind(rawValue: raw)
            if kind == nil, let node = fields.node("kind") {
                fields.appendError("kind '\(raw)' is not one of: school, local-authority, trust", at: fields.location(of: node))
            }
        }
        let address = fields.string("address")
        let phone = fields.string("phone")
        fields.checkPhone("phone")
        let website = fields.string("website")
        let chair = fields.string("chair_of_governors")
        var leads: [Contact] = []
        for var entry in fields.mappings("digital_safety_leads") {
            if let leadName = entry.string("name", required: true) {
                leads.append(Contact(name: leadName, role: entry.string("role"), email: entry.string("email"), phone: entry.string("phone")))
                entry.checkPhone("phone")
            }
            diagnostics += entry.finish(known: "name, role, email, phone")
        }
        diagnostics += fields.finish(known: knownFields)
        guard let name, let kind, !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (School(slug: slug, name: name, kind: kind, address: address, phone: phone, website: website,
                       chairOfGovernors: chair, digitalSafetyLeads: leads, path: path), diagnostics)
    }
}

extension YAMLFields {
    mutating func appendError(_ message: String, at location: SourceLocation) {
        appendDiagnostic(.error(message, at: location))
    }
}
