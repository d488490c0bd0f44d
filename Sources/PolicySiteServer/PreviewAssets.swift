import PolicySiteKit

/// What the preview server adds to served pages, and only there: the built site never has it.
/// Everything is an external file on the same origin, so the pages' Content-Security-Policy
/// (script-src 'self', style-src 'self', connect-src 'self') allows it.
enum PreviewAssets {
    static let prefix = "/__policy-site/"
    static let eventsPath = prefix + "events"
    static let scriptPath = prefix + "reload.js"
    static let stylePath = prefix + "preview.css"

    /// Listens for build events; reloads when a build newer than the page's has finished.
    static let reloadScript = """
    (function () {
      'use strict';
      var script = document.currentScript;
      var built = script ? new URL(script.src).searchParams.get('g') : null;
      if (!window.EventSource) return;
      var source = new EventSource('\(eventsPath)');
      function check(event) { if (event.data !== built) { source.close(); location.reload(); } }
      source.addEventListener('hello', check);
      source.addEventListener('reload', check);
    })();

    """

    static let style = """
    .policy-site-preview-error { margin: 0; padding: 1rem; background: #fde8e8; color: #5c1010; border-bottom: 4px solid #8a1c1c; font: 1rem/1.5 system-ui, sans-serif; }
    .policy-site-preview-error strong { display: block; font-size: 1.15rem; }
    .policy-site-preview-error ul { margin: 0.5rem 0 0; padding-left: 1.25rem; }
    .policy-site-preview-error code { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }

    """

    /// Adds the stylesheet, the error banner (when the latest build failed) and the reload script
    /// to a page of the built site.
    static func inject(into html: String, generation: Int, failure: [Diagnostic]?) -> String {
        var page = html
        if let head = page.range(of: "</head>") {
            page.insert(contentsOf: "<link rel=\"stylesheet\" href=\"\(stylePath)\">\n", at: head.lowerBound)
        }
        if let failure, let body = page.range(of: "<body"), let end = page[body.upperBound...].firstIndex(of: ">") {
            page.insert(contentsOf: "\n" + banner(failure), at: page.index(after: end))
        }
        let script = "<script src=\"\(scriptPath)?g=\(generation)\" defer></script>\n"
        if let close = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: script, at: close.lowerBound)
        } else {
            page += script
        }
        return page
    }

    /// The problems of a failed build, shown at the top of every page.
    static func banner(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        var html = "<div class=\"policy-site-preview-error\" role=\"alert\">\n"
        html += "<strong>The last change did not build: \(HTML.escape(diagnostics.summary)).</strong>\n"
        html += "<p>This is the last version that built. Fix the problems below and save; the page reloads by itself.</p>\n<ul>\n"
        for d in (errors.isEmpty ? diagnostics : errors).prefix(50) {
            html += "<li><code>\(HTML.escape(d.location.description))</code> \(HTML.escape(d.severity.rawValue)): \(HTML.escape(d.message))</li>\n"
        }
        return html + "</ul>\n</div>\n"
    }

    /// The page served for every address while no build has succeeded yet.
    static func errorPage(_ diagnostics: [Diagnostic], generation: Int) -> String {
        let page = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Build failed – policy-site preview</title>
        </head>
        <body>
        <main>
        <h1>The site did not build</h1>
        </main>
        </body>
        </html>

        """
        return inject(into: page, generation: generation, failure: diagnostics)
    }
}
