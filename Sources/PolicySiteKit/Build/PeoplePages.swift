/// What the people around a school use the policies for: whom to call (`/contacts/` and the
/// include data policies render), what to sign (a printable page per form) and, for parents and
/// carers, what is asked of them (`/<school>/parents/`).
enum PeoplePages {
    static func resolve(_ site: Site, sources: SiteSources, into resolved: inout ResolvedSite) {
        let (includes, includeDiagnostics) = Includes.resolve(site, sources: sources)
        let (forms, formDiagnostics) = FormPages.specs(site)
        let (parents, parentDiagnostics) = ParentsPages.specs(site)
        resolved.includes = includes
        resolved.pages += [ContactsPage.spec(site, includes: includes)] + forms + parents
        resolved.diagnostics += includeDiagnostics + formDiagnostics + parentDiagnostics
    }
}
