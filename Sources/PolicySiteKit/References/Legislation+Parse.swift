extension Legislation {
    static let knownFields = "slug, title, type, year, chapter, citation, url, summary, status, status_note, replaced_by, aliases"

    /// Reads `content/data/legislation.yml`. Pure: no file access. Each identifier URL is checked
    /// against the entry's year and chapter, because a wrong chapter is a silent, damaging error.
    public static func parse(_ text: String, path: String) -> (Legislation?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard var fields = YAMLFields(yaml: text, path: path, firstLine: 1, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        var acts: [Act] = []
        var replacedBy: [(Int, String, SourceLocation)] = []
        var seenSlugs: [Slug: SourceLocation] = [:]
        var seenNames: [String: String] = [:]
        for var entry in fields.mappings("acts") {
            let before = acts.count
            if let act = parseAct(&entry, replacedBy: &replacedBy, index: before) {
                if let first = seenSlugs[act.slug] {
                    entry.appendError("'\(act.slug)' is used by two entries (first at line \(first.line)); give one a different slug", at: act.location)
                } else {
                    seenSlugs[act.slug] = act.location
                    for name in act.names {
                        let key = CitationDetector.nameKey(name)
                        if let other = seenNames[key], other != act.title {
                            entry.appendError("the name '\(name)' is also given for \(other); a name may belong to one entry only", at: act.location)
                        }
                        seenNames[key] = act.title
                    }
                    acts.append(act)
                }
            }
            diagnostics += entry.finish(known: knownFields)
        }
        diagnostics += fields.finish(known: "acts")
        for (index, raw, location) in replacedBy {
            if let slug = Slug(validating: raw), seenSlugs[slug] != nil {
                acts[index].replacedBy.append(slug)
            } else {
                diagnostics.append(.error("replaced_by '\(raw)' is not the slug of an entry in this file", at: location))
            }
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (Legislation(acts: acts), diagnostics)
    }

    private static func parseAct(_ entry: inout YAMLFields, replacedBy: inout [(Int, String, SourceLocation)], index: Int) -> Act? {
        let location = entry.mappingLocation
        let title = entry.string("title", required: true)
        let summary = entry.string("summary", required: true)
        let url = entry.string("url", required: true)
        let year = entry.integer("year", required: true)
        let chapter = entry.integer("chapter", required: true)
        var kind = Act.Kind.ukpga
        if let raw = entry.string("type"), let node = entry.node("type") {
            if let k = Act.Kind(rawValue: raw) { kind = k } else {
                entry.appendError("type '\(raw)' is not one of: ukpga, eur", at: entry.location(of: node))
            }
        }
        var status: ActStatus? = nil
        if let raw = entry.string("status", required: true), let node = entry.node("status") {
            status = ActStatus(rawValue: raw)
            if status == nil {
                entry.appendError("status '\(raw)' is not one of: in force, partly repealed, repealed", at: entry.location(of: node))
            }
        }
        let statusNote = entry.string("status_note")
        let citation = entry.string("citation")
        var slug: Slug? = nil
        if let raw = entry.string("slug"), let node = entry.node("slug") {
            slug = Slug(validating: raw)
            if slug == nil { entry.appendError("slug '\(raw)' is not a valid slug", at: entry.location(of: node)) }
        } else if let title {
            slug = Slug(deriving: title)
        }
        for (raw, at) in entry.strings("replaced_by") { replacedBy.append((index, raw, at)) }
        let aliases = entry.strings("aliases").map(\.0)
        if let url, let year, let chapter, let node = entry.node("url"),
           let problem = identifierProblem(url: url, kind: kind, year: year, chapter: chapter) {
            entry.appendError(problem, at: entry.location(of: node))
        }
        if let status, status != .inForce, statusNote == nil {
            entry.appendError("status '\(status.rawValue)' needs a status_note saying what changed", at: location)
        }
        guard let title, let summary, let url, let year, let chapter, let status, let slug else { return nil }
        return Act(slug: slug, title: title, kind: kind, year: year, chapter: chapter, url: url, summary: summary,
                   status: status, statusNote: statusNote, replacedBy: [], aliases: aliases, officialCitation: citation, location: location)
    }

    /// Why `url` is not the legislation.gov.uk identifier for this year and chapter, or nil.
    /// Acts from 1963 on are numbered by calendar year; earlier ones by regnal year
    /// (`ukpga/Eliz2/7-8/66`), whose address must still end in the chapter.
    static func identifierProblem(url: String, kind: Act.Kind, year: Int, chapter: Int) -> String? {
        let base = "https://www.legislation.gov.uk/"
        let expected = "\(base)\(kind.rawValue)/\(year)/\(chapter)"
        if kind == .eur || year >= 1963 {
            return url == expected ? nil : "url must be \(expected) for year \(year) and chapter \(chapter) (found \(url))"
        }
        let parts = url.hasPrefix(base + "ukpga/") ? url.dropFirst(base.count + 6).split(separator: "/", omittingEmptySubsequences: false) : []
        guard parts.count == 3, parts[2] == "\(chapter)", !parts[0].isEmpty, !parts[1].isEmpty else {
            return "url must be \(base)ukpga/<monarch>/<regnal years>/\(chapter) for an Act of \(year), chapter \(chapter) (found \(url))"
        }
        return nil
    }
}

extension YAMLFields {
    /// A whole-number value; nil if absent. Anything else is an error.
    mutating func integer(_ key: String, required: Bool = false) -> Int? {
        guard let node = node(key) else {
            if required { appendError("missing required field '\(key)'", at: mappingLocation) }
            return nil
        }
        guard let s = node.string, let n = Int(s), n > 0 else {
            appendError("'\(key)' must be a whole number", at: location(of: node))
            return nil
        }
        return n
    }
}
