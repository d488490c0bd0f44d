import Testing
@testable import PolicySiteKit

/// How the link check reads a page's links: resolving an href from the page's folder, reading
/// its `id` and `href` attributes, and telling a URL that leaves the site.
@Suite struct LinkCheckerTests {
    static let resolutions: [(String, [String], String?, String?)] = [
        ("../../x/index.html", ["a", "b"], "x/index.html", nil),
        ("../c/", ["a", "b"], "a/c/index.html", nil),
        ("index.html#f", ["a", "b"], "a/b/index.html", "f"),
        ("#f", ["a", "b"], "a/b/index.html", "f"),
        ("#", ["a"], "a/index.html", ""),
        ("?q=1", ["a", "b"], "a/b/index.html", nil),
        ("x.html?q=1#top", ["a"], "a/x.html", "top"),
        ("/x/y", ["a", "b"], "x/y", nil),
        ("/", ["a", "b"], "index.html", nil),
        ("", [], "index.html", nil),
        ("..", ["a"], "index.html", nil),
        ("a/..", [], "index.html", nil),
        ("../../../x", ["a", "b"], "../", nil),
        ("../../../x#f", ["a", "b"], "../", "f"),
        ("./c/./d/../e.html", ["a", "b"], "a/b/c/e.html", nil),
        ("x//y", ["a", "b"], "a/b/x/y", nil),
        ("café/", ["é"], "é/café/index.html", nil),
        ("https://example.org/", ["a"], nil, nil),
        ("//host/x", ["a"], nil, nil),
        ("java\tscript:x", ["a"], nil, nil),
    ]

    @Test(arguments: resolutions)
    func resolvesFromThePagesFolder(_ c: (String, [String], String?, String?)) {
        let resolved = LinkChecker.resolve(c.0, from: c.1)
        #expect(resolved?.path == c.2)
        #expect(resolved?.fragment == c.3)
    }

    @Test func readsIDsAndHrefsWithEntitiesDecoded() {
        let page = #"<p id="a&amp;b">x</p><a href="../x.html?a=1&amp;b=2">y</a>"# + "\n" + #"<h2 class="c" id="h">t</h2> href="z""#
        let attributes = LinkChecker.attributes(of: Array(page.utf8))
        #expect(Array(attributes.ids.values) == ["a&b", "h"])
        #expect(Array(attributes.hrefs) == ["../x.html?a=1&b=2", "z"])
    }

    /// Ids come back once each in UTF-8 byte order, hrefs once each in the order they first
    /// appear; a value with a character reference counts as its decoded text.
    @Test func readsEachValueOnce() {
        let page = ##"<a id="b" href="#z">1</a> <a id="a" href="x">2</a> <a id="é" href="#z">3</a> <a id="b" href="x&amp;y">4</a>"##
            + ##" <a id="B" href="x&amp;y">5</a> <a id="a&amp;b" href="x">6</a> <a id="ab" href="#a">7</a>"##
        let attributes = LinkChecker.attributes(of: Array(page.utf8))
        #expect(Array(attributes.ids.values) == ["B", "a", "a&b", "ab", "b", "é"])
        #expect(Array(attributes.hrefs) == ["#z", "x", "x&y", "#a"])
        #expect(attributes.ids.contains("a&b") && !attributes.ids.contains("a&amp;b"))
    }

    /// Links to one page's clauses one after another (as the clause index has them) are each
    /// checked for their own fragment, whether or not the path before it was just resolved.
    @Test func eachFragmentOfRunsOfLinksToOnePageIsChecked() {
        func page(_ path: SitePath, _ html: String) -> SiteRenderer.RenderedPage {
            let attributes = LinkChecker.attributes(of: Array(html.utf8))
            return SiteRenderer.RenderedPage(path: path.file, page: path, source: SourceLocation(path: path.file), diagnostics: [],
                                             links: [:], ids: attributes.ids, hrefs: attributes.hrefs)
        }
        let index = page(.fixed("clauses"), ##"<a href="../p/#a">1</a><a href="../p/#gone">2</a><a href="../p/#b">3</a>"##
            + ##"<a href="../p/index.html#c">4</a><a href="../q/#a">5</a><a href="../p/#a2">6</a>"##)
        let target = page(.fixed("p"), ##"<p id="a">x</p><p id="b">y</p><p id="c">z</p>"##)
        let found = LinkChecker.checkEach([index, target], idsByFile: LinkChecker.idsByFile([index, target]), otherFiles: [])
        #expect(found["clauses/index.html"]?.map(\.message) == [
            "link '../p/#a2' points to #a2, which /p/index.html does not have (on page /clauses/index.html)",
            "link '../p/#gone' points to #gone, which /p/index.html does not have (on page /clauses/index.html)",
            "link '../q/#a' points to /q/index.html, which the site does not have (on page /clauses/index.html)",
        ])
    }

    static let schemes: [(String, String?)] = [
        ("JavaScript:x", "javascript"), (" java\nscript:alert(1)", "javascript"), ("a/b:c", nil), ("#a:b", nil),
        ("?x:y", nil), ("é:x", "é"), ("\u{7F}tel:1", "tel"), ("plain", nil), ("", nil),
    ]

    @Test(arguments: schemes)
    func schemeIgnoresWhiteSpaceAndControlCharacters(_ c: (String, String?)) {
        #expect(HTML.scheme(of: c.0) == c.1)
    }

    static let external: [(String, Bool)] = [
        ("//x", true), ("\\\\x", true), (" /\\x", true), ("/ /x", false), ("/x", false), ("x", false), ("mailto:a@b", true), ("/", false),
    ]

    @Test(arguments: external)
    func externalURLs(_ c: (String, Bool)) {
        #expect(HTML.isExternal(c.0) == c.1)
    }

    /// Escaping finds a special character wherever it falls in the eight-byte words it scans.
    @Test(arguments: 0..<19)
    func escapeFindsSpecialCharactersAtEveryOffset(_ offset: Int) {
        for (special, entity) in [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;")] {
            let prefix = String(repeating: "a", count: offset), suffix = "é" + String(repeating: "b", count: 9)
            #expect(HTML.escape(prefix + special + suffix) == prefix + entity + suffix)
        }
        let plain = String(repeating: "x", count: offset) + "é'"
        #expect(HTML.escape(plain) == plain)
    }
}
