extension Anchor {
    /// How an index lists the anchor: the link's words ("Clause 5.12", "Section 12", or a
    /// heading's own words) and the words after it (the clause's first sentence, the section's
    /// title without its number), if any.
    var indexEntry: (label: String, text: String?) {
        switch kind {
        case .heading, .form:
            return (title, nil)
        case .section, .clause, .step, .appendix:
            guard isHeading else { return (label, title.isEmpty ? nil : title) }
            var rest = Substring(title)
            if let match = NumberingPattern.match(rest, isHeading: true) {
                switch match {
                case .section(_, let r), .clause(_, let r), .step(_, let r), .appendix(_, let r): rest = r
                }
            }
            let text = rest.drop { $0 == " " || $0 == ":" || $0 == "–" || $0 == "-" || $0 == "—" || $0 == "." }
            return (label, text.isEmpty ? nil : String(text))
        }
    }
}
