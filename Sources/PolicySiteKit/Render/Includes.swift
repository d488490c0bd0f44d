import Markdown

/// What ```include blocks show: the shared data and every publisher's school file, resolved once
/// and handed to every policy page's renderer.
struct Includes: Sendable {
    var serviceProviders: ServiceProviders? {
        didSet { providerCells = serviceProviders?.cellsHTML() ?? [] }
    }
    /// Each provider's numbers as HTML, by column: made once for every table that shows them.
    private(set) var providerCells: [[String]] = []
    var schools: [Slug: School] = [:]

    init() {}

    /// The HTML for an include block in `policy`; empty when it cannot be shown (the resolve
    /// phase has already reported why).
    func html(for block: CodeBlock, in policy: Policy) -> String {
        guard let include = Include.parse(block, path: policy.path, lineOffset: policy.bodyLineOffset).0 else { return "" }
        switch include.kind {
        case .serviceProviders:
            guard let serviceProviders else { return "" }
            let names = Dictionary(include.names.map { ($0.id, $0.text) }, uniquingKeysWith: { a, _ in a })
            return serviceProviders.tableHTML(cells: providerCells) { names[$0.id.rawValue] ?? $0.name }
        case .digitalSafetyLeads:
            return schools[policy.school]?.digitalSafetyLeadTableHTML() ?? ""
        }
    }
}

extension ServiceProviders {
    /// Each provider's numbers as HTML (full numbers as `tel:` links), by column.
    func cellsHTML() -> [[String]] {
        providers.map { provider in columns.map { PhoneText.html(provider.values[$0.key] ?? "") } }
    }

    /// The table of `cells` (`cellsHTML()`); `name` gives each row's name as it should read.
    func tableHTML(cells: [[String]], name: (Provider) -> String) -> String {
        let headings = [nameLabel] + columns.map(\.label)
        var out = "<div class=\"table-scroll\" role=\"region\" aria-label=\"Table: \(HTML.escape(headings.joined(separator: ", ")))\" tabindex=\"0\"><table class=\"service-providers\">\n<thead><tr>"
        for heading in headings { out += "<th scope=\"col\">\(HTML.escape(heading))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (provider, row) in zip(providers, cells) {
            out += "<tr><th scope=\"row\">\(HTML.escape(name(provider)))</th>"
            for cell in row { out += "<td>\(cell)</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }
}

extension School {
    /// "Name / School address / Contact number", as the policies' appendices print them.
    func digitalSafetyLeadTableHTML() -> String {
        guard !digitalSafetyLeads.isEmpty else { return "" }
        var rows: [(String, String)] = []
        let names = digitalSafetyLeads.map { lead in HTML.escape(lead.name) + (lead.role.map { " (\(HTML.escape($0)))" } ?? "") }
        rows.append(("Name", names.count == 1 ? names[0] : "<ul class=\"plain\">" + names.map { "<li>\($0)</li>" }.joined() + "</ul>"))
        if let address { rows.append(("School address", HTML.escape(name + ", " + address))) }
        let phones = digitalSafetyLeads.compactMap(\.phone)
        if Set(phones).count == 1, let lead = digitalSafetyLeads.first(where: { $0.phone != nil }) {
            rows.append(("Contact number", PhoneText.html(lead.phonePieces)))
        } else if !phones.isEmpty {
            let each = digitalSafetyLeads.compactMap { lead in lead.phone == nil ? nil : "<li>\(HTML.escape(lead.name)): \(PhoneText.html(lead.phonePieces))</li>" }
            rows.append(("Contact number", "<ul class=\"plain\">" + each.joined() + "</ul>"))
        }
        let emails = digitalSafetyLeads.compactMap { lead in lead.email.map { "<a href=\"mailto:\(HTML.escape($0))\">\(HTML.escape($0))</a>" } }
        if !emails.isEmpty { rows.append(("Email", emails.joined(separator: "<br>"))) }
        var out = "<div class=\"table-scroll\" role=\"region\" aria-label=\"Table: Digital Safety Lead\" tabindex=\"0\"><table class=\"contact-table\">\n<tbody>\n"
        for (label, value) in rows { out += "<tr><th scope=\"row\">\(label)</th><td>\(value)</td></tr>\n" }
        return out + "</tbody></table></div>\n"
    }
}
