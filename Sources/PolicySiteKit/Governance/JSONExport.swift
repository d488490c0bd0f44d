import Foundation

/// `/export.json`: publishers, policies, clauses and legislation for other tools, described in
/// docs/json-export.md. Ids are the site's own permanent names: a publisher's slug,
/// `<publisher>/<policy>`, and `<publisher>/<policy>#<anchor>` for clauses (the permalink's fragment).
enum JSONExport {
    static let path = "export.json"
    /// Bumped when a field changes meaning or is removed; new fields do not bump it.
    static let schemaVersion = 1

    struct Document: Encodable {
        static let schema = "https://policy-site.invalid/schema/export"
        var schema = Document.schema
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
                let texts = policy.anchoredTexts
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

    /// The export's bytes, whole.
    static func bytes(_ site: Site, options: BuildOptions, lineage: Lineage) -> [UInt8] {
        var bytes: [UInt8] = []
        write(site, options: options, lineage: lineage) { bytes += $0 }
        return bytes
    }

    /// The export, written record by record (the same bytes `JSONEncoder` makes of `document`,
    /// which a test checks) and handed to `write` about a megabyte at a time: neither a tree of
    /// the whole site nor the whole file (tens of megabytes for a large site) is ever held.
    static func write(_ site: Site, options: BuildOptions, lineage: Lineage, to write: ([UInt8]) -> Void) {
        let base = options.baseURL
        let flushAt = 1 << 20
        var json = PrettyJSON(reservingCapacity: flushAt + 256 * 1024)
        json.beginObject()
        json.key("clauses")
        json.beginArray()
        // Each policy's clauses are written on their own, a batch of policies at a time across the
        // cores, then appended in order: only one batch's pieces are held beside the export.
        let policies = site.publishers.flatMap { publisher in publisher.policies.map { (publisher, $0) } }
        let batch = 16 * ProcessInfoCores.count
        for start in stride(from: 0, to: policies.count, by: batch) {
            let pieces = Array(policies[start..<min(start + batch, policies.count)]).concurrentMap { publisher, policy in
                var piece = PrettyJSON(continuingArrayAtDepth: 2)
                clauses(of: policy, in: publisher, base: base, into: &piece)
                return piece
            }
            for piece in pieces { json.append(elements: piece) }
            json.flush(to: write, over: flushAt)
        }
        json.endArray()
        json.key("legislation")
        json.beginArray()
        json.endArray()
        json.key("policies")
        json.beginArray()
        for publisher in site.publishers {
            let school = publisher.school
            json.flush(to: write, over: flushAt)
            for policy in publisher.policies {
                let id = Lineage.key(school.slug, policy.slug)
                json.element()
                json.beginObject()
                json.field("adopted", policy.adopted?.iso)
                json.field("adoptedBy", policy.adoptedBy)
                json.field("audience", strings: policy.audience.map(\.rawValue))
                json.field("basedOn", policy.basedOn.map { Lineage.key($0.school ?? school.slug, $0.policy) })
                json.key("clauses")
                json.beginArray()
                for anchor in policy.outline.anchors {
                    json.element()
                    json.string(id, fragment: anchor.id)
                }
                json.endArray()
                json.key("comparisons")
                json.beginArray()
                for partner in lineage.partners(of: policy) {
                    json.element()
                    json.beginObject()
                    json.field("relation", partner.relation.rawValue)
                    json.field("url", base.url(partner.path))
                    json.field("with", Lineage.key(partner.publisher.school.slug, partner.policy.slug))
                    json.endObject()
                }
                json.endArray()
                json.key("earlierVersions")
                json.beginArray()
                for version in policy.history {
                    guard let adopted = version.adopted else { continue }
                    json.element()
                    json.beginObject()
                    json.field("adopted", adopted.iso)
                    json.field("url", base.url(PolicyGovernanceContext.versionPath(version, of: policy, in: publisher)))
                    json.endObject()
                }
                json.endArray()
                json.field("fingerprint", policy.fingerprint)
                json.field("id", id)
                json.field("publisher", school.slug.rawValue)
                json.field("reviewDeadline", policy.reviewDeadline?.iso)
                json.field("reviewDue", policy.reviewDue?.iso)
                json.field("reviewStatus", policy.reviewStatus(on: options.today).rawValue)
                json.field("sameModelAs", strings: policy.sameModelAs.map { Lineage.key($0.school ?? school.slug, $0.policy) })
                json.field("slug", policy.slug.rawValue)
                json.field("title", policy.title)
                json.field("url", base.url(publisher.path(of: policy)))
                json.field("version", policy.version)
                json.endObject()
            }
        }
        json.endArray()
        json.key("publishers")
        json.beginArray()
        for publisher in site.publishers {
            json.flush(to: write, over: flushAt)
            let school = publisher.school
            json.element()
            json.beginObject()
            json.field("address", school.address)
            json.field("id", school.slug.rawValue)
            json.field("kind", school.kind.rawValue)
            json.field("name", school.name)
            json.field("phone", school.phone)
            json.field("policies", strings: publisher.policies.map { Lineage.key(school.slug, $0.slug) })
            json.field("url", base.url(publisher.path))
            json.field("website", school.website)
            json.endObject()
        }
        json.endArray()
        json.field("schema", Document.schema)
        json.key("schemaVersion")
        json.int(schemaVersion)
        json.key("site")
        json.beginObject()
        json.field("baseURL", base.value)
        json.field("description", site.config.description)
        json.field("reviewStatusDate", options.today.iso)
        json.field("title", site.config.title)
        json.endObject()
        json.endObject()
        json.newline()
        json.flush(to: write, over: 0)
    }
}

extension JSONExport {
    /// One clause record per anchor of `policy`, as elements of the export's "clauses" array.
    static func clauses(of policy: Policy, in publisher: Publisher, base: BaseURL, into json: inout PrettyJSON) {
        let id = Lineage.key(publisher.school.slug, policy.slug)
        let url = base.url(publisher.path(of: policy))
        let texts = policy.anchoredTexts
        for anchor in policy.outline.anchors {
            json.element()
            json.beginObject()
            json.field("anchor", anchor.id)
            json.field("id", id, fragment: anchor.id)
            json.field("kind", anchor.kind.rawValue)
            json.field("number", anchor.number.isEmpty ? nil : anchor.number)
            json.field("policy", id)
            json.field("text", texts[anchor.id])
            json.field("title", anchor.title)
            json.field("url", url, fragment: anchor.id)
            json.endObject()
        }
    }
}
