/// `/sitemap.xml` (sitemaps.org protocol 0.9): every page of the site. Locations are the base URL
/// plus the page's path; the protocol wants absolute URLs, so give `--base-url https://…` when
/// the sitemap is to be submitted to a search engine (with a path-only base it is used as given).
enum Sitemap {
    static let path = "sitemap.xml"

    static func file(pages: [SitePath], options: BuildOptions) -> OutputFile {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in Set(pages).sorted() {
            out += "<url><loc>\(XMLText.escape(options.baseURL.url(page)))</loc></url>\n"
        }
        out += "</urlset>\n"
        return OutputFile(path: path, bytes: Array(out.utf8))
    }
}
