import Foundation

/// Reads a built page's tags for anything that could run script, make a request to another site,
/// or that the page's Content-Security-Policy would block. The build runs it on every page, so a
/// template or generator bug fails the build instead of publishing; the fuzz target runs it on
/// every page it makes. Expects what the generator writes (a tag scanner, not a full HTML parser).
public enum OutputSafety {
    // Every tag and attribute of every page is looked up below, so names are compared packed
    // (HTMLName) and values are read from the page's bytes unless they carry a character reference.

    /// The names the checks look for: made once by the caller, since a static read inside the
    /// per-tag loop costs a lazy-initialisation check every time.
    struct Names: Sendable {
        /// Elements that embed other documents or rewrite the page's base; none belongs on a page.
        let forbiddenElements = [HTMLName("iframe"), HTMLName("frame"), HTMLName("frameset"), HTMLName("object"), HTMLName("embed"),
                                 HTMLName("applet"), HTMLName("base"), HTMLName("style"), HTMLName("portal")]
        let script = HTMLName("script"), link = HTMLName("link"), meta = HTMLName("meta"), style = HTMLName("style")
        let src = HTMLName("src"), srcset = HTMLName("srcset"), href = HTMLName("href"), poster = HTMLName("poster")
        let rel = HTMLName("rel"), httpEquiv = HTMLName("http-equiv"), content = HTMLName("content")
        /// Attributes whose URL a click or a submit follows.
        let linkAttributes: [HTMLName]
        /// Attributes that make the browser fetch a URL, by element; elements not listed fetch nothing.
        let fetchAttributes: [(element: HTMLName, attributes: [HTMLName])]
        /// The Content-Security-Policy the page must carry, and its bytes as a template writes it
        /// escaped: a meta whose value is exactly those bytes carries it, with no decoding.
        let policy: String
        let escapedPolicy: [UInt8]

        init(policy: String) {
            self.policy = policy
            escapedPolicy = Array(MustacheEscape.escaped(policy).utf8)
            linkAttributes = [href, src, HTMLName("action"), HTMLName("formaction"), HTMLName("xlink:href")]
            fetchAttributes = [
                (script, [src]), (HTMLName("audio"), [src]), (HTMLName("track"), [src]), (HTMLName("input"), [src]),
                (HTMLName("img"), [src, srcset]), (HTMLName("source"), [src, srcset]), (link, [href]), (HTMLName("video"), [src, poster]),
            ]
        }
    }

    /// `<link rel=…>` values a browser does not fetch.
    static let unfetchedLinkRelations: Set<String> = ["canonical", "alternate", "license", "author", "help"]

    /// What is wrong with `html`, one sentence each ("has an onclick= attribute on <img>"); empty
    /// when the page is safe and carries exactly `policy` as its Content-Security-Policy.
    public static func problems(in html: [UInt8], policy: String) -> [String] {
        problems(in: html, names: Names(policy: policy))
    }

    /// `problems(in:policy:)` with the names (and the policy) made once, for a caller that checks
    /// every page of a site.
    static func problems(in html: [UInt8], names: Names) -> [String] {
        let policy = names.policy
        var problems: [String] = []
        var policies: [String] = []
        html.withUnsafeBufferPointer { buffer in
            var scanner = TagScanner(buffer)
            while scanner.next() {
                check(&scanner, names: names, policies: &policies, into: &problems)
            }
        }
        if policies.isEmpty { problems.append("has no Content-Security-Policy meta") }
        for p in policies where p != policy { problems.append("has a Content-Security-Policy other than the generator's: '\(p.prefix(80))'") }
        if policies.count > 1 { problems.append("has \(policies.count) Content-Security-Policy metas") }
        return problems
    }

    /// The problems of the scanner's current tag, in the order its attributes come.
    static func check(_ scanner: inout TagScanner, names: Names, policies: inout [String], into problems: inout [String]) {
        let name = scanner.name
        if names.forbiddenElements.contains(name) { problems.append("has a <\(name)> element") }
        for attribute in scanner.attributes {
            if attribute.name.isEventHandler { problems.append("has an \(attribute.name)= attribute on <\(name)>") }
            if attribute.name == names.style { problems.append("has a style= attribute on <\(name)>") }
            guard names.linkAttributes.contains(attribute.name) else { continue }
            let safe = scanner.plainValue(attribute).map { HTML.scheme(ofUTF8: $0).map(HTML.safeSchemes.contains) ?? true }
            if !(safe ?? HTML.isSafeLink(scanner.value(attribute))) {
                problems.append("has a \(HTML.scheme(of: scanner.value(attribute)) ?? "?"): URL in \(attribute.name)= on <\(name)>")
            }
        }
        if var fetches = names.fetchAttributes.first(where: { $0.element == name })?.attributes {
            if name == names.link {
                let rel = Set((scanner.value(of: names.rel) ?? "").lowercased().split(separator: " ").map(String.init))
                if !rel.isEmpty && rel.isSubset(of: unfetchedLinkRelations) { fetches = [] }
            }
            for attribute in scanner.attributes where fetches.contains(attribute.name) {
                if attribute.name != names.srcset, let plain = scanner.plainValue(attribute), !HTML.isExternal(utf8: plain) { continue }
                let value = scanner.value(attribute)
                let urls = attribute.name == names.srcset ? value.split(separator: ",").map { String($0.split(separator: " ").first ?? "") } : [value]
                for url in urls where HTML.isExternal(url) {
                    problems.append("loads <\(name) \(attribute.name)=\"\(url.prefix(60))\"> from another site")
                }
            }
        }
        check(element: name, scanner: &scanner, names: names, policies: &policies, into: &problems)
    }

    /// Checks that depend on the element: inline script, refresh, the CSP meta.
    static func check(element name: HTMLName, scanner: inout TagScanner, names: Names, policies: inout [String], into problems: inout [String]) {
        if name == names.script {
            if scanner.value(of: names.src) == nil { problems.append("has an inline <script>") }
            if !scanner.skipEmptyElement(named: "script") { problems.append("has script text inside <script>") }
        } else if name == names.meta {
            let equiv = (scanner.value(of: names.httpEquiv) ?? "").lowercased()
            if equiv == "refresh" { problems.append("redirects with <meta http-equiv=\"refresh\">") }
            if equiv == "content-security-policy" {
                let content = scanner.attributes.first { $0.name == names.content }
                if let content, let raw = scanner.rawValue(content), raw.elementsEqual(names.escapedPolicy) {
                    policies.append(names.policy)
                } else {
                    policies.append(content.map(scanner.value) ?? "")
                }
            }
        }
    }
}
