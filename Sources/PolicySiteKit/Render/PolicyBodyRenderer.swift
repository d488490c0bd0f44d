import Foundation
import Markdown

/// Renders a policy's Markdown body to HTML: ids and permalinks on every anchor, safe links only,
/// raw HTML dropped, forms laid out for signing, and running text passed through the linkers.
struct PolicyBodyRenderer {
    let policy: Policy
    let linkers: [any TextLinker]
    /// How a form inside the policy links to its own printable page ("forms/<slug>/index.html"), if any.
    let formPageHref: (Form) -> String?
    /// What ```include blocks show.
    let includes: Includes
    private(set) var diagnostics: [Diagnostic] = []
    /// Internal links this body emits, with where they came from, for the link checker.
    private(set) var emittedLinks: [(href: String, location: SourceLocation)] = []
    private(set) var out = ""
    private var currentAnchorID: String? = nil
    /// The policy's forms by where their fence is; filled by `render()`.
    private var formsByLocation: [SourceLocation: Form] = [:]
    /// What the linkers are told about each run of text.
    private var linkContext: TextContext

    init(policy: Policy, linkers: [any TextLinker] = [], formPageHref: @escaping (Form) -> String? = { _ in nil }, includes: Includes = Includes()) {
        self.policy = policy
        self.linkers = linkers
        self.formPageHref = formPageHref
        self.includes = includes
        self.lineOffset = policy.bodyLineOffset
        self.linkContext = TextContext(policy: policy, anchorID: nil, location: SourceLocation(path: policy.path, line: 0, column: 0))
    }

    /// Added to a position's line to give the file's line: the body's offset, or for a form's
    /// text (parsed on its own) the line of its fence.
    private var lineOffset: Int

    func location(_ p: SourcePosition) -> SourceLocation {
        SourceLocation(path: policy.path, line: p.line + lineOffset, column: p.column)
    }

    /// The body's HTML.
    mutating func render() -> String {
        out.reserveCapacity(policy.document.blocks.count * 400)
        formsByLocation = Dictionary(policy.forms.map { ($0.location, $0) }, uniquingKeysWith: { first, _ in first })
        blocks(policy.document.blocks, under: BlockPath([]), tight: false)
        return out
    }

    private mutating func blocks(_ list: [Block], under parent: BlockPath, tight: Bool) {
        for (i, block) in list.enumerated() {
            self.block(block, path: parent.appending(i), tight: tight)
        }
    }

    private mutating func block(_ block: Block, path: BlockPath, tight: Bool) {
        // Only headings, paragraphs and code blocks have anchors: other blocks skip the look-up.
        switch block {
        case .heading(let h):
            guard let a = policy.outline.anchor(at: path) else {
                // Every heading the detector reaches has an anchor; this is only a safe fallback.
                out += "<p><strong>"
                inlines(h.content, at: h.position, linking: false)
                out += "</strong></p>\n"
                return
            }
            currentAnchorID = a.id
            let level = String(a.level)
            out += "<h"; out += level; out += " id=\""; out += a.id
            out += "\" class=\"anchor "; out += a.kind.rawValue; out += "\">"
            inlines(h.content, at: h.position, linking: false)
            out += "<a class=\"permalink\" href=\"#"; out += a.id
            out += "\"><span class=\"visually-hidden\">Link to "; out += HTML.escape(a.kind == .heading ? "this section" : a.label)
            out += "</span><span aria-hidden=\"true\">#</span></a></h"; out += level; out += ">\n"
        case .paragraph(let p):
            if let a = policy.outline.anchor(at: path), a.kind == .clause || a.kind == .step {
                currentAnchorID = a.id
                let (number, rest) = Self.splitNumber(p.content, anchor: a)
                out += "<p id=\""; out += a.id; out += "\" class=\"clause\"><a class=\"clause-number\" href=\"#"; out += a.id
                out += "\" title=\"Link to "; out += HTML.escape(a.label); out += "\">"; out += HTML.escape(number); out += "</a> "
                inlines(rest, at: p.position, linking: true)
                out += "</p>\n"
            } else if tight {
                inlines(p.content, at: p.position, linking: true)
                out += "\n"
            } else {
                out += "<p>"
                inlines(p.content, at: p.position, linking: true)
                out += "</p>\n"
            }
        case .list(let list):
            if list.isOrdered {
                out += list.start == 1 ? "<ol>\n" : "<ol start=\"\(list.start)\">\n"
            } else {
                out += "<ul>\n"
            }
            for (j, item) in list.items.enumerated() {
                out += "<li>"
                blocks(item.blocks, under: path.appending(j), tight: list.isTight)
                out += "</li>\n"
            }
            out += list.isOrdered ? "</ol>\n" : "</ul>\n"
        case .blockQuote(let q):
            out += "<blockquote>\n"
            blocks(q.blocks, under: path, tight: false)
            out += "</blockquote>\n"
        case .codeBlock(let c):
            if FormHeader.looksLikeForm(c.info), let a = policy.outline.anchor(at: path), let form = formsByLocation[a.location] {
                currentAnchorID = a.id
                formBlock(form, anchor: a)
            } else if Include.looksLikeInclude(c.info) {
                out += includes.html(for: c, in: policy)
            } else {
                out += "<pre><code>\(HTML.escape(c.literal))</code></pre>\n"
            }
        case .html(let h):
            if !HTML.isComment(h.literal) {
                diagnostics.append(.warning("raw HTML is not published (it could carry scripts or break the page); write it as Markdown", at: location(h.position)))
            }
        case .thematicBreak:
            out += "<hr>\n"
        case .table(let t):
            table(t)
        }
    }

