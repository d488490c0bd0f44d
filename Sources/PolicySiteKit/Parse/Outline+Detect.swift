import Markdown

/// The shapes a block's opening words can take, as policies write them.
enum NumberingPattern: Equatable {
    /// "5. Personal use", "12 The law", "Section 4: Appendices".
    case section(String, rest: Substring)
    /// "5.12 Staff…", "9.9. Dealing with…", "9.9.3 Responding…".
    case clause(String, rest: Substring)
    /// "a) Keep calm", "(b) Gather Evidence".
    case step(String, rest: Substring)
    /// "Appendix 2", "APPENDIX B – Relevant legislation".
    case appendix(String, rest: Substring)

    /// Reads the pattern at the start of `text`; `isHeading` allows the section form. Each form
    /// can only start with certain bytes, so the usual paragraph ("The school will…") is turned
    /// away by its first one or two.
    static func match(_ text: Substring, isHeading: Bool) -> NumberingPattern? {
        let t = text.drop { $0 == " " }
        guard let lead = t.utf8.first else { return nil }
        let letter = lead | 0x20
        if letter == UInt8(ascii: "a"), startsCaseless(t, "appendix"), let m = appendix(t) { return m }
        if lead >= UInt8(ascii: "0") && lead <= UInt8(ascii: "9"), let m = clauseOrSection(t, isHeading: isHeading) { return m }
        if lead == UInt8(ascii: "(") || (lead >= UInt8(ascii: "a") && lead <= UInt8(ascii: "z")), let m = step(t) { return m }
        if isHeading, letter == UInt8(ascii: "s"), startsCaseless(t, "section "), let m = sectionWord(t) { return m }
        return nil
    }

    /// True when the bytes of `t` start with `prefix` (lower-case ASCII), ignoring case: what the
    /// first characters lower-cased must be for `appendix` and `sectionWord` to match.
    private static func startsCaseless(_ t: Substring, _ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { p in
            var i = t.utf8.startIndex
            for expected in p {
                guard i < t.utf8.endIndex else { return false }
                let b = t.utf8[i]
                guard b == expected || (b >= 0x41 && b <= 0x5A && b | 0x20 == expected) else { return false }
                i = t.utf8.index(after: i)
            }
            return true
        }
    }

    private static func appendix(_ t: Substring) -> NumberingPattern? {
        // At least ten characters, without counting the whole paragraph.
        guard t.index(t.startIndex, offsetBy: 10, limitedBy: t.endIndex) != nil, t.prefix(8).lowercased() == "appendix" else { return nil }
        var rest = t.dropFirst(8)
        guard rest.first == " " else { return nil }
        rest = rest.drop { $0 == " " }
        let token = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard !token.isEmpty else { return nil }
        let isNumber = token.allSatisfy(\.isNumber) && token.count <= 3
        let isLetter = token.count == 1 && token.first!.isLetter
        guard isNumber || isLetter else { return nil }
        return .appendix(token.lowercased(), rest: rest.dropFirst(token.count))
    }

    private static func clauseOrSection(_ t: Substring, isHeading: Bool) -> NumberingPattern? {
        if let read = clauseOrSectionFromBytes(t, isHeading: isHeading) { return read }
        var parts: [Substring] = []
        var i = t.startIndex
        var sawTrailingDot = false
        while i < t.endIndex {
            let start = i
            while i < t.endIndex, t[i].isASCII, t[i].isNumber { i = t.index(after: i) }
            let digits = t[start..<i]
            guard !digits.isEmpty, digits.count <= 3 else { return nil }
            parts.append(digits)
            if i < t.endIndex, t[i] == "." {
                let next = t.index(after: i)
                if next < t.endIndex, t[next].isASCII, t[next].isNumber {
                    i = next
                    continue
                }
                sawTrailingDot = true
                i = next
            }
            break
        }
        guard !parts.isEmpty else { return nil }
        // The number must be followed by a space or end the text ("5.12 Staff", "9.9.").
        guard i == t.endIndex || t[i] == " " || t[i] == "\t" else { return nil }
        let rest = t[i...].drop { $0 == " " || $0 == "\t" }
        let number = parts.joined(separator: ".")
        if parts.count >= 2 { return .clause(number, rest: rest) }
        guard isHeading, sawTrailingDot || !rest.isEmpty, !rest.isEmpty || sawTrailingDot else { return nil }
        return .section(number, rest: rest)
    }

