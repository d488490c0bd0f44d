/// Which template keys the renderer looked up, and which of those it found in some context: what
/// the unknown-key check reads. Each key of each template has a slot (given when the templates
/// load), so noting a lookup costs an array write, not a walk of the page's values.
struct TemplateKeyUse: Sendable, Equatable {
    private static let reachedFlag: UInt8 = 1
    private static let foundFlag: UInt8 = 2

    private var flags: [UInt8]

    /// No key looked up yet, for templates with `slots` slots in all.
    init(slots: Int) { flags = Array(repeating: 0, count: slots) }

    /// Notes a lookup of the key in `slot` (none for a name with no key, such as `{{.}}`).
    mutating func note(_ slot: Int?, found: Bool) {
        guard let slot else { return }
        flags[slot] |= found ? Self.reachedFlag | Self.foundFlag : Self.reachedFlag
    }

    /// True when a tag with the key in `slot` was rendered: its template was used and every
    /// section around it was entered.
    func wasReached(_ slot: Int) -> Bool { slot < flags.count && flags[slot] & Self.reachedFlag != 0 }

    /// True when some lookup of the key in `slot` found a value.
    func wasFound(_ slot: Int) -> Bool { slot < flags.count && flags[slot] & Self.foundFlag != 0 }

    mutating func formUnion(_ other: TemplateKeyUse) {
        if flags.count < other.flags.count { flags += repeatElement(0, count: other.flags.count - flags.count) }
        for (i, f) in other.flags.enumerated() { flags[i] |= f }
    }
}
