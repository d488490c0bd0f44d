import Foundation

/// Reads a built page's tags for anything that could run script, make a request to another site,
/// or that the page's Content-Security-Policy would block. The build runs it on every page, so a
/// template or generator bug fails the build instead of publishing; the fuzz target runs it on
/// every page it makes. Expects what the generator writes (a tag scanner, not a full HTML parser).
public enum OutputSafety {
    // The sets below are switches: every tag and attribute of every page is looked up in them,
    // and comparing a short string is cheaper than hashing it.

    /// Elements that embed other documents or rewrite the page's base; none belongs on a page.
    static func isForbidden(element name: String) -> Bool {
        switch name {
        case "iframe", "frame", "frameset", "object", "embed", "applet", "base", "style", "portal": return true
        default: return false
        }
    }

    /// Attributes that make the browser fetch a URL, by element (nil when the element fetches nothing).
    static func fetchAttributes(of element: String) -> Set<String>? {
        switch element {
        case "script", "audio", "track", "input": return ["src"]
        case "img", "source": return ["src", "srcset"]
        case "link": return ["href"]
        case "video": return ["src", "poster"]
        default: return nil
        }
    }

    /// Attributes whose values the checks read; other values are skipped, not decoded.
    static func isCheckedValue(_ attribute: String) -> Bool {
        isLinkAttribute(attribute) || attribute == "srcset" || attribute == "poster" || attribute == "rel" || attribute == "http-equiv" || attribute == "content"
    }

    /// Attributes whose URL a click or a submit follows.
    static func isLinkAttribute(_ attribute: String) -> Bool {
        switch attribute {
        case "href", "src", "action", "formaction", "xlink:href": return true
        default: return false
        }
    }

    /// `<link rel=…>` values a browser does not fetch.
    static let unfetchedLinkRelations: Set<String> = ["canonical", "alternate", "license", "author", "help"]

    /// What is wrong with `html`, one sentence each ("has an onclick= attribute on <img>"); empty
    /// when the page is safe and carries exactly `policy` as its Content-Security-Policy.
    public static func problems(in html: [UInt8], policy: String) -> [String] {
        var problems: [String] = []
        var policies: [String] = []
        html.withUnsafeBufferPointer { buffer in
            var scanner = TagScanner(buffer)
            while let tag = scanner.next() {
                problems += check(tag, scanner: &scanner, policies: &policies)
            }
        }
        if policies.isEmpty { problems.append("has no Content-Security-Policy meta") }
        for p in policies where p != policy { problems.append("has a Content-Security-Policy other than the generator's: '\(p.prefix(80))'") }
        if policies.count > 1 { problems.append("has \(policies.count) Content-Security-Policy metas") }
        return problems
    }

    static func check(_ tag: TagScanner.Tag, scanner: inout TagScanner, policies: inout [String]) -> [String] {
        var problems: [String] = []
        let name = tag.name
        if isForbidden(element: name) { problems.append("has a <\(name)> element") }
        for (attribute, value) in tag.attributes {
            if attribute.hasPrefix("on") { problems.append("has an \(attribute)= attribute on <\(name)>") }
            if attribute == "style" { problems.append("has a style= attribute on <\(name)>") }
            if isLinkAttribute(attribute), !HTML.isSafeLink(value) {
                problems.append("has a \(HTML.scheme(of: value) ?? "?"): URL in \(attribute)= on <\(name)>")
            }
        }
        guard var fetches = fetchAttributes(of: name) else { return problems + check(element: tag, scanner: &scanner, policies: &policies) }
        if name == "link" {
            let rel = Set((tag.value(of: "rel") ?? "").lowercased().split(separator: " ").map(String.init))
            if !rel.isEmpty && rel.isSubset(of: unfetchedLinkRelations) { fetches = [] }
        }
        for (attribute, value) in tag.attributes where fetches.contains(attribute) {
            let urls = attribute == "srcset" ? value.split(separator: ",").map { String($0.split(separator: " ").first ?? "") } : [value]
            for url in urls where HTML.isExternal(url) {
                problems.append("loads <\(name) \(attribute)=\"\(url.prefix(60))\"> from another site")
            }
        }
        return problems + check(element: tag, scanner: &scanner, policies: &policies)
    }

    /// Checks that depend on the element: inline script, refresh, the CSP meta.
    static func check(element tag: TagScanner.Tag, scanner: inout TagScanner, policies: inout [String]) -> [String] {
        var problems: [String] = []
        switch tag.name {
        case "script":
            if tag.value(of: "src") == nil { problems.append("has an inline <script>") }
            if !scanner.skipEmptyElement(named: "script") { problems.append("has script text inside <script>") }
        case "meta":
            let equiv = (tag.value(of: "http-equiv") ?? "").lowercased()
            if equiv == "refresh" { problems.append("redirects with <meta http-equiv=\"refresh\">") }
            if equiv == "content-security-policy" { policies.append(tag.value(of: "content") ?? "") }
        default:
            break
        }
        return problems
    }
}