    /// What the bytes of a numbered text say: no number, the number's shape, or nothing sure
    /// (a byte after one read is not ASCII, so that it may not be a character on its own).
    private enum NumberBytes {
        case undecided, none
        case number(end: Int, numberEnd: Int, parts: Int, sawTrailingDot: Bool)
    }

    /// `clauseOrSection` read from the bytes; nil when only the characters can tell.
    private static func clauseOrSectionFromBytes(_ t: Substring, isHeading: Bool) -> NumberingPattern?? {
        let read = t.utf8.withContiguousStorageIfAvailable { b -> NumberBytes in
            let n = b.count
            // The byte at `k` is a character of its own: the next one is ASCII.
            func alone(_ k: Int) -> Bool { k + 1 >= n || b[k + 1] < 0x80 }
            func isDigit(_ k: Int) -> Bool { b[k] >= 0x30 && b[k] <= 0x39 }
            var i = 0
            var parts = 0
            var numberEnd = 0
            var sawTrailingDot = false
            while i < n {
                let start = i
                while i < n, isDigit(i) {
                    guard alone(i) else { return .undecided }
                    i += 1
                }
                guard i > start, i - start <= 3 else { return .none }
                parts += 1
                numberEnd = i
                if i < n, b[i] == 0x2E {
                    guard alone(i) else { return .undecided }
                    if i + 1 < n, isDigit(i + 1) {
                        i += 1
                        continue
                    }
                    sawTrailingDot = true
                    i += 1
                }
                break
            }
            guard parts > 0 else { return .none }
            if i < n {
                guard b[i] == 0x20 || b[i] == 0x09 else { return .none }
                guard alone(i) else { return .undecided }
            }
            return .number(end: i, numberEnd: numberEnd, parts: parts, sawTrailingDot: sawTrailingDot)
        }
        switch read ?? .undecided {
        case .undecided:
            return nil
        case .none:
            return .some(nil)
        case .number(let end, let numberEnd, let parts, let sawTrailingDot):
            let rest = t[t.utf8.index(t.startIndex, offsetBy: end)...].drop { $0 == " " || $0 == "\t" }
            let number = String(t[..<t.utf8.index(t.startIndex, offsetBy: numberEnd)])
            if parts >= 2 { return .clause(number, rest: rest) }
            guard isHeading, sawTrailingDot || !rest.isEmpty, !rest.isEmpty || sawTrailingDot else { return .some(nil) }
            return .section(number, rest: rest)
        }
    }

    private static func step(_ t: Substring) -> NumberingPattern? {
        var s = t
        let opened = s.first == "("
        if opened { s = s.dropFirst() }
        guard let letter = s.first, letter.isASCII, letter.isLowercase, letter.isLetter else { return nil }
        s = s.dropFirst()
        guard s.first == ")" else { return nil }
        s = s.dropFirst()
        guard s.first == " " || s.isEmpty else { return nil }
        return .step(String(letter), rest: s.drop { $0 == " " })
    }

    private static func sectionWord(_ t: Substring) -> NumberingPattern? {
        guard t.prefix(8).lowercased() == "section " else { return nil }
        let rest = t.dropFirst(8)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        return .section(String(digits), rest: rest.dropFirst(digits.count).drop { $0 == ":" || $0 == " " })
    }
}

/// Finds every section, clause, lettered step, appendix and heading in a policy body and gives
/// each a stable id. Pure: the same document always gives the same outline.
struct OutlineDetector {
    let path: String
    let lineOffset: Int
    private(set) var anchors: [Anchor] = []
    private(set) var byBlock: [BlockPath: Int] = [:]
    private(set) var diagnostics: [Diagnostic] = []
    private var usedIDs: Set<String> = OutlineDetector.reservedIDs
    /// Index in `anchors` of the anchor that first took each id, for duplicate warnings.
    private var firstAnchorByID: [String: Int] = [:]
    /// The next `-n` suffix to try for an id that is taken, so n numbers are found in linear time.
    private var nextSuffix: [String: Int] = [:]
    private var stepParent: String? = nil
    private var lastLevel = 1