    /// Splits "5.12 Staff should…" into the number as written and the inlines after it.
    static func splitNumber(_ content: [Inline], anchor: Anchor) -> (String, [Inline]) {
        // Nearly always the number and the words after it start the first text: read that alone.
        // Its characters before its last are the plain text's, so a match whose rest starts
        // inside it is the match the whole plain text gives.
        if case .text(let first)? = content.first,
           let match = NumberingPattern.match(Substring(first), isHeading: false) {
            let rest: Substring
            switch match {
            case .clause(_, let r), .step(_, let r), .section(_, let r), .appendix(_, let r): rest = r
            }
            if rest.startIndex < first.endIndex {
                var after = [Inline.text(String(rest))]
                after.reserveCapacity(content.count)
                after.append(contentsOf: content.dropFirst())
                return (number(first[..<rest.startIndex]), after)
            }
        }
        let text = content.plainText
        guard let match = NumberingPattern.match(Substring(text), isHeading: false) else { return (anchor.number, content) }
        let rest: Substring
        switch match {
        case .clause(_, let r), .step(_, let r), .section(_, let r), .appendix(_, let r): rest = r
        }
        // `rest` is a slice of `text`: count only the characters before it.
        let prefix = text[..<rest.startIndex]
        return (number(prefix), Self.dropCharacters(prefix.count, from: content))
    }

    /// The number as written: the text before a clause's words, without the spaces around it.
    private static func number(_ prefix: Substring) -> String {
        // The number is ASCII nearly always: trimmed by byte then, as Foundation would trim it.
        let bytes = prefix.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return prefix.trimmingCharacters(in: .whitespaces) }
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while end > start, bytes[bytes.index(before: end)] == 0x20 || bytes[bytes.index(before: end)] == 0x09 { end = bytes.index(before: end) }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Removes the first `count` characters of plain text from an inline sequence.
    static func dropCharacters(_ count: Int, from content: [Inline]) -> [Inline] {
        var remaining = count
        var result: [Inline] = []
        for inline in content {
            guard remaining > 0 else { result.append(inline); continue }
            switch inline {
            case .text(let s):
                // Steps over `remaining` characters rather than counting all of a long text.
                if let cut = s.index(s.startIndex, offsetBy: remaining, limitedBy: s.endIndex), cut < s.endIndex {
                    result.append(.text(String(s[cut...])))
                    remaining = 0
                } else {
                    remaining -= s.count
                }
            case .softBreak, .lineBreak:
                remaining -= 1
            case .strong(let kids):
                let n = kids.plainText.count
                if n <= remaining { remaining -= n } else {
                    result.append(.strong(dropCharacters(remaining, from: kids)))
                    remaining = 0
                }
            case .emphasis(let kids):
                let n = kids.plainText.count
                if n <= remaining { remaining -= n } else {
                    result.append(.emphasis(dropCharacters(remaining, from: kids)))
                    remaining = 0
                }
            default:
                result.append(inline)
                remaining = 0
            }
        }
        return result
    }