/// Walks the start tags of an HTML page, with attribute names lower-cased and values decoded.
/// Skips text with `memchr`, since pages can be megabytes long.
struct TagScanner {
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]

        func value(of attribute: String) -> String? { attributes.first { $0.name == attribute }?.value }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0

    /// The scanner reads `bytes` in place: use it only inside `withUnsafeBufferPointer`.
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private static let commentStart = Array("<!--".utf8), commentEnd = Array("-->".utf8)

    private func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C }
    private func isNameByte(_ b: UInt8) -> Bool { !isSpace(b) && b != UInt8(ascii: ">") && b != UInt8(ascii: "/") && b != UInt8(ascii: "=") }

    /// True when the bytes at `index` are `pattern`, ignoring ASCII case.
    private func starts(with pattern: [UInt8], at index: Int) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for (k, p) in pattern.enumerated() where bytes[index + k] | 0x20 != p | 0x20 { return false }
        return true
    }

    /// Index of the next `byte` at or after `index`, or the end.
    private func next(_ byte: UInt8, from index: Int) -> Int {
        guard index < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + index, Int32(byte), bytes.count - index) else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Moves past the next `pattern` (ASCII case ignored), or to the end.
    private mutating func skip(past pattern: [UInt8]) {
        while i < bytes.count {
            i = next(pattern[0], from: i)
            if i >= bytes.count { return }
            if starts(with: pattern, at: i) { i += pattern.count; return }
            i += 1
        }
    }

    /// The next start tag, skipping text, comments, doctypes and end tags.
    mutating func next() -> Tag? {
        while true {
            i = next(UInt8(ascii: "<"), from: i)
            guard i + 1 < bytes.count else { i = bytes.count; return nil }
            let b = bytes[i + 1]
            if starts(with: Self.commentStart, at: i) { skip(past: Self.commentEnd); continue }
            if b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == UInt8(ascii: "/") { skip(past: [UInt8(ascii: ">")]); continue }
            guard (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") else { i += 1; continue }
            i += 1
            let nameStart = i
            while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
            var tag = Tag(name: Self.lowercased(bytes[nameStart..<i]), attributes: [])
            while i < bytes.count {
                while i < bytes.count, isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") { i += 1 }
                guard i < bytes.count, bytes[i] != UInt8(ascii: ">") else { i += 1; break }
                let attributeStart = i
                while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
                if i == attributeStart { i += 1; continue }
                let name = Self.lowercased(bytes[attributeStart..<i])
                while i < bytes.count, isSpace(bytes[i]) { i += 1 }
                var value = ""
                if i < bytes.count, bytes[i] == UInt8(ascii: "=") {
                    i += 1
                    while i < bytes.count, isSpace(bytes[i]) { i += 1 }
                    let quote = i < bytes.count ? bytes[i] : 0
                    let quoted = quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
                    let valueStart = quoted ? i + 1 : i
                    i = quoted ? next(quote, from: valueStart) : valueStart
                    if !quoted { while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 } }
                    if OutputSafety.isCheckedValue(name) {
                        let raw = UnsafeBufferPointer(rebasing: bytes[valueStart..<min(i, bytes.count)])
                        value = String(decoding: raw, as: UTF8.self)
                        if raw.contains(UInt8(ascii: "&")) { value = Self.decodeEntities(value) }
                    }
                    if quoted { i += 1 }
                }
                tag.attributes.append((name, value))
            }
            return tag
        }
    }

    /// A tag or attribute name in lower case; ASCII names (all of the generator's) without
    /// Unicode case mapping.
    private static func lowercased(_ slice: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        let name = UnsafeBufferPointer(rebasing: slice)
        guard name.allSatisfy({ $0 < 0x80 }) else { return String(decoding: name, as: UTF8.self).lowercased() }
        return String(unsafeUninitializedCapacity: name.count) { out in
            for (k, b) in name.enumerated() { out[k] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
            return name.count
        }
    }

    /// After a start tag: true when the element closes at once (`<script …></script>`), and moves past it.
    mutating func skipEmptyElement(named name: String) -> Bool {
        let end = Array("</\(name)".utf8)
        let empty = starts(with: end, at: i)
        skip(past: end)
        return empty
    }

    /// Character references as a browser decodes them in an attribute value.
    static func decodeEntities(_ value: String) -> String {
        guard value.contains("&") else { return value }
        let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":",
                                       "tab": "\t", "newline": "\n", "sol": "/", "lpar": "(", "rpar": ")"]
        var out = ""
        var rest = Substring(value)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            let body = after.prefix { $0 != ";" && $0 != "&" && $0 != " " }.prefix(12)
            let hasSemicolon = after.dropFirst(body.count).first == ";"
            var decoded: String? = nil
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if body.hasPrefix("#") {
                decoded = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
            } else if hasSemicolon {
                decoded = named[body.lowercased()]
            }
            if let decoded {
                out += decoded
                rest = after.dropFirst(body.count + (hasSemicolon ? 1 : 0))
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }
}
