/// `/feed.atom`: an Atom (RFC 4287) feed with an entry for each adoption of each policy — the
/// current one and every earlier version — saying what changed since the version before.
///
/// Entry ids are name-based UUIDs of `<publisher>/<policy>/<adopted date>`, so they survive moving
/// the site; every `updated` is an adoption date, and the feed's is the latest, so the feed only
/// changes when the content does.
enum AdoptionFeed {
    static let path = "feed.atom"

    struct Entry {
        var id: String
        var title: String
        var updated: String
        var link: String
        var summary: String
    }

    static func entries(_ site: Site, options: BuildOptions) -> [Entry] {
        var entries: [Entry] = []
        for publisher in site.publishers {
            for policy in publisher.policies {
                let chain = [policy] + policy.history
                for (index, version) in chain.enumerated() {
                    guard let adopted = version.adopted else { continue }
                    let path = PolicyGovernanceContext.versionPath(version, of: policy, in: publisher)
                    var summary = "\(version.title) was adopted by \(version.adoptedBy ?? publisher.school.name) \(adopted.day == nil ? "in" : "on") \(adopted.display)."
                    if index > 0 { summary += " It has since been superseded." }
                    var title = "Adopted: \(version.title) (\(publisher.school.name))"
                    if index + 1 < chain.count {
                        let comparison = TextComparison(old: chain[index + 1].textUnits, new: version.textUnits)
                        let changed = comparison.changes.map { $0.kind.rawValue.capitalizedFirst + ": " + (($0.new ?? $0.old)?.label ?? "") }
                        summary += " What changed since \(chain[index + 1].adoptionLabel.lowercasedFirst): " + ChangeContext.summary(comparison)
                        if !changed.isEmpty { summary += " " + changed.joined(separator: "; ") + "." }
                        title = "Re-adopted: \(version.title) (\(publisher.school.name))"
                    }
                    entries.append(Entry(id: NameUUID.urn("policy-site:adoption:\(publisher.school.slug)/\(policy.slug)/\(adopted.iso)"),
                                         title: title, updated: timestamp(adopted), link: options.baseURL.url(path), summary: summary))
                }
            }
        }
        return entries.sorted { ($0.updated, $0.id) > ($1.updated, $1.id) }
    }

    static func xml(_ site: Site, options: BuildOptions) -> String {
        let entries = entries(site, options: options)
        let e = XMLText.escape
        var out = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
        <id>\(NameUUID.urn("policy-site:feed:" + site.config.title))</id>
        <title>\(e(site.config.title)): adoptions and changes</title>
        <updated>\(entries.first?.updated ?? timestamp(options.today))</updated>
        <author><name>\(e(site.config.title))</name></author>
        <generator>policy-site</generator>
        <link rel="self" type="application/atom+xml" href="\(e(options.baseURL.value + path))"/>
        <link rel="alternate" type="text/html" href="\(e(options.baseURL.value))"/>

        """
        for entry in entries {
            out += """
            <entry>
            <id>\(entry.id)</id>
            <title>\(e(entry.title))</title>
            <updated>\(entry.updated)</updated>
            <link rel="alternate" type="text/html" href="\(e(entry.link))"/>
            <summary>\(e(entry.summary))</summary>
            </entry>

            """
        }
        return out + "</feed>\n"
    }

    /// RFC 3339 at midnight UTC: `2025-09-01T00:00:00Z` (a month counts from its first day).
    static func timestamp(_ date: PolicyDate) -> String { date.firstDay.iso + "T00:00:00Z" }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
