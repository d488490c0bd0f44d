import Markdown

/// One comparable piece of a policy, in document order: a heading, a clause, a paragraph, a list
/// item, a table row or a form. Versions and sibling policies are compared unit by unit.
struct TextUnit: Sendable {
    enum Kind: String, Sendable {
        case heading, text, tableRow = "table-row", form, include
    }

    var kind: Kind
    /// The unit's own anchor (a heading, clause, step or form), if it has one.
    var anchor: Anchor?
    /// The anchor the unit sits under (its own, or the nearest before it); nil before the first.
    var placeID: String?
    /// How people name it: "Clause 5.11", "Section 5, item 3", "Opening text, paragraph 1".
    var label: String
    /// The text as written, without a leading section or clause number.
    var text: String

    /// The unit's own id when it is numbered ("clause-5.11", "section-8", "appendix-2"): units with
    /// the same number are the same clause, whatever their words.
    var numberKey: String? {
        guard let anchor, [.clause, .step, .section, .appendix].contains(anchor.kind) else { return nil }
        return anchor.id
    }
}

extension Policy {
    /// Every unit of the body, in document order.
    var textUnits: [TextUnit] {
        var walker = TextUnitWalker(outline: outline, forms: forms)
        walker.walk(document.blocks, under: BlockPath([]), inItem: false)
        return walker.units
    }

    /// The text of each anchor's first unit (the text of `textUnits` that have an anchor), by
    /// anchor id: units without an anchor are passed over unread.
    var anchoredTexts: [String: String] {
        var walker = TextUnitWalker(outline: outline, forms: forms, anchoredOnly: true)
        walker.walk(document.blocks, under: BlockPath([]), inItem: false)
        var texts: [String: String] = [:]
        texts.reserveCapacity(walker.units.count)
        for unit in walker.units { if let anchor = unit.anchor, texts[anchor.id] == nil { texts[anchor.id] = unit.text } }
        return texts
    }
}

/// Walks a body the way the renderer does (same block paths), naming each unit after its place.
private struct TextUnitWalker {
    let outline: Outline
    let forms: [Form]
    /// Only units with an anchor of their own are made, without labels.
    let anchoredOnly: Bool
    var units: [TextUnit] = []
    private var place: Anchor? = nil
    private var paragraphs = 0
    private var items = 0
    private var rows = 0

    init(outline: Outline, forms: [Form], anchoredOnly: Bool = false) {
        self.outline = outline
        self.forms = forms
        self.anchoredOnly = anchoredOnly
    }

    private var placeLabel: String { place?.label ?? "Opening text" }

    private mutating func enter(_ anchor: Anchor) {
        // Only labels and places read it, and anchored units alone have neither.
        guard !anchoredOnly else { return }
        place = anchor
        paragraphs = 0; items = 0; rows = 0
    }

    mutating func walk(_ blocks: [Block], under parent: BlockPath, inItem: Bool) {
        for (i, block) in blocks.enumerated() {
            let path = parent.appending(i)
            // Only headings, paragraphs and code blocks have anchors: other blocks skip the look-up.
            switch block {
            case .heading(let h):
                let anchor = outline.anchor(at: path)
                if anchoredOnly && anchor == nil { continue }
                let text = h.content.plainText
                if let anchor { enter(anchor) }
                units.append(TextUnit(kind: .heading, anchor: anchor, placeID: anchor?.id ?? place?.id,
                                      label: anchoredOnly ? "" : anchor.map(Self.headingLabel) ?? "Heading",
                                      text: Self.withoutNumber(text, anchor: anchor)))
            case .paragraph(let p):
                if let anchor = outline.anchor(at: path), anchor.kind == .clause || anchor.kind == .step {
                    enter(anchor)
                    units.append(TextUnit(kind: .text, anchor: anchor, placeID: anchor.id, label: anchoredOnly ? "" : anchor.label,
                                          text: Self.withoutNumber(p.content.plainText, anchor: anchor)))
                    continue
                }
                guard !anchoredOnly else { continue }
                let text = p.content.plainText
                if inItem {
                    items += 1
                    units.append(TextUnit(kind: .text, anchor: nil, placeID: place?.id, label: "\(placeLabel), item \(items)", text: text))
                } else {
                    paragraphs += 1
                    units.append(TextUnit(kind: .text, anchor: nil, placeID: place?.id, label: "\(placeLabel), paragraph \(paragraphs)", text: text))
                }
            case .list(let list):
                for (j, item) in list.items.enumerated() {
                    walk(item.blocks, under: path.appending(j), inItem: true)
                }
            case .blockQuote(let q):
                walk(q.blocks, under: path, inItem: inItem)
            case .codeBlock(let c):
                if let anchor = outline.anchor(at: path), anchor.kind == .form {
                    units.append(TextUnit(kind: .form, anchor: anchor, placeID: anchor.id, label: "Form: \(anchor.title)", text: c.literal))
                } else if anchoredOnly {
                    continue
                } else if Include.looksLikeInclude(c.info) {
                    // Shared data (service providers, contacts) is the same data on both sides.
                    let name = Include.name(ofInfo: c.info)
                    units.append(TextUnit(kind: .include, anchor: nil, placeID: place?.id, label: "\(placeLabel), included \(name)", text: name))
                } else {
                    paragraphs += 1
                    units.append(TextUnit(kind: .text, anchor: nil, placeID: place?.id, label: "\(placeLabel), paragraph \(paragraphs)", text: c.literal))
                }
            case .table(let t):
                guard !anchoredOnly else { continue }
                for row in [t.header] + t.rows {
                    rows += 1
                    let text = row.map(\.plainText).joined(separator: " | ")
                    units.append(TextUnit(kind: .tableRow, anchor: nil, placeID: place?.id, label: "\(placeLabel), table row \(rows)", text: text))
                }
            case .html, .thematicBreak:
                break
            }
        }
    }

    /// "Section 8 heading", "Appendix 4 heading", or the heading's own words.
    private static func headingLabel(_ anchor: Anchor) -> String {
        switch anchor.kind {
        case .section, .appendix, .clause, .step: "\(anchor.label) heading"
        case .heading, .form: "Heading “\(anchor.title)”"
        }
    }

    /// "5.11 Special consideration…" → "Special consideration…"; "8. Communications" → "Communications".
    static func withoutNumber(_ text: String, anchor: Anchor?) -> String {
        guard let anchor, [.section, .clause, .step].contains(anchor.kind),
              let match = NumberingPattern.match(Substring(text), isHeading: anchor.isHeading) else { return text }
        switch match {
        case .clause(_, let rest), .section(_, let rest), .step(_, let rest): return String(rest)
        case .appendix: return text
        }
    }
}
