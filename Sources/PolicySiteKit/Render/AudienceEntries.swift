/// Entry points by audience on the home page and each publisher page: parents and carers (their
/// own page), staff (their policies and the forms to sign) and governors (their policies and
/// review dates).
enum AudienceEntries {
    /// Policies written for `audience`; a policy that names no audience is for everyone.
    static func policies(of publisher: Publisher, for audience: Audience) -> [Policy] {
        publisher.policies.filter { $0.audience.isEmpty || $0.audience.contains(audience) }
    }

    /// `audiences`: one card per audience, each linking every publisher's entry for it.
    static func home(_ site: Site, env: PageEnvironment) -> [String: Any] {
        func card(_ title: String, _ summary: String, _ link: (Publisher) -> String) -> [String: Any] {
            ["title": title, "summary": summary,
             "links": site.publishers.map { ["name": $0.school.name, "href": link($0)] as [String: Any] }]
        }
        return ["audiences": [
            card("Parents and carers", "What the policies ask of you, how to raise a concern, and whom to contact.") {
                env.link(to: ParentsPages.path($0))
            },
            card("Staff", "The policies that apply to you, and the declarations to sign.") { env.link(to: $0.path, fragment: "for-staff") },
            card("Governors", "The policies you adopt, and when each is due for review.") { env.link(to: $0.path, fragment: "for-governors") },
        ], "hasAudiences": !site.publishers.isEmpty]
    }

    /// `parentsHref`, `parentsSummary`, `staffPolicies`, `staffForms`, `governorPolicies` for a publisher page.
    static func publisher(_ publisher: Publisher, env: PageEnvironment) -> [String: Any] {
        func entries(_ audience: Audience) -> [[String: Any]] {
            policies(of: publisher, for: audience).map { policy in
                ["title": policy.title, "href": env.link(to: publisher.path(of: policy)),
                 "reviewDue": policy.reviewDue?.display ?? "Not recorded"]
            }
        }
        let forms: [[String: Any]] = publisher.policies.flatMap { policy in
            policy.forms.map { form in
                ["title": form.title, "policyTitle": policy.title,
                 "href": env.link(to: FormPages.path(of: form, policy: policy, in: publisher))] as [String: Any]
            }
        }
        let forParents = ParentsPages.policies(of: publisher).count
        var parts: [String] = []
        if publisher.policies.contains(where: { !$0.homeSchoolAgreementSections.isEmpty }) { parts.append("the Home School Agreement section") }
        if forParents > 0 { parts.append("\(forParents == 1 ? "1 policy" : "\(forParents) policies") written for parents and carers") }
        parts.append("how to raise a concern and whom to contact")
        let joined = parts.joined(separator: ", ")
        let summary = joined.prefix(1).uppercased() + joined.dropFirst() + "."
        let staff = entries(.staff), governors = entries(.governors)
        return [
            "parentsHref": env.link(to: ParentsPages.path(publisher)),
            "parentsSummary": summary,
            "staffPolicies": staff, "hasStaffPolicies": !staff.isEmpty,
            "staffForms": forms, "hasStaffForms": !forms.isEmpty,
            "governorPolicies": governors, "hasGovernorPolicies": !governors.isEmpty,
        ]
    }
}