    /// Ids the page templates use themselves.
    static let reservedIDs: Set<String> = ["main-content", "site-nav", "toc", "policy-status", "top", "search", "forms", "site-footer", "superseded", "what-changed", "what-changed-title"]

    /// A detector whose working tables of ids have room for about `capacity` anchors (a body's
    /// top-level block count: most blocks of a policy are numbered clauses), so they are not grown
    /// again and again. The anchors and their index by block, which the outline keeps, grow as
    /// they fill: room reserved there would stay with every policy of the site.
    init(path: String, lineOffset: Int, capacity: Int = 0) {
        self.path = path
        self.lineOffset = lineOffset
        usedIDs.reserveCapacity(Self.reservedIDs.count + capacity)
        firstAnchorByID.reserveCapacity(capacity)
    }

    func location(_ p: SourcePosition) -> SourceLocation {
        SourceLocation(path: path, line: p.line + lineOffset, column: p.column)
    }

    mutating func detect(_ blocks: [Block], under parent: BlockPath = BlockPath([])) {
        for (i, block) in blocks.enumerated() {
            let blockPath = parent.appending(i)
            switch block {
            case .heading(let h):
                heading(h, at: blockPath)
            case .paragraph(let p):
                paragraph(p, at: blockPath)
            case .list(let list):
                for (j, item) in list.items.enumerated() {
                    detect(item.blocks, under: blockPath.appending(j))
                }
            case .blockQuote(let quote):
                detect(quote.blocks, under: blockPath)
            case .codeBlock(let c):
                if let form = FormHeader(info: c.info) {
                    let level = min(lastLevel + 1, 6)
                    add(Anchor(kind: .form, id: "form-\(form.slug.rawValue)", number: "", title: form.title, isHeading: true,
                               level: level, location: location(c.position)), at: blockPath)
                }
            default:
                break
            }
        }
    }

    private mutating func heading(_ h: Heading, at blockPath: BlockPath) {
        let text = h.content.plainText
        let level = min(max(2, h.level), lastLevel + 1, 6)
        lastLevel = level
        let loc = location(h.position)
        var pattern = NumberingPattern.match(Substring(text), isHeading: true)
        if case .step = pattern, stepParent == nil { pattern = nil }
        let anchor: Anchor
        switch pattern {
        case .appendix(let n, _):
            anchor = Anchor(kind: .appendix, id: "appendix-\(n)", number: n, title: text, isHeading: true, level: level, location: loc)
        case .clause(let n, _):
            anchor = Anchor(kind: .clause, id: "clause-\(n)", number: n, title: text, isHeading: true, level: level, location: loc)
        case .section(let n, _):
            anchor = Anchor(kind: .section, id: "section-\(n)", number: n, title: text, isHeading: true, level: level, location: loc)
        case .step(let letter, _):
            let parentID = stepParent ?? ""
            add(Anchor(kind: .step, id: "\(parentID)-\(letter)", number: stepNumber(parentID, letter), title: text, isHeading: true, level: level, location: loc), at: blockPath)
            return
        case nil:
            let base = Slug(deriving: text)?.rawValue ?? "heading"
            add(Anchor(kind: .heading, id: base, number: "", title: text, isHeading: true, level: level, location: loc), at: blockPath, warnDuplicate: false)
            stepParent = anchors.last?.id
            return
        }
        add(anchor, at: blockPath, warnDuplicate: true)
        stepParent = anchors.last?.id
    }

