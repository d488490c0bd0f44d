/// Shared data shown in a policy where the policy prints it, written as a fenced block:
///
///     ```include service-providers
///     names:
///       vodafone: "Vodaphone:"
///     ```
///
/// The data lives once (`content/data/`, `school.yml`); each policy keeps its own wording of
/// names through `names:`.
public struct Include: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The table of `content/data/service-providers.yml`.
        case serviceProviders = "service-providers"
        /// The publisher's Digital Safety Lead(s), address and number from `school.yml`.
        case digitalSafetyLeads = "digital-safety-leads"
    }

    /// A row name as this policy spells it: provider `id` → text.
    public struct Name: Sendable {
        public var id: String
        public var text: String
        public var location: SourceLocation
    }

    public var kind: Kind
    public var names: [Name]
    public var location: SourceLocation
}
