import Foundation

/// `/export.json`: publishers, policies, clauses and legislation for other tools, described in
/// docs/json-export.md. Ids are the site's own permanent names: a publisher's slug,
/// `<publisher>/<policy>`, and `<publisher>/<policy>#<anchor>` for clauses (the permalink's fragment).
enum JSONExport {
    static let path = "export.json"
    /// Bumped when a field changes meaning or is removed; new fields do not bump it.
    static let schemaVersion = 1

    struct Document: Encodable {
        var schema = "https://policy-site.invalid/schema/export"
        var schemaVersion = JSONExport.schemaVersion
        var site: SiteInfo
        var publishers: [PublisherRecord]
        var policies: [PolicyRecord]
        var clauses: [ClauseRecord]
        /// Filled once the site has a legislation glossary; each record: id, title, url, citedBy.
        var legislation: [LegislationRecord]
    }

    struct SiteInfo: Encodable {
        var title: String
        var description: String?
        var baseURL: String
        var reviewStatusDate: String
    }

    struct PublisherRecord: Encodable {
        var id: String
        var name: String
        var kind: String
        var url: String
        var address: String?
        var phone: String?
        var website: String?
        var policies: [String]
    }

    struct VersionRecord: Encodable {
        var adopted: String
        var url: String
    }

    struct PolicyRecord: Encodable {
        var id: String
        var publisher: String
        var slug: String
        var title: String
        var version: String?
        var adopted: String?
        var adoptedBy: String?
        var reviewDue: String?
        var reviewDeadline: String?
        var reviewStatus: String
        var audience: [String]
        var fingerprint: String
        var basedOn: String?
        var sameModelAs: [String]
        var url: String
        var earlierVersions: [VersionRecord]
        var comparisons: [ComparisonRecord]
        var clauses: [String]
    }

    struct ComparisonRecord: Encodable {
        var with: String
        var relation: String
        var url: String
    }

    struct ClauseRecord: Encodable {
        var id: String
        var policy: String
        var anchor: String
        var kind: String
        var number: String?
        var title: String
        var text: String?
        var url: String
    }

    struct LegislationRecord: Encodable {
        var id: String
        var title: String
        var url: String?
        var citedBy: [String]
    }

    static func document(_ site: Site, options: BuildOptions, lineage: Lineage, legislation: [LegislationRecord] = []) -> Document {
        let base = options.baseURL
        var publishers: [PublisherRecord] = []
        var policies: [PolicyRecord] = []
        var clauses: [ClauseRecord] = []
        for publisher in site.publishers {
            let school = publisher.school
            publishers.append(PublisherRecord(id: school.slug.rawValue, name: school.name, kind: school.kind.rawValue, url: base.url(publisher.path),
                                              address: school.address, phone: school.phone, website: school.website,
                                              policies: publisher.policies.map { Lineage.key(school.slug, $0.slug) }))
            for policy in publisher.policies {
                let id = Lineage.key(school.slug, policy.slug)
                let url = base.url(publisher.path(of: policy))
                var texts: [String: String] = [:]
                for unit in policy.textUnits { if let anchor = unit.anchor, texts[anchor.id] == nil { texts[anchor.id] = unit.text } }
                let policyClauses = policy.outline.anchors.map { anchor in
                    ClauseRecord(id: id + "#" + anchor.id, policy: id, anchor: anchor.id, kind: anchor.kind.rawValue,
                                 number: anchor.number.isEmpty ? nil : anchor.number, title: anchor.title,
                                 text: texts[anchor.id], url: url + "#" + anchor.id)
                }
                clauses += policyClauses
                policies.append(PolicyRecord(
                    id: id, publisher: school.slug.rawValue, slug: policy.slug.rawValue, title: policy.title, version: policy.version,
                    adopted: policy.adopted?.iso, adoptedBy: policy.adoptedBy, reviewDue: policy.reviewDue?.iso,
                    reviewDeadline: policy.reviewDeadline?.iso, reviewStatus: policy.reviewStatus(on: options.today).rawValue,
                    audience: policy.audience.map(\.rawValue), fingerprint: policy.fingerprint,
                    basedOn: policy.basedOn.map { Lineage.key($0.school ?? school.slug, $0.policy) },
                    sameModelAs: policy.sameModelAs.map { Lineage.key($0.school ?? school.slug, $0.policy) },
                    url: url,
                    earlierVersions: policy.history.compactMap { v in
                        v.adopted.map { VersionRecord(adopted: $0.iso, url: base.url(PolicyGovernanceContext.versionPath(v, of: policy, in: publisher))) }
                    },
                    comparisons: lineage.partners(of: policy).map { partner in
                        ComparisonRecord(with: Lineage.key(partner.publisher.school.slug, partner.policy.slug), relation: partner.relation.rawValue,
                                         url: base.url(partner.path))
                    },
                    clauses: policyClauses.map(\.id)))
            }
        }
        return Document(site: SiteInfo(title: site.config.title, description: site.config.description, baseURL: base.value,
                                       reviewStatusDate: options.today.iso),
                        publishers: publishers, policies: policies, clauses: clauses, legislation: legislation)
    }

    static func bytes(_ site: Site, options: BuildOptions, lineage: Lineage) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document(site, options: options, lineage: lineage))) ?? Data("{}".utf8)
        return [UInt8](data) + [0x0A]
    }
}
