import Foundation

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
    /// Per policy file path, the links found in each run of its text, for the linker.
    var found: [String: FoundReferences] = [:]
    var diagnostics: [Diagnostic] = []

    /// Where each parallel scan writes its result: one slot per policy, so no two writers meet.
    private struct ScanSlots: @unchecked Sendable {
        let base: UnsafeMutablePointer<PolicyScan>?
    }

    /// What one policy's text contributes, found independently of every other policy.
    struct PolicyScan: Sendable {
        var diagnostics: [Diagnostic] = []
        var unpublished: [(key: String, name: String, place: Citing)] = []
        var citations: [(act: Slug, place: Citing)] = []
        var outOfDate: [OutOfDateCitation] = []
        var found = FoundReferences()
    }

    /// Scans every policy once, policies in parallel, then merges the results in site order so the
    /// indexes are the same on every run. `sourceTexts` (file path → text) lets warnings point at
    /// the phrase. With a `store`, a policy whose text is unchanged since the scan kept there is
    /// not scanned again.
    static func build(site: Site, legislation: Legislation, scanner: ReferenceScanner, sourceTexts: [String: String],
                      store: ReferenceScanStore? = nil) -> ReferenceIndex {
        // Jobs are places in the site, not copies of its policies (a copy retains every field).
        let jobs = site.publishers.indices.flatMap { p in site.publishers[p].policies.indices.map { (p, $0) } }
        // Synchronous so the single-threaded fuzz pipeline can call it too; the scans still run on
        // every core, each into its own slot.
        let scans = [PolicyScan](unsafeUninitializedCapacity: jobs.count) { buffer, initialized in
            let slots = ScanSlots(base: buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
                let (p, q) = jobs[i]
                let publisher = site.publishers[p]
                let policy = publisher.policies[q]
                let text = sourceTexts[policy.path]
                var found = text.flatMap { store?.scan(path: policy.path, text: $0) }
                if found == nil {
                    found = scan(policy, publisher: publisher.school.slug, legislation: legislation, scanner: scanner, sourceText: text)
                    if let store, let text, let found { store.keep(found, path: policy.path, text: text) }
                }
                slots.base?.advanced(by: i).initialize(to: found ?? PolicyScan())
            }
            initialized = jobs.count
        }
        var index = ReferenceIndex()
        var unpublished: [Slug: [String: UnpublishedPolicy]] = [:]
        for ((p, q), scan) in zip(jobs, scans) {
            let slug = site.publishers[p].school.slug
            index.diagnostics += scan.diagnostics
            for entry in scan.unpublished {
                unpublished[slug, default: [:]][entry.key, default: UnpublishedPolicy(name: entry.name, places: [])].places.append(entry.place)
            }
            for citation in scan.citations { index.citations[citation.act, default: []].append(citation.place) }
            if !scan.outOfDate.isEmpty { index.outOfDate[slug, default: []] += scan.outOfDate }
            index.found[site.publishers[p].policies[q].path] = scan.found
        }
        for (publisher, entries) in unpublished {
            index.unpublished[publisher] = entries.values.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
        }
        return index
    }

    /// One policy's references, citations and warnings.
    static func scan(_ policy: Policy, publisher: Slug, legislation: Legislation, scanner: ReferenceScanner, sourceText: String?) -> PolicyScan {
        var result = PolicyScan()
        var locator: SourceLocator? = nil  // made only when a warning needs it
        var occurrences: [String: Int] = [:]
        var warnedOutOfDate: Set<Slug> = []
        var unpublishedSeen: Set<[String]> = []
        var seenCitations: Set<[String]> = []
        let context = scanner.context(for: policy)
        PolicyTextWalker.walk(policy) { run in
            let place = Citing(publisher: publisher, policy: policy.slug, anchorID: run.anchorID)
            let start = SourceLocation(path: policy.path, line: run.position.line + policy.bodyLineOffset, column: run.position.column)
            let references = scanner.scan(run.text, in: context, isHeading: run.isHeading)
            // Headings are never linked.
            if !run.isHeading { result.found.add(references, text: run.text, at: start) }
            for ref in references {
                let key = "\(run.position.line):\(run.position.column):\(ref.text)"
                let occurrence = occurrences[key, default: 0]
                occurrences[key] = occurrence + 1
                func location() -> SourceLocation {
                    let found = locator ?? SourceLocator(path: policy.path, text: sourceText ?? "")
                    locator = found
                    return found.locate(ref.text, occurrence: occurrence, from: start)
                }
                switch ref.target {
                case .anchor, .policy:
                    break
                case .missingAnchor(let label):
                    result.diagnostics.append(.warning("'\(ref.text)' refers to \(label), which this policy does not have\(Self.appendixHint(label, policy)); it is not linked", at: location()))
                case .unknownAct(let name):
                    result.diagnostics.append(.warning("'\(name)' looks like an Act but is not in the legislation glossary (content/data/legislation.yml); add it there so it is explained and linked", at: location()))
                case .unpublishedPolicy(let name, let key):
                    if unpublishedSeen.insert([key, run.anchorID ?? ""]).inserted {
                        result.unpublished.append((key, name, place))
                    }
                case .act(let slug):
                    if seenCitations.insert([slug.rawValue, run.anchorID ?? ""]).inserted {
                        result.citations.append((slug, place))
                    }
                    if let act = legislation.act(slug), act.status.isOutOfDate, warnedOutOfDate.insert(slug).inserted {
                        result.outOfDate.append(OutOfDateCitation(act: slug, place: place))
                        result.diagnostics.append(.warning("cites the \(act.title), which has been \(act.status.rawValue), so the policy may be out of date\(act.statusNote.map { ". \($0)" } ?? "")", at: location()))
                    }
                }
            }
        }
        return result
    }

    /// " (it has Appendix 1, Appendix 2)" when a missing appendix is referred to.
    static func appendixHint(_ label: String, _ policy: Policy) -> String {
        guard label.hasPrefix("Appendix") else { return "" }
        let appendices = policy.outline.anchors.filter { $0.kind == .appendix }.map(\.label)
        return appendices.isEmpty ? " (it has no appendices)" : " (it has \(appendices.joined(separator: ", ")))"
    }
}
