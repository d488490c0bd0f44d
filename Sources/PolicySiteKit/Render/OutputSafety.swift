import Foundation

/// Reads a built page's tags for anything that could run script, make a request to another site,
/// or that the page's Content-Security-Policy would block. The build runs it on every page, so a
/// template or generator bug fails the build instead of publishing; the fuzz target runs it on
/// every page it makes. Expects what the generator writes (a tag scanner, not a full HTML parser).
public enum OutputSafety {
    // Every tag and attribute of every page is looked up below, so names are compared packed
    // (HTMLName) and values are read from the page's bytes unless they carry a character reference.

    /// Elements that embed other documents or rewrite the page's base; none belongs on a page.
    static let forbiddenElements = [HTMLName("iframe"), HTMLName("frame"), HTMLName("frameset"), HTMLName("object"), HTMLName("embed"),
                                    HTMLName("applet"), HTMLName("base"), HTMLName("style"), HTMLName("portal")]

    static let script = HTMLName("script"), link = HTMLName("link"), meta = HTMLName("meta"), style = HTMLName("style")
    static let src = HTMLName("src"), srcset = HTMLName("srcset"), href = HTMLName("href"), poster = HTMLName("poster")
    static let rel = HTMLName("rel"), httpEquiv = HTMLName("http-equiv"), content = HTMLName("content")

    /// Attributes whose URL a click or a submit follows.
    static let linkAttributes = [href, src, HTMLName("action"), HTMLName("formaction"), HTMLName("xlink:href")]

    /// Attributes that make the browser fetch a URL, by element; elements not listed fetch nothing.
    static let fetchAttributes: [(element: HTMLName, attributes: [HTMLName])] = [
        (script, [src]), (HTMLName("audio"), [src]), (HTMLName("track"), [src]), (HTMLName("input"), [src]),
        (HTMLName("img"), [src, srcset]), (HTMLName("source"), [src, srcset]), (link, [href]), (HTMLName("video"), [src, poster]),
    ]

    /// `<link rel=…>` values a browser does not fetch.
    static let unfetchedLinkRelations: Set<String> = ["canonical", "alternate", "license", "author", "help"]

    /// What is wrong with `html`, one sentence each ("has an onclick= attribute on <img>"); empty
    /// when the page is safe and carries exactly `policy` as its Content-Security-Policy.
    public static func problems(in html: [UInt8], policy: String) -> [String] {
        var problems: [String] = []
        var policies: [String] = []
        html.withUnsafeBufferPointer { buffer in
            var scanner = TagScanner(buffer)
            while scanner.next() {
                check(&scanner, policies: &policies, into: &problems)
            }
        }
        if policies.isEmpty { problems.append("has no Content-Security-Policy meta") }
        for p in policies where p != policy { problems.append("has a Content-Security-Policy other than the generator's: '\(p.prefix(80))'") }
        if policies.count > 1 { problems.append("has \(policies.count) Content-Security-Policy metas") }
        return problems
    }

    /// The problems of the scanner's current tag, in the order its attributes come.
    static func check(_ scanner: inout TagScanner, policies: inout [String], into problems: inout [String]) {
        let name = scanner.name
        if forbiddenElements.contains(name) { problems.append("has a <\(name)> element") }
        for attribute in scanner.attributes {
            if attribute.name.isEventHandler { problems.append("has an \(attribute.name)= attribute on <\(name)>") }
            if attribute.name == style { problems.append("has a style= attribute on <\(name)>") }
            guard linkAttributes.contains(attribute.name) else { continue }
            let safe = scanner.plainValue(attribute).map { HTML.scheme(ofUTF8: $0).map(HTML.safeSchemes.contains) ?? true }
            if !(safe ?? HTML.isSafeLink(scanner.value(attribute))) {
                problems.append("has a \(HTML.scheme(of: scanner.value(attribute)) ?? "?"): URL in \(attribute.name)= on <\(name)>")
            }
        }
        if var fetches = fetchAttributes.first(where: { $0.element == name })?.attributes {
            if name == link {
                let rel = Set((scanner.value(of: Self.rel) ?? "").lowercased().split(separator: " ").map(String.init))
                if !rel.isEmpty && rel.isSubset(of: unfetchedLinkRelations) { fetches = [] }
            }
            for attribute in scanner.attributes where fetches.contains(attribute.name) {
                if attribute.name != srcset, let plain = scanner.plainValue(attribute), !HTML.isExternal(utf8: plain) { continue }
                let value = scanner.value(attribute)
                let urls = attribute.name == srcset ? value.split(separator: ",").map { String($0.split(separator: " ").first ?? "") } : [value]
                for url in urls where HTML.isExternal(url) {
                    problems.append("loads <\(name) \(attribute.name)=\"\(url.prefix(60))\"> from another site")
                }
            }
        }
        check(element: name, scanner: &scanner, policies: &policies, into: &problems)
    }

    /// Checks that depend on the element: inline script, refresh, the CSP meta.
    static func check(element name: HTMLName, scanner: inout TagScanner, policies: inout [String], into problems: inout [String]) {
        if name == script {
            if scanner.value(of: src) == nil { problems.append("has an inline <script>") }
            if !scanner.skipEmptyElement(named: "script") { problems.append("has script text inside <script>") }
        } else if name == meta {
            let equiv = (scanner.value(of: httpEquiv) ?? "").lowercased()
            if equiv == "refresh" { problems.append("redirects with <meta http-equiv=\"refresh\">") }
            if equiv == "content-security-policy" { policies.append(scanner.value(of: content) ?? "") }
        }
    }
}