    private mutating func paragraph(_ p: Paragraph, at blockPath: BlockPath) {
        let text = p.content.plainText
        switch NumberingPattern.match(Substring(text), isHeading: false) {
        case .clause(let n, let rest):
            add(Anchor(kind: .clause, id: "clause-\(n)", number: n, title: OutlineDetector.firstSentence(rest), isHeading: false, level: 0, location: location(p.position)), at: blockPath, warnDuplicate: true)
            stepParent = anchors.last?.id
        case .step(let letter, let rest):
            guard let parentID = stepParent else { return }
            add(Anchor(kind: .step, id: "\(parentID)-\(letter)", number: stepNumber(parentID, letter), title: OutlineDetector.firstSentence(rest), isHeading: false, level: 0, location: location(p.position)), at: blockPath, warnDuplicate: true)
        default:
            break
        }
    }

    /// "9.9.3a" style number for a step under a clause; the letter alone otherwise.
    private func stepNumber(_ parentID: String, _ letter: String) -> String {
        if parentID.hasPrefix("clause-") { return String(parentID.dropFirst(7)) + letter }
        return letter
    }

    private mutating func add(_ anchor: Anchor, at blockPath: BlockPath, warnDuplicate: Bool = true) {
        var a = anchor
        a.id = unique(anchor.id, location: anchor.location, warnDuplicate: warnDuplicate, label: anchor.label)
        if firstAnchorByID[a.id] == nil { firstAnchorByID[a.id] = anchors.count }
        byBlock[blockPath] = anchors.count
        anchors.append(a)
    }

    private mutating func unique(_ id: String, location: SourceLocation, warnDuplicate: Bool, label: String? = nil) -> String {
        if usedIDs.insert(id).inserted { return id }
        if warnDuplicate, let first = firstAnchorByID[id] {
            diagnostics.append(.warning("\(label ?? id) appears twice in this policy (first at line \(anchors[first].location.line)); this one gets a different link", at: location))
        }
        var n = nextSuffix[id] ?? 2
        while !usedIDs.insert("\(id)-\(n)").inserted { n += 1 }
        nextSuffix[id] = n + 1
        return "\(id)-\(n)"
    }

    /// The first sentence of a clause, for indexes: up to the first full stop, at most 120 characters.
    static func firstSentence(_ text: Substring) -> String {
        let sentence = text[..<(sentenceEndFromBytes(text) ?? sentenceEnd(text))]
        if sentence.utf8.count <= 120 { return String(sentence) }  // never more characters than bytes
        let cut: Substring
        if sentence.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            // One byte a character ("\r\n" is one character of two).
            cut = sentence[..<sentence.utf8.index(sentence.startIndex, offsetBy: 117)]
        } else {
            if sentence.count <= 120 { return String(sentence) }
            cut = sentence.prefix(117)
        }
        let lastSpace = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<lastSpace]) + "…"
    }

    /// Where the first sentence ends: after the first ".", "!", "?", ":" or ";" that ends the text
    /// or is followed by a space.
    private static func sentenceEnd(_ text: Substring) -> Substring.Index {
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if (c == "." || c == "!" || c == "?" || c == ":" || c == ";"), next == text.endIndex || text[next] == " " { return next }
            i = next
        }
        return text.endIndex
    }

    /// `sentenceEnd` read from the bytes; nil when a byte next to the stop or the space after it
    /// is not ASCII, where only the characters tell whether the stop stands on its own.
    private static func sentenceEndFromBytes(_ text: Substring) -> Substring.Index? {
        let utf8 = text.utf8
        let offset: Int?? = utf8.withContiguousStorageIfAvailable { b in
            let n = b.count
            for k in 0..<n {
                let c = b[k]
                guard c == 0x2E || c == 0x21 || c == 0x3F || c == 0x3A || c == 0x3B, k + 1 == n || b[k + 1] == 0x20 else { continue }
                guard k == 0 || b[k - 1] < 0x80, k + 2 >= n || b[k + 2] < 0x80 else { return nil }
                return k + 1
            }
            return n
        }
        guard let offset = offset ?? nil else { return nil }
        return utf8.index(utf8.startIndex, offsetBy: offset)
    }

    var outline: Outline { Outline(anchors: anchors, byBlock: byBlock) }
}
