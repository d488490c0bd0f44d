extension School {
    /// The school's contact details for templates: `address`, `phoneHTML` (numbers as `tel:`
    /// links), `website`, each with a `hasX` flag, and `leads`, each with `name`, `role`,
    /// `phoneHTML`, `email` and their flags.
    var contactContext: [String: Any] {
        let leads: [[String: Any]] = digitalSafetyLeads.map { lead in
            ["name": lead.name,
             "role": lead.role ?? "", "hasRole": lead.role != nil,
             "phoneHTML": lead.phone == nil ? "" : PhoneText.html(lead.phonePieces), "hasPhone": lead.phone != nil,
             "email": lead.email ?? "", "hasEmail": lead.email != nil]
        }
        let safeWebsite = website.flatMap { HTML.isSafeLink($0) ? $0 : nil }
        return [
            "name": name,
            "address": address ?? "", "hasAddress": address != nil,
            "phoneHTML": phone == nil ? "" : PhoneText.html(phonePieces), "hasPhone": phone != nil,
            "website": safeWebsite ?? "", "hasWebsite": safeWebsite != nil,
            "leads": leads,
            "hasLeads": !leads.isEmpty,
            "hasContact": address != nil || phone != nil || safeWebsite != nil || !leads.isEmpty,
        ]
    }
}
