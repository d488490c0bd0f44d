import Foundation
import Synchronization

/// Checks every internal link and `#fragment` in the built pages against the files and ids the
/// build produced, so a broken link fails the build with the source line that made it.
struct LinkChecker {
    /// The `id` and `href` attribute values of one HTML page, each once.
    struct Attributes {
        /// The ids, sorted by their UTF-8 bytes.
        var ids: PageIDs
        /// The hrefs, in the order each first appears.
        var hrefs: PackedStrings
    }

    /// Reads `id="…"` and `href="…"` attributes (the generator always double-quotes them, after a
    /// space or a line break).
    static func attributes(of bytes: [UInt8]) -> Attributes {
        // Read in place, from one `=` to the next with memchr: pages can be megabytes, and this
        // runs on every one of them. Values are kept as ranges of the page (a value with a
        // character reference is decoded into `decoded`, and its range counts on from the page's end).
        var ids: [Range<Int>] = [], hrefs: [Range<Int>] = []
        var decoded: [UInt8] = []
        bytes.withUnsafeBufferPointer { html in
            guard let base = html.baseAddress else { return }
            let n = html.count
            func isBreak(_ at: Int) -> Bool { at >= 0 && (html[at] == 0x20 || html[at] == 0x0A) }
            var i = 0
            while i < n, let found = memchr(base + i, 0x3D, n - i) {
                let eq = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                i = eq + 1
                guard eq + 1 < n, html[eq + 1] == 0x22 else { continue }
                let isID = eq >= 2 && html[eq - 2] == 0x69 && html[eq - 1] == 0x64 && isBreak(eq - 3) // id="
                let isHref = !isID && eq >= 4 && html[eq - 4] == 0x68 && html[eq - 3] == 0x72 && html[eq - 2] == 0x65
                    && html[eq - 1] == 0x66 && isBreak(eq - 5) // href="
                guard isID || isHref else { continue }
                let j = eq + 2
                var k = j
                if j < n, let quote = memchr(base + j, 0x22, n - j) { k = base.distance(to: quote.assumingMemoryBound(to: UInt8.self)) } else { k = n }
                var range = j..<k
                if k > j, memchr(base + j, 0x26, k - j) != nil {
                    let start = n + decoded.count
                    decoded.append(contentsOf: unescape(String(decoding: UnsafeBufferPointer(rebasing: html[j..<k]), as: UTF8.self)).utf8)
                    range = start..<(n + decoded.count)
                }
                if isID { ids.append(range) } else { hrefs.append(range) }
                i = k
            }
        }
        // Only a page with a character reference in a value is copied, with the decoded values after it.
        func read(_ all: UnsafeBufferPointer<UInt8>) -> Attributes {
            Attributes(ids: PageIDs(ids, of: all), hrefs: PackedStrings(distinct: hrefs, of: all, keepingOrder: true))
        }
        return decoded.isEmpty ? bytes.withUnsafeBufferPointer(read) : (bytes + decoded).withUnsafeBufferPointer(read)
    }

    static func unescape(_ s: String) -> String {
        guard s.utf8.contains(0x26) else { return s }
        return s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Resolves `href` from a page in `folder` to a path under the output root and a fragment;
    /// nil for links that leave the site (a scheme, or `..` above the root).
    static func resolve(_ href: String, from folder: [String]) -> (path: String, fragment: String?)? {
        resolve(href, from: Folder(folder))
    }

    /// A page's folder as the UTF-8 bytes of its path, where each component ends: made once per
    /// page, so resolving each of its links is a walk over bytes.
    struct Folder {
        var bytes: [UInt8] = []
        var ends: [Int] = []

        init(_ components: [String]) {
            for component in components {
                if !bytes.isEmpty { bytes.append(0x2F) }
                bytes.append(contentsOf: component.utf8)
                ends.append(bytes.count)
            }
        }
    }

    /// `resolve(_:from:)` for a folder read once: the same result, from the href's bytes.
    static func resolve(_ href: String, from folder: Folder) -> (path: String, fragment: String?)? {
        guard !HTML.isExternal(href) else { return nil }
        var href = href
        return href.withUTF8 { h -> (path: String, fragment: String?) in
            var end = h.count
            var fragment: String? = nil
            if let hash = h.firstIndex(of: 0x23) {
                fragment = String(decoding: UnsafeBufferPointer(rebasing: h[(hash + 1)...]), as: UTF8.self)
                end = hash
            }
            if let q = h[..<end].firstIndex(of: 0x3F) { end = q }
            if end == 0 { return ((folder.bytes.isEmpty ? "" : String(decoding: folder.bytes, as: UTF8.self) + "/") + "index.html", fragment) }
            var out: [UInt8] = []
            var ends: [Int] = []
            if h[0] != 0x2F {
                out = folder.bytes
                ends = folder.ends
            }
            out.reserveCapacity(out.count + end + 11)
            var start = 0
            while start <= end {
                var stop = start
                while stop < end, h[stop] != 0x2F { stop += 1 }
                let length = stop - start
                if length == 0 || (length == 1 && h[start] == 0x2E) {
                    // "" or "."
                } else if length == 2 && h[start] == 0x2E && h[start + 1] == 0x2E {
                    guard !ends.isEmpty else { return ("../", fragment) }
                    ends.removeLast()
                    out.removeSubrange((ends.last ?? 0)...)
                } else {
                    if !ends.isEmpty { out.append(0x2F) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: h[start..<stop]))
                    ends.append(out.count)
                }
                start = stop + 1
            }
            if h[end - 1] == 0x2F || out.isEmpty { out.append(contentsOf: out.isEmpty ? Array("index.html".utf8) : Array("/index.html".utf8)) }
            return (String(decoding: out, as: UTF8.self), fragment)
        }
    }

    /// Each page's `id` values, by the file it was written to.
    static func idsByFile(_ pages: [SiteRenderer.RenderedPage]) -> [String: PageIDs] {
        Dictionary(pages.map { ($0.path, $0.ids) }) { first, _ in first }
    }

    /// The broken links of each of `pages` (by its file; pages with none are left out), each
    /// reported at its source (or at the page's source for template links), checked in parallel
    /// against the ids of every page of the site. A rebuild checks only the pages it made again.
    static func checkEach(_ pages: [SiteRenderer.RenderedPage], idsByFile: [String: PageIDs],
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

    private static func check(_ page: SiteRenderer.RenderedPage, idsByFile: [String: PageIDs], otherFiles: Set<String>,
                              into diagnostics: inout Set<Diagnostic>) {
        let folder = Folder(page.page.components)
        for href in page.hrefs {
            // A link within the page (most of them: contents lists, clause references) needs no
            // path resolving.
            let local = href.utf8.first == UInt8(ascii: "#")
            if local, href.utf8.count == 1 || page.ids.contains(String(href.dropFirst())) { continue }
            guard let (path, fragment) = local ? (page.path, String(href.dropFirst())) : resolve(href, from: folder) else { continue }
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
