import Foundation
import Testing
@testable import PolicySiteKit

/// Every page carries a Content-Security-Policy that forbids inline script and every other origin,
/// and nothing on a page needs more: no inline script or style, no event handlers, no external
/// fetches. The audit below reads pages with regular expressions, independently of OutputSafety
/// (which the build itself runs), so the two check each other.
@Suite struct OutputSafetyTests {
    /// Problems an independent reading of `html` finds; empty for a locked-down page.
    static func audit(_ page: String) -> [String] {
        var problems: [String] = []
        let html = page.replacingOccurrences(of: "<!--.*?-->", with: "", options: .regularExpression)
        let metas = html.matches(#"<meta http-equiv="Content-Security-Policy" content="([^"]*)">"#)
        if metas.count != 1 { problems.append("\(metas.count) CSP metas") }
        if let head = html.range(of: "</head>"), let meta = html.range(of: "Content-Security-Policy"), meta.lowerBound > head.lowerBound {
            problems.append("CSP meta outside <head>")
        }
        if let policy = metas.first.map({ decode($0[1]) }) {
            var directives: [String: [String]] = [:]
            for part in policy.split(separator: ";") {
                let words = part.split(separator: " ").map(String.init)
                if let name = words.first { directives[name] = Array(words.dropFirst()) }
            }
            let expected: [String: [String]] = [
                "default-src": ["'none'"], "script-src": ["'self'"], "style-src": ["'self'"], "img-src": ["'self'"],
                "connect-src": ["'self'"], "base-uri": ["'none'"], "form-action": ["'self'"],
            ]
            for (name, sources) in expected where directives[name] != sources { problems.append("\(name) is \(directives[name] ?? [])") }
            for source in directives.values.joined() where source.contains("unsafe") || source.contains(":") || source.contains("*") {
                problems.append("CSP allows \(source)")
            }
        }
        for tag in html.matches(#"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>"#) {
            let name = tag[1].lowercased()
            var attributes: [String: String] = [:]
            for attribute in tag[2].matches(#"([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?"#) {
                var value = attribute.count > 2 ? attribute[2] : ""
                if value.hasPrefix("\"") || value.hasPrefix("'") { value = String(value.dropFirst().dropLast()) }
                attributes[attribute[1].lowercased()] = decode(value)
            }
            if ["style", "iframe", "object", "embed", "base"].contains(name) { problems.append("<\(name)>") }
            if name == "script" && (attributes["src"] == nil || !html.contains(tag[0] + "</script>")) { problems.append("inline script") }
            for key in attributes.keys where key == "style" || key.hasPrefix("on") { problems.append("\(key)= on <\(name)>") }
            // Browsers ignore white space and control characters in a scheme ("java\tscript:").
            let squashed = { (v: String) in String(String.UnicodeScalarView(v.lowercased().unicodeScalars.filter { $0.value > 0x20 })) }
            if let href = attributes["href"], ["javascript:", "data:", "vbscript:"].contains(where: { squashed(href).hasPrefix($0) }) {
                problems.append("\(href) in <\(name) href>")
            }
            let fetched = name == "link" && attributes["rel"] == "canonical" ? [] : ["src", "href", "srcset"]
            if ["link", "script", "img"].contains(name) {
                for key in fetched {
                    for url in (attributes[key] ?? "").lowercased().split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) })
                    where url.hasPrefix("http:") || url.hasPrefix("https:") || url.hasPrefix("//") || url.hasPrefix("\\\\") {
                        problems.append("<\(name) \(key)=\(url)>")
                    }
                }
            }
            if name == "meta", attributes["http-equiv"]?.lowercased() == "refresh" { problems.append("meta refresh") }
        }
        return problems
    }

    /// Character references as a browser reads them in an attribute (the few the tests meet).
    static func decode(_ value: String) -> String {
        var out = value
        for m in value.matches("&#(x?)([0-9a-fA-F]+);") {
            if let code = UInt32(m[2], radix: m[1].isEmpty ? 10 : 16), let scalar = Unicode.Scalar(code) {
                out = out.replacingOccurrences(of: m[0], with: String(scalar))
            }
        }
        return out.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test(arguments: ["/", "https://school.example/policies/"])
    func everyPageOfTheSiteIsLockedDown(baseURL: String) async {
        let (report, site) = await TestSite.build(baseURL: baseURL)
        #expect(report.succeeded)
        let pages = TestSite.snapshot(site).filter { $0.key.hasSuffix(".html") }
        #expect(pages.count >= 7)
        for (path, data) in pages {
            let problems = Self.audit(String(decoding: data, as: UTF8.self))
            #expect(problems.isEmpty, "\(path): \(problems.prefix(5))")
        }
        if baseURL.hasPrefix("https") {
            #expect(TestSite.read(site, "index.html").contains(#"<link rel="canonical" href="https://school.example/policies/">"#))
        }
    }

    /// Script, frames, `javascript:` and `data:` URLs and entities in every place Markdown allows
    /// them (Tests/Fixtures/hostile/unsafe-everywhere.md, unsafe-school.yml): each is dropped with a
    /// warning at its line or shown as text, and no page carries any of it.
    @Test func unsafeMarkupNeverReachesAPage() async throws {
        let site = try #require(await HostileSite.make())
        site.copyFixture("unsafe-school.yml", to: "schools/unsafe-school/school.yml")
        site.copyFixture("unsafe-everywhere.md", to: "schools/unsafe-school/unsafe.md")
        let outcome = await site.build()
        #expect(outcome.report.succeeded, "\(outcome.report.diagnostics.filter { $0.severity == .error })")
        for (path, data) in HostileSite.snapshot(site.output) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(Self.audit(html).isEmpty, "\(path): \(Self.audit(html).prefix(5))")
            #expect(OutputSafety.problems(in: Array(data), policy: SiteRenderer.contentSecurityPolicy).isEmpty)
            // Markup, not text: escaped text ("&lt;img … onerror=…&gt;") is harmless and stays.
            for raw in ["<iframe", "<svg", "<img src=x", "<b>", "<u>"] {
                #expect(!html.lowercased().contains(raw.lowercased()), "\(path) contains \(raw)")
            }
            // Only the site's own script files, loaded by src with an empty element; never inline.
            for tag in html.lowercased().components(separatedBy: "<script").dropFirst() {
                #expect(tag.hasPrefix(" src=\"") && tag.contains("assets/") && tag.contains("></script>")
                        && tag.distance(from: tag.startIndex, to: tag.range(of: "></script>")!.lowerBound) < 120,
                        "\(path) has a script that is not one of the site's own files")
            }
        }
        let page = TestSite.read(site.output, "unsafe-school/unsafe/index.html")
        // The title goes through Mustache's escaping, once, and is never read as a template.
        #expect(page.contains("<h1>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; {{pageTitle}} &amp;lt;b&amp;gt;</h1>"))
        #expect(page.contains("&lt;script&gt;alert('entities')&lt;/script&gt; &lt;script&gt;alert('numeric')&lt;/script&gt; &amp;lt;"))
        #expect(page.contains("{{siteTitle}} {{{body}}} {{&gt; layout}}"))
        #expect(page.contains("<code>&lt;script&gt;alert('code')&lt;/script&gt;</code>"))
        #expect(page.contains(#"<a href="https://ok.example/" title="x&quot; onmouseover=&quot;alert('title attribute')">"#))
        #expect(page.contains(#"<a href="//evil.example/x.png">protocol-relative</a>"#))
        let publisher = TestSite.read(site.output, "unsafe-school/index.html")
        #expect(!publisher.contains("javascript"))
        #expect(publisher.contains("1 &quot;Quoted&quot; Lane &lt;b&gt;"))
        let path = site.content + "/schools/unsafe-school/unsafe.md"
        let warned = Set(outcome.report.diagnostics.filter { $0.location.path == path && $0.severity == .warning }.map(\.location.line))
        #expect(warned == [7, 9, 11, 13, 15, 17, 21, 23, 25, 31, 35, 48], "\(warned.sorted())")
    }

    struct BadPage: CustomTestStringConvertible, Sendable {
        var snippet: String
        var problem: String?
        var testDescription: String { snippet }
    }

    static let badPages: [BadPage] = [
        BadPage(snippet: "<p>Plain <a href=\"https://ok.example/\">link</a> and <img src=\"local.png\" alt=\"\"></p>", problem: nil),
        BadPage(snippet: "<link rel=\"canonical\" href=\"https://school.example/\">", problem: nil),
        BadPage(snippet: "<!-- <script>alert(1)</script> -->", problem: nil),
        BadPage(snippet: "<script src=\"../assets/search.js\"></script>", problem: nil),
        BadPage(snippet: "<script>alert(1)</script>", problem: "inline <script>"),
        BadPage(snippet: "<script src=\"app.js\">alert(1)</script>", problem: "script text inside <script>"),
        BadPage(snippet: "<script src=\"https://cdn.example/x.js\"></script>", problem: "from another site"),
        BadPage(snippet: "<p style=\"color:red\">x</p>", problem: "style= attribute on <p>"),
        BadPage(snippet: "<IMG SRC=x ONERROR=alert(1)>", problem: "onerror= attribute on <img>"),
        // A name longer than HTMLName packs is still read.
        BadPage(snippet: "<p onpointerrawupdatelongname=\"x()\">x</p>", problem: "onpointerrawupdatelongname= attribute on <p>"),
        BadPage(snippet: "<a hre\u{212A}=\"x\" href=\"jav&#97;script:alert(1)\">x</a>", problem: "javascript: URL in href= on <a>"),
        BadPage(snippet: "<a href=\"javascript:alert(1)\">x</a>", problem: "javascript: URL in href="),
        BadPage(snippet: "<a href=\"java&#x09;script:alert(1)\">x</a>", problem: "javascript: URL in href="),
        BadPage(snippet: "<a href='data:text/html,hi'>x</a>", problem: "data: URL in href="),
        BadPage(snippet: "<img src=\"//evil.example/x.png\" alt=\"\">", problem: "from another site"),
        BadPage(snippet: "<img src=\"a.png\" srcset=\"a.png 1x, https://evil.example/b.png 2x\" alt=\"\">", problem: "from another site"),
        BadPage(snippet: "<link rel=\"stylesheet\" href=\"https://fonts.example/css\">", problem: "from another site"),
        BadPage(snippet: "<iframe src=\"a.html\"></iframe>", problem: "<iframe> element"),
        BadPage(snippet: "<style>p { color: red }</style>", problem: "<style> element"),
        BadPage(snippet: "<meta http-equiv=\"refresh\" content=\"0; url=https://evil.example/\">", problem: "redirects"),
        BadPage(snippet: "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src *\">", problem: "other than the generator's"),
    ]

    @Test(arguments: badPages)
    func outputSafetyFindsEachProblem(_ c: BadPage) {
        let csp = SiteRenderer.contentSecurityPolicy
        let page = "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"\(csp)\"></head><body>\(c.snippet)</body></html>"
        let problems = OutputSafety.problems(in: Array(page.utf8), policy: csp)
        if let expected = c.problem {
            #expect(problems.contains { $0.contains(expected) }, "\(problems)")
            #expect(!Self.audit(page).isEmpty, "the test's own audit missed it")
        } else {
            #expect(problems.isEmpty, "\(problems)")
            #expect(Self.audit(page).isEmpty, "\(Self.audit(page))")
        }
    }

    /// Names compare lower-cased, whether packed (ASCII, up to 16 bytes) or kept as text; Unicode
    /// lower-casing can turn a non-ASCII name into a known one (the Kelvin sign's "k").
    @Test(arguments: [
        ("SCRIPT", "script", true), ("Xlink:Href", "xlink:href", true), ("lin\u{212A}", "link", true),
        ("onpointerrawupdate", "onpointerrawupdate", true), ("scrip", "script", false), ("a\u{0}", "a", false),
        ("ON\u{301}CLICK", "on\u{301}click", true),
    ])
    func htmlNamesCompareLowerCased(_ raw: String, _ known: String, _ equal: Bool) {
        let name = HTMLName(lowercasing: Array(raw.utf8))
        #expect((name == HTMLName(lowercasing: Array(known.utf8))) == equal)
        #expect(name.description == raw.lowercased())
        #expect(name.isEventHandler == raw.lowercased().hasPrefix("on"))
    }

    /// ASCII values are decoded by byte, others Character by Character: both read references alike.
    @Test(arguments: ["&amp;", "&AMP;x", "&#39;", "&#x27;&#X3a;", "&unknown;", "a&b", "&#;", "&#x;", "&amp", "&#+39;",
                      "&#106;avascript&colon;", "&&lt;", "&#1234567890123;", "&quot &quot;", "plain"])
    func referencesDecodeTheSameByByteAndByCharacter(_ value: String) {
        #expect("é" + TagScanner.decodeEntities(value) == TagScanner.decodeEntities("é" + value))
    }

    /// The policy is read the same whether the meta's value is the bytes a template writes
    /// escaped (compared as they stand), written raw or with other references (decoded).
    @Test(arguments: [
        (MustacheEscape.escaped(SiteRenderer.contentSecurityPolicy), true),
        (SiteRenderer.contentSecurityPolicy, true),
        (SiteRenderer.contentSecurityPolicy.replacingOccurrences(of: "'", with: "&#x27;"), true),
        (MustacheEscape.escaped(SiteRenderer.contentSecurityPolicy) + " ", false),
        (MustacheEscape.escaped(SiteRenderer.contentSecurityPolicy.replacingOccurrences(of: "'self'", with: "*")), false),
    ])
    func thePolicyIsReadAlikeEscapedOrNot(_ value: String, _ isTheGenerators: Bool) {
        let page = "<html><head><meta http-equiv=\"Content-Security-Policy\" content=\"\(value)\"></head><body>x</body></html>"
        let problems = OutputSafety.problems(in: Array(page.utf8), policy: SiteRenderer.contentSecurityPolicy)
        #expect(problems.isEmpty == isTheGenerators, "\(problems)")
    }

    @Test func aPageWithoutThePolicyIsFlagged() {
        #expect(OutputSafety.problems(in: Array("<html><head></head><body>x</body></html>".utf8), policy: SiteRenderer.contentSecurityPolicy)
            == ["has no Content-Security-Policy meta"])
    }

    /// A template edit the policy would block fails the build, at the page it broke.
    @Test func aTemplateWithAStyleAttributeFailsTheBuild() async throws {
        let site = try #require(await HostileSite.make())
        let home = site.templates + "/home.mustache"
        let text = try String(contentsOfFile: home, encoding: .utf8)
        try text.replacingOccurrences(of: "<h2>Publishers</h2>", with: "<h2 style=\"color: red\">Publishers</h2>").write(toFile: home, atomically: true, encoding: .utf8)
        let outcome = await site.build()
        #expect(!outcome.report.succeeded)
        #expect(outcome.outputUnchanged)
        #expect(outcome.report.diagnostics.map(\.description) == [
            "\(site.content):1:1: error: page /index.html has a style= attribute on <h2>, which is not published (a bug in a template or in policy-site)",
        ])
    }
}

extension String {
    /// Every match of `pattern`, each as its capture groups (0 is the whole match; "" when a group did not take part).
    func matches(_ pattern: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let ns = self as NSString
        return regex.matches(in: self, range: NSRange(location: 0, length: ns.length)).map { m in
            (0..<m.numberOfRanges).map { m.range(at: $0).location == NSNotFound ? "" : ns.substring(with: m.range(at: $0)) }
        }
    }
}