    private mutating func table(_ t: Table) {
        let label = t.header.map(\.plainText).filter { !$0.isEmpty }.joined(separator: ", ")
        out += "<div class=\"table-scroll\" role=\"region\" aria-label=\"Table: \(HTML.escape(label))\" tabindex=\"0\"><table>\n<thead><tr>"
        for (i, cell) in t.header.enumerated() {
            out += "<th scope=\"col\""; out += align(t, i); out += ">"
            inlines(cell, at: t.position, linking: true)
            out += "</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in t.rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                out += "<td"; out += align(t, i); out += ">"
                inlines(cell, at: t.position, linking: true)
                out += "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table></div>\n"
    }

    private func align(_ t: Table, _ i: Int) -> String {
        guard i < t.alignments.count else { return "" }
        switch t.alignments[i] {
        case .none: return ""
        case .left: return " class=\"align-left\""
        case .center: return " class=\"align-center\""
        case .right: return " class=\"align-right\""
        }
    }

    private mutating func formBlock(_ form: Form, anchor a: Anchor) {
        out += "<section class=\"form\" id=\"\(a.id)\" aria-labelledby=\"\(a.id)-title\">\n"
        out += "<h\(a.level) id=\"\(a.id)-title\">\(HTML.escape(form.title))<a class=\"permalink\" href=\"#\(a.id)\"><span class=\"visually-hidden\">Link to \(HTML.escape(form.title))</span><span aria-hidden=\"true\">#</span></a></h\(a.level)>\n"
        formParts(form)
        // After the form's text, so the adopted wording reads on without interruption.
        if let href = formPageHref(form) {
            out += "<p class=\"form-print\"><a href=\"\(href)\">Print this form on one A4 page</a></p>\n"
            emittedLinks.append((href, form.location))
        }
        out += "</section>\n"
    }

    /// The form's text and its fields, each field a label over a line to write on.
    mutating func formParts(_ form: Form) {
        for part in form.parts {
            switch part {
            case .text(let b):
                let saved = lineOffset
                lineOffset = form.location.line
                plainBlock(b)
                lineOffset = saved
            case .field(let f):
                out += "<div class=\"field\"><span class=\"field-label\">\(HTML.escape(f.label))</span><span class=\"field-line\"></span></div>\n"
            }
        }
    }

    /// A block with no anchor lookup (for form text, which lives outside the policy's block tree).
    mutating func plainBlock(_ b: Block) {
        switch b {
        case .heading(let h):
            out += "<p class=\"form-heading\"><strong>"
            inlines(h.content, at: h.position, linking: false)
            out += "</strong></p>\n"
        case .list(let list):
            out += list.isOrdered ? "<ol>\n" : "<ul>\n"
            for item in list.items {
                out += "<li>"
                for inner in item.blocks { if case .paragraph(let p) = inner { inlines(p.content, at: p.position, linking: false) } else { plainBlock(inner) } }
                out += "</li>\n"
            }
            out += list.isOrdered ? "</ol>\n" : "</ul>\n"
        case .paragraph(let p):
            out += "<p>"
            inlines(p.content, at: p.position, linking: false)
            out += "</p>\n"
        case .table(let t):
            table(t)
        default:
            break
        }
    }

    /// Adjacent text and soft breaks merged into one text run, so phrases across a line wrap are
    /// seen whole by the linkers.
    static func coalesced(_ content: [Inline]) -> CoalescedInlines {
        CoalescedInlines(content: content)
    }

    /// The inlines of a run as `coalesced` gives them, made one at a time (no array for the run).
    struct CoalescedInlines: Sequence, IteratorProtocol {
        let content: [Inline]
        private var index = 0

        init(content: [Inline]) {
            self.content = content
        }

        mutating func next() -> Inline? {
            guard index < content.count else { return nil }
            let inline = content[index]
            index += 1
            var merged: String
            switch inline {
            case .text(let s): merged = s
            case .softBreak: merged = " "
            default: return inline
            }
            var joined = false
            while index < content.count {
                switch content[index] {
                case .text(let s):
                    if !joined { merged.reserveCapacity(merged.utf8.count + s.utf8.count + 64) }
                    merged += s
                case .softBreak:
                    merged += " "
                default:
                    return .text(merged)
                }
                joined = true
                index += 1
            }
            return .text(merged)
        }
    }

    private mutating func inlines(_ content: [Inline], at position: SourcePosition, linking: Bool) {
        for inline in Self.coalesced(content) {
            self.inline(inline, at: position, linking: linking)
        }
    }

    private mutating func inline(_ inline: Inline, at position: SourcePosition, linking: Bool) {
        switch inline {
        case .text(let s):
            text(s, at: position, linking: linking)
        case .softBreak:
            out += "\n"
        case .lineBreak:
            out += "<br>\n"
        case .code(let s):
            out += "<code>"; out += HTML.escape(s); out += "</code>"
        case .emphasis(let kids):
            out += "<em>"; inlines(kids, at: position, linking: linking); out += "</em>"
        case .strong(let kids):
            out += "<strong>"; inlines(kids, at: position, linking: linking); out += "</strong>"
        case .strikethrough(let kids):
            out += "<del>"; inlines(kids, at: position, linking: linking); out += "</del>"
        case .link(let link):
            guard HTML.isSafeLink(link.destination) else {
                diagnostics.append(.warning("link to '\(String(link.destination.prefix(40)))' dropped: only http, https, mailto and tel links are published", at: location(position)))
                inlines(link.children, at: position, linking: false)
                return
            }
            var destination = link.destination
            if HTML.scheme(of: destination) == "tel" {
                guard let e164 = PhoneText.e164(String(destination.drop { $0 != ":" }.dropFirst())) else {
                    diagnostics.append(.warning("tel: link '\(String(destination.prefix(40)))' is not a valid telephone number; it is shown as text (write it as tel:+44… or tel:020 …)", at: location(position)))
                    inlines(link.children, at: position, linking: false)
                    return
                }
                destination = "tel:" + e164
            }
            if !HTML.isExternal(destination) { emittedLinks.append((destination, location(position))) }
            let title = link.title.isEmpty ? "" : " title=\"\(HTML.escape(link.title))\""
            out += "<a href=\"\(HTML.escape(destination))\"\(title)>"
            inlines(link.children, at: position, linking: false)
            out += "</a>"
        case .image(let image):
            let alt = image.alt.plainText
            if alt.isEmpty {
                diagnostics.append(.warning("image '\(String(image.source.prefix(40)))' has no alt text: describe it in ![…](…) so screen-reader users get it", at: location(position)))
            }
            guard HTML.isSafeLink(image.source), !HTML.isExternal(image.source) else {
                if HTML.isSafeLink(image.source) {
                    diagnostics.append(.warning("image '\(String(image.source.prefix(40)))' is not on this site; it is shown as a link, because pages make no external requests", at: location(position)))
                    out += "<a href=\"\(HTML.escape(image.source))\">\(HTML.escape(alt.isEmpty ? image.source : alt))</a>"
                } else {
                    diagnostics.append(.warning("image '\(String(image.source.prefix(40)))' dropped: only images on this site are shown; its description is shown instead", at: location(position)))
                    out += HTML.escape(alt)
                }
                return
            }
            out += "<img src=\"\(HTML.escape(image.source))\" alt=\"\(HTML.escape(alt))\">"
        case .html(let literal):
            if !HTML.isComment(literal) {
                diagnostics.append(.warning("raw HTML is not published (it could carry scripts or break the page); write it as Markdown", at: location(position)))
            }
        }
    }

    private mutating func text(_ s: String, at position: SourcePosition, linking: Bool) {
        guard linking, !linkers.isEmpty else {
            out += HTML.escape(s)
            return
        }
        // One context for the whole body, its anchor and place set for each run: making one per
        // run would copy the policy each time.
        linkContext.anchorID = currentAnchorID
        linkContext.location = location(position)
        var segments = linkers[0].segments(for: s, in: linkContext)
        for linker in linkers.dropFirst() {
            var next: [TextSegment] = []
            for segment in segments {
                if case .text(let t) = segment {
                    next += linker.segments(for: t, in: linkContext)
                } else {
                    next.append(segment)
                }
            }
            segments = next
        }
        for segment in segments {
            switch segment {
            case .text(let t):
                out += HTML.escape(t)
            case .link(let href, let t, let title, let cssClass):
                emittedLinks.append((href, linkContext.location))
                out += "<a class=\""
                out += cssClass
                out += "\" href=\""
                out += HTML.escape(href)
                if let title {
                    out += "\" title=\""
                    out += HTML.escape(title)
                }
                out += "\">"
                out += HTML.escape(t)
                out += "</a>"
            }
        }
    }
}
