/// A place in a policy that the indexes point at: a clause, section, appendix or heading (or the
/// top of the policy, for text before any of them).
struct Citing: Sendable, Hashable {
    var publisher: Slug
    var policy: Slug
    var anchorID: String?
}

/// A policy named in the text that its publisher has not published.
struct UnpublishedPolicy: Sendable {
    /// The name as first written.
    var name: String
    var places: [Citing]
}

/// A citation of legislation that has been repealed or partly repealed.
struct OutOfDateCitation: Sendable {
    var act: Slug
    var place: Citing
}

/// What the resolve phase learns from every policy's text in one pass: who cites each Act, which
/// policies are named but unpublished, which cite repealed legislation, and every warning.
struct ReferenceIndex: Sendable {
    /// Per Act, every place citing it, in site order, each once.
    var citations: [Slug: [Citing]] = [:]
    /// Per publisher, sorted by name.
    var unpublished: [Slug: [UnpublishedPolicy]] = [:]
    /// Per publisher, one entry per policy and Act, in site order.
    var outOfDate: [Slug: [OutOfDateCitation]] = [:]
    var diagnostics: [Diagnostic] = []

    /// Scans every policy once. `sourceTexts` (file path → text) lets warnings point at the phrase.
    static func build(site: Site, legislation: Legislation, scanner: ReferenceScanner, sourceTexts: [String: String]) -> ReferenceIndex {
        var index = ReferenceIndex()
        var seenCitations: Set<[String]> = []
        for publisher in site.publishers {
            var unpublished: [String: UnpublishedPolicy] = [:]
            var unpublishedSeen: Set<[String]> = []
            for policy in publisher.policies {
                var locator: SourceLocator? = nil  // made only when a warning needs it
                var occurrences: [String: Int] = [:]
                var warnedOutOfDate: Set<Slug> = []
                PolicyTextWalker.walk(policy) { run in
                    let place = Citing(publisher: publisher.school.slug, policy: policy.slug, anchorID: run.anchorID)
                    let start = SourceLocation(path: policy.path, line: run.position.line + policy.bodyLineOffset, column: run.position.column)
                    for ref in scanner.scan(run.text, in: policy, isHeading: run.isHeading) {
                        let key = "\(run.position.line):\(run.position.column):\(ref.text)"
                        let occurrence = occurrences[key, default: 0]
                        occurrences[key] = occurrence + 1
                        func location() -> SourceLocation {
                            let found = locator ?? SourceLocator(path: policy.path, text: sourceTexts[policy.path] ?? "")
                            locator = found
                            return found.locate(ref.text, occurrence: occurrence, from: start)
                        }
                        switch ref.target {
                        case .anchor, .policy:
                            break
                        case .missingAnchor(let label):
                            index.diagnostics.append(.warning("'\(ref.text)' refers to \(label), which this policy does not have\(Self.appendixHint(label, policy)); it is not linked", at: location()))
                        case .unknownAct(let name):
                            index.diagnostics.append(.warning("'\(name)' looks like an Act but is not in the legislation glossary (content/data/legislation.yml); add it there so it is explained and linked", at: location()))
                        case .unpublishedPolicy(let name, let key):
                            if unpublishedSeen.insert([key, policy.slug.rawValue, run.anchorID ?? ""]).inserted {
                                unpublished[key, default: UnpublishedPolicy(name: name, places: [])].places.append(place)
                            }
                        case .act(let slug):
                            if seenCitations.insert([slug.rawValue, publisher.school.slug.rawValue, policy.slug.rawValue, run.anchorID ?? ""]).inserted {
                                index.citations[slug, default: []].append(place)
                            }
                            if let act = legislation.act(slug), act.status.isOutOfDate, warnedOutOfDate.insert(slug).inserted {
                                index.outOfDate[publisher.school.slug, default: []].append(OutOfDateCitation(act: slug, place: place))
                                index.diagnostics.append(.warning("cites the \(act.title), which has been \(act.status.rawValue), so the policy may be out of date\(act.statusNote.map { ". \($0)" } ?? "")", at: location()))
                            }
                        }
                    }
                }
            }
            if !unpublished.isEmpty {
                index.unpublished[publisher.school.slug] = unpublished.values.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
            }
        }
        return index
    }

    /// " (it has Appendix 1, Appendix 2)" when a missing appendix is referred to.
    static func appendixHint(_ label: String, _ policy: Policy) -> String {
        guard label.hasPrefix("Appendix") else { return "" }
        let appendices = policy.outline.anchors.filter { $0.kind == .appendix }.map(\.label)
        return appendices.isEmpty ? " (it has no appendices)" : " (it has \(appendices.joined(separator: ", ")))"
    }
}
