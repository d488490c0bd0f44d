/// A phrase in a policy's text that refers to something: a part of the same policy, another
/// policy, or legislation. Offsets count the UTF-8 bytes of the scanned text.
struct Reference: Sendable, Equatable {
    enum Target: Sendable, Equatable {
        /// A part of the same policy that exists.
        case anchor(id: String)
        /// A part the policy does not have ("Appendix 9"): reported, never linked.
        case missingAnchor(label: String)
        /// Another published policy of the same publisher.
        case policy(Slug)
        /// A policy named but not published by this publisher.
        case unpublishedPolicy(name: String, key: String)
        /// A glossary entry.
        case act(Slug)
        /// Something shaped like an Act that the glossary lacks.
        case unknownAct(name: String)
    }

    var range: Range<Int>
    /// The phrase as written.
    var text: String
    var target: Target

    /// True when the phrase becomes a link.
    var isLink: Bool {
        switch target {
        case .anchor, .policy, .act: true
        case .missingAnchor, .unpublishedPolicy, .unknownAct: false
        }
    }
}

/// Runs every reference detector over a run of text, with what it needs to know about the site.
/// The resolve phase (for indexes and warnings) and the linker (for links) call the same scan,
/// so a link is made exactly where the build found a reference.
struct ReferenceScanner: Sendable {
    let citations: CitationDetector
    /// Per publisher: the name key of each published policy → its slug.
    let policiesByName: [Slug: [String: Slug]]
    /// The words of each policy's title, by file path.
    let titleWords: [String: WordTable]

    init(site: Site, legislation: Legislation) {
        citations = CitationDetector(legislation)
        var byPublisher: [Slug: [String: Slug]] = [:]
        var words: [String: WordTable] = [:]
        for publisher in site.publishers {
            var names: [String: Slug] = [:]
            for policy in publisher.policies {
                words[policy.path] = PolicyNameDetector.titleWords(policy.title)
                let slugWords = policy.slug.rawValue.split(separator: "-").joined(separator: " ")
                for key in [PolicyNameDetector.key(policy.title), PolicyNameDetector.key(slugWords)] where !key.isEmpty && names[key] == nil {
                    names[key] = policy.slug
                }
            }
            byPublisher[publisher.school.slug] = names
        }
        policiesByName = byPublisher
        titleWords = words
    }

    /// What a scan needs to know of one policy, looked up once for all the policy's runs.
    struct PolicyContext {
        let policy: Policy
        /// The name key of each policy its publisher has published → its slug.
        let published: [String: Slug]
        let ownWords: WordTable
    }

    func context(for policy: Policy) -> PolicyContext {
        PolicyContext(policy: policy, published: policiesByName[policy.school] ?? [:],
                      ownWords: titleWords[policy.path] ?? PolicyNameDetector.titleWords(policy.title))
    }

    /// Every reference in `text`, in order, none overlapping. Headings are scanned for legislation
    /// and policy names only: a heading such as "Section 4: Appendices" names itself.
    func scan(_ text: String, in policy: Policy, isHeading: Bool) -> [Reference] {
        scan(text, in: context(for: policy), isHeading: isHeading)
    }

    func scan(_ text: String, in context: PolicyContext, isHeading: Bool) -> [Reference] {
        let policy = context.policy
        let chars = TextToken.bytes(text)
        let tokens = TextToken.tokens(chars)
        guard !tokens.isEmpty else { return [] }
        func phrase(_ r: Range<Int>) -> String { TextToken.string(chars[r]) }
        var found: [Reference] = []
        let (acts, unknown) = citations.scan(tokens)
        found += acts.map { Reference(range: $0.range, text: phrase($0.range), target: .act($0.act)) }
        found += unknown.map { Reference(range: $0.range, text: phrase($0.range), target: .unknownAct(name: $0.name)) }
        if !isHeading {
            for m in CrossReferenceDetector.scan(tokens) {
                let target: Reference.Target = m.candidates.first(where: policy.outline.ids.contains).map { .anchor(id: $0) } ?? .missingAnchor(label: m.label)
                found.append(Reference(range: m.range, text: phrase(m.range), target: target))
            }
        }
        for m in PolicyNameDetector.scan(tokens, ownWords: context.ownWords) {
            if let slug = context.published[m.key] {
                if slug != policy.slug { found.append(Reference(range: m.range, text: phrase(m.range), target: .policy(slug))) }
            } else {
                found.append(Reference(range: m.range, text: phrase(m.range), target: .unpublishedPolicy(name: m.name, key: m.key)))
            }
        }
        // Earlier detectors win where phrases overlap; the result is in text order.
        var taken: [Reference] = []
        for r in found where !taken.contains(where: { $0.range.overlaps(r.range) }) { taken.append(r) }
        return taken.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}
