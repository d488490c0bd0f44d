import Markdown

extension PolicyReference {
    /// Reads `publisher-slug/policy-slug` or `policy-slug` (same publisher); nil for anything else.
    init?(parsing raw: String) {
        let slugs = raw.split(separator: "/", omittingEmptySubsequences: false).map { Slug(validating: String($0)) }
        if slugs.count == 2, let s = slugs[0], let p = slugs[1] {
            self.init(school: s, policy: p)
        } else if slugs.count == 1, let p = slugs[0] {
            self.init(school: nil, policy: p)
        } else {
            return nil
        }
    }
}

extension Policy {
    static let knownFields = "title, version, adopted, adopted_by, review_due, audience, based_on, same_model_as"

    /// Reads a policy file's text: front matter, Markdown body, structure and forms. Pure: no file
    /// access; every problem comes back as a diagnostic at its line in the file.
    public static func parse(_ text: String, school: Slug, slug: Slug, path: String) -> (Policy?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let split: FrontMatterSplit
        switch FrontMatterSplit.split(text, path: path) {
        case .success(let s): split = s
        case .failure(let d): return (nil, [d])
        }
        guard var fields = YAMLFields(yaml: split.yaml, path: path, firstLine: split.yamlFirstLine, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        let title = fields.string("title", required: true)
        let version = fields.string("version")
        let adopted = fields.date("adopted")
        let adoptedBy = fields.string("adopted_by")
        let reviewDue = fields.date("review_due")
        var audience: [Audience] = []
        for (word, location) in fields.strings("audience") {
            if let a = Audience(rawValue: word.lowercased()) {
                if !audience.contains(a) { audience.append(a) }
            } else {
                fields.appendError("audience '\(word)' is not one of: staff, governors, parents, pupils", at: location)
            }
        }
        audience.sort()
        var basedOn: PolicyReference? = nil
        var basedOnLocation: SourceLocation? = nil
        if let raw = fields.string("based_on"), let node = fields.node("based_on") {
            basedOnLocation = fields.location(of: node)
            basedOn = PolicyReference(parsing: raw)
            if basedOn == nil {
                fields.appendError("based_on must be 'publisher-slug/policy-slug' or 'policy-slug'", at: basedOnLocation!)
            }
        }
        var sameModelAs: [PolicyReference] = []
        for (raw, location) in fields.strings("same_model_as") {
            if let ref = PolicyReference(parsing: raw) { sameModelAs.append(ref) } else {
                fields.appendError("same_model_as must list 'publisher-slug/policy-slug' entries", at: location)
            }
        }
        var fieldLocations: [String: SourceLocation] = [:]
        for pair in fields.pairs { fieldLocations[pair.key] = fields.location(of: pair.value) }
        if let adopted, let reviewDue, reviewDue < adopted {
            if let node = fields.node("review_due") {
                fields.appendError("review_due (\(reviewDue.iso)) is before adopted (\(adopted.iso))", at: fields.location(of: node))
            }
        }
        diagnostics += fields.finish(known: knownFields)

        let lineOffset = split.bodyFirstLine - 1
        let document: MarkdownDocument
        do {
            document = try MarkdownDocument.parse(split.body)
        } catch {
            diagnostics.append(.error(error.message, at: SourceLocation(path: path, line: error.position.line + lineOffset, column: error.position.column)))
            return (nil, diagnostics)
        }
        var detector = OutlineDetector(path: path, lineOffset: lineOffset, capacity: document.blocks.count)
        detector.detect(document.blocks)
        diagnostics += detector.diagnostics

        var forms: [Form] = []
        for code in document.blocks.formFences {
            let (form, formDiagnostics) = Form.parse(code, path: path, lineOffset: lineOffset)
            diagnostics += formDiagnostics
            if let form { forms.append(form) }
        }

        guard let title, !diagnostics.hasErrors else { return (nil, diagnostics) }
        let policy = Policy(school: school, slug: slug, path: path, title: title, version: version, adopted: adopted,
                            adoptedBy: adoptedBy, reviewDue: reviewDue, audience: audience, basedOn: basedOn,
                            basedOnLocation: basedOnLocation, document: document, bodyLineOffset: lineOffset,
                            outline: detector.outline, forms: forms, includeFences: IncludeFence.read(document.blocks, path: path, lineOffset: lineOffset),
                            fingerprint: TextFingerprint.of(split.body), fieldLocations: fieldLocations, sameModelAs: sameModelAs)
        return (policy, diagnostics)
    }
}
