/// Makes links of the references `ReferenceScanner` finds in a policy's running text: parts of the
/// same policy (`#appendix-2`), the publisher's other policies, and Act pages. A reference to
/// something that does not exist stays plain text (the resolve phase has already warned).
/// Links are relative to the policy's own page, `/<publisher>/<policy>/`. Text the resolve phase
/// scanned (`found`, by policy file path) is not scanned again.
struct ReferenceLinker: TextLinker {
    let scanner: ReferenceScanner
    let legislation: Legislation
    var found: [String: FoundReferences] = [:]

    func segments(for text: String, in context: TextContext) -> [TextSegment] {
        let references = found[context.policy.path]?.links(in: text, at: context.location)
            ?? scanner.scan(text, in: context.policy, isHeading: false).filter(\.isLink)
        guard !references.isEmpty else { return [.text(text)] }
        let chars = TextToken.bytes(text)
        let page = SitePath.root.appending(context.policy.school).appending(context.policy.slug)
        var out: [TextSegment] = []
        var position = 0
        for ref in references {
            if ref.range.lowerBound > position { out.append(.text(TextToken.string(chars[position..<ref.range.lowerBound]))) }
            out.append(link(ref, from: page, policy: context.policy))
            position = ref.range.upperBound
        }
        if position < chars.count { out.append(.text(TextToken.string(chars[position...]))) }
        return out
    }

    private func link(_ ref: Reference, from page: SitePath, policy: Policy) -> TextSegment {
        switch ref.target {
        case .anchor(let id):
            let title = policy.outline.anchor(id: id).map { $0.kind == .clause || $0.kind == .step ? "\($0.label): \($0.title)" : $0.title }
            let useful = title.flatMap { $0.lowercased() == ref.text.lowercased() ? nil : $0 }
            return .link(href: "#" + id, text: ref.text, title: useful, cssClass: "ref ref-part")
        case .policy(let slug):
            let target = SitePath.root.appending(policy.school).appending(slug)
            return .link(href: page.link(to: target), text: ref.text, title: nil, cssClass: "ref ref-policy")
        case .act(let slug):
            let title = legislation.act(slug)?.title
            return .link(href: page.link(to: LegislationPages.path(of: slug)), text: ref.text, title: title == ref.text ? nil : title, cssClass: "ref ref-act")
        case .missingAnchor, .unpublishedPolicy, .unknownAct:
            return .text(ref.text)
        }
    }
}
