/// The shared table of mobile and telephone service providers' contact numbers, kept once in
/// `content/data/service-providers.yml` and shown in policies with ```` ```include service-providers ````.
public struct ServiceProviders: Sendable {
    /// A column of numbers: its key in each provider entry and its heading.
    public struct Column: Sendable {
        public var key: String
        public var label: String
    }

    /// One provider's row.
    public struct Provider: Sendable {
        /// How an include names this row to respell it (`vodafone`); from `id:` or the name.
        public var id: Slug
        public var name: String
        /// Each column's telephone text as written, by column key ("" when empty).
        public var values: [String: String]
    }

    /// The heading of the name column ("Service provider").
    public var nameLabel: String
    public var columns: [Column]
    public var providers: [Provider]
    public var path: String

    /// The data file's name in `content/data/` and in the include directive.
    public static let dataName = "service-providers"
}
