import Foundation
import Synchronization

/// Checks every internal link and `#fragment` in the built pages against the files and ids the
/// build produced, so a broken link fails the build with the source line that made it.
struct LinkChecker {
    /// The `id` and `href` attribute values of one HTML page, in order.
    struct Attributes {
        var ids: Set<String> = []
        var hrefs: [String] = []
    }

    /// Reads `id="…"` and `href="…"` attributes (the generator always double-quotes them).
    static func attributes(of bytes: [UInt8]) -> Attributes {
        // Read in place: pages can be megabytes, and this runs on every one of them.
        bytes.withUnsafeBufferPointer { html in
            var result = Attributes()
            let n = html.count
            var i = 0
            while i < n {
                guard html[i] == 0x20 || html[i] == 0x0A else { i += 1; continue }
                var j = i + 1
                var isID = false
                if j + 4 <= n, html[j] == 0x69, html[j + 1] == 0x64, html[j + 2] == 0x3D, html[j + 3] == 0x22 { // id="
                    isID = true
                    j += 4
                } else if j + 6 <= n, html[j] == 0x68, html[j + 1] == 0x72, html[j + 2] == 0x65, html[j + 3] == 0x66, html[j + 4] == 0x3D, html[j + 5] == 0x22 { // href="
                    j += 6
                } else {
                    i += 1
                    continue
                }
                var k = j
                while k < n, html[k] != 0x22 { k += 1 }
                let value = unescape(String(decoding: html[j..<k], as: UTF8.self))
                if isID { result.ids.insert(value) } else { result.hrefs.append(value) }
                i = k
            }
            return result
        }
    }

    static func unescape(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Resolves `href` from a page in `folder` to a path under the output root and a fragment;
    /// nil for links that leave the site (a scheme, or `..` above the root).
    static func resolve(_ href: String, from folder: [String]) -> (path: String, fragment: String?)? {
        guard !HTML.isExternal(href) else { return nil }
        var target = href
        var fragment: String? = nil
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if let q = target.firstIndex(of: "?") { target = String(target[..<q]) }
        var parts = target.hasPrefix("/") ? [] : folder
        if target.isEmpty { return ((folder.isEmpty ? "" : folder.joined(separator: "/") + "/") + "index.html", fragment) }
        for piece in target.split(separator: "/", omittingEmptySubsequences: false) {
            switch piece {
            case "", ".": continue
            case "..":
                if parts.isEmpty { return ("../", fragment) }
                parts.removeLast()
            default: parts.append(String(piece))
            }
        }
        var path = parts.joined(separator: "/")
        if target.hasSuffix("/") || path.isEmpty { path += path.isEmpty ? "index.html" : "/index.html" }
        return (path, fragment)
    }

    /// Every broken internal link, reported at its source (or at the page's source for template
    /// links). Pages are checked in parallel against the ids every page has.
    static func check(pages: [SiteRenderer.RenderedPage], otherFiles: Set<String>, baseURL: BaseURL) -> [Diagnostic] {
        Set(checkEach(pages, idsByFile: idsByFile(pages), otherFiles: otherFiles).values.joined()).sorted()
    }

    /// Each page's `id` values, by the file it was written to.
    static func idsByFile(_ pages: [SiteRenderer.RenderedPage]) -> [String: Set<String>] {
        Dictionary(pages.map { ($0.path, $0.ids) }) { first, _ in first }
    }

    /// The broken links of each of `pages` (by its file; pages with none are left out), checked
    /// against the ids of every page of the site. A rebuild checks only the pages it made again.
    static func checkEach(_ pages: [SiteRenderer.RenderedPage], idsByFile: [String: Set<String>],
                          otherFiles: Set<String>) -> [String: [Diagnostic]] {
        let chunks = max(1, min(pages.count, ProcessInfoCores.count * 4))
        let found = Mutex<[String: [Diagnostic]]>([:])
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var byPage: [String: [Diagnostic]] = [:]
            for page in pages[(chunk * pages.count / chunks)..<((chunk + 1) * pages.count / chunks)] {
                var diagnostics: Set<Diagnostic> = []
                check(page, idsByFile: idsByFile, otherFiles: otherFiles, into: &diagnostics)
                if !diagnostics.isEmpty { byPage[page.path] = diagnostics.sorted() }
            }
            found.withLock { $0.merge(byPage) { a, _ in a } }
        }
        return found.withLock { $0 }
    }

    private static func check(_ page: SiteRenderer.RenderedPage, idsByFile: [String: Set<String>], otherFiles: Set<String>,
                              into diagnostics: inout Set<Diagnostic>) {
        for href in page.hrefs {
            // A link within the page (most of them: contents lists, clause references) needs no
            // path resolving.
            let local = href.utf8.first == UInt8(ascii: "#")
            if local, href.utf8.count == 1 || page.ids.contains(String(href.dropFirst())) { continue }
            guard let (path, fragment) = local ? (page.path, String(href.dropFirst())) : resolve(href, from: page.page.components) else { continue }
            let location = page.links[href] ?? page.source
            let origin = page.links[href] == nil ? " (on page /\(page.path))" : ""
            if path.hasPrefix("../") {
                diagnostics.insert(.error("link '\(href)' points outside the site\(origin)", at: location))
            } else if let ids = idsByFile[path] {
                if let fragment, !fragment.isEmpty, !ids.contains(fragment) {
                    diagnostics.insert(.error("link '\(href)' points to #\(fragment), which /\(path) does not have\(origin)", at: location))
                }
            } else if !otherFiles.contains(path) {
                diagnostics.insert(.error("link '\(href)' points to /\(path), which the site does not have\(origin)", at: location))
            }
        }
    }
}
