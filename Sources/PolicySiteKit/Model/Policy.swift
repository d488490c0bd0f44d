import Markdown

/// Who a policy is written for.
public enum Audience: String, Sendable, CaseIterable, Comparable {
    case staff, governors, parents, pupils

    public var label: String {
        switch self {
        case .staff: "Staff"
        case .governors: "Governors"
        case .parents: "Parents and carers"
        case .pupils: "Pupils"
        }
    }

    public static func < (a: Audience, b: Audience) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A reference from one policy to the model or sibling policy it was adopted from.
public struct PolicyReference: Sendable, Hashable {
    public var school: Slug?
    public var policy: Slug
}

/// One policy: its front matter, its Markdown body as Swift values, and its detected structure.
public struct Policy: Sendable {
    public var school: Slug
    public var slug: Slug
    public var path: String
    public var title: String
    public var version: String?
    public var adopted: PolicyDate?
    public var adoptedBy: String?
    public var reviewDue: PolicyDate?
    public var audience: [Audience]
    public var basedOn: PolicyReference?
    public var basedOnLocation: SourceLocation?
    public var document: MarkdownDocument
    /// Line of the file where the Markdown body starts: body line N is file line N + offset.
    public var bodyLineOffset: Int
    public var outline: Outline
    public var forms: [Form]
    /// The ```include fences of the body, in lists and quotes too, read once when it is parsed.
    public var includeFences: [IncludeFence] = []
    /// `TextFingerprint` of the body, printed on forms and on the policy page.
    public var fingerprint: String
    /// Where each front-matter field's value is in the file, by field name (`review_due`).
    public var fieldLocations: [String: SourceLocation] = [:]
    /// Policies adopted from the same model text as this one (`same_model_as`), in either direction.
    public var sameModelAs: [PolicyReference] = []
    /// Earlier adopted versions (from `<policy>.versions/<date>.md`), newest first.
    public var history: [Policy] = []
}

/// An ```include fence of a policy, read when the policy is parsed; what is wrong with it is
/// reported when the site's includes are resolved, with the data they name.
public struct IncludeFence: Sendable {
    public var block: CodeBlock
    public var include: Include?
    public var diagnostics: [Diagnostic]

    /// Every include fence of `blocks`, each read.
    static func read(_ blocks: [Block], path: String, lineOffset: Int) -> [IncludeFence] {
        Includes.includeBlocks(blocks).map { block in
            let (include, diagnostics) = Include.parse(block, path: path, lineOffset: lineOffset)
            return IncludeFence(block: block, include: include, diagnostics: diagnostics)
        }
    }
}
