import Markdown

/// A declaration or agreement to sign, written as a fenced block:
///
///     ```form staff-declaration "Staff Declaration"
///     I have read and understand …
///
///     Signed:
///     ```
public struct Form: Sendable {
    /// A line to write on: "Signed", "Print name", "Date".
    public struct Field: Sendable, Hashable {
        public var label: String
    }

    /// One piece of the form, in order: text to read or a field to fill in.
    public enum Part: Sendable {
        case text(Block)
        case field(Field)
    }

    public var slug: Slug
    public var title: String
    public var parts: [Part]
    public var location: SourceLocation

    public var fields: [Field] {
        parts.compactMap { if case .field(let f) = $0 { f } else { nil } }
    }

    public var anchorID: String { "form-\(slug.rawValue)" }
}
