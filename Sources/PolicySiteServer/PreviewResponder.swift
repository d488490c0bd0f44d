import Foundation
import Hummingbird
import PolicySiteKit
import ServiceLifecycle

/// Answers the preview server's requests: the build event stream, the reload script and
/// stylesheet, and the files of the last site that built, with the script added to every page.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let folder: String
    let state: PreviewState

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return text("Only GET and HEAD are served.\n", status: .methodNotAllowed)
        }
        let path = request.uri.path
        switch path {
        case PreviewAssets.eventsPath: return await events()
        case PreviewAssets.scriptPath: return text(PreviewAssets.reloadScript, type: "text/javascript; charset=utf-8")
        case PreviewAssets.stylePath: return text(PreviewAssets.style, type: "text/css; charset=utf-8")
        default: return await file(at: path)
        }
    }

    /// Server-Sent Events: `hello` with the current build on connecting, `reload` after each build.
    func events() async -> Response {
        let (id, stream) = await state.listen()
        let generation = await state.generation
        let state = self.state
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            do {
                try await writer.write(ByteBuffer(string: "retry: 500\nevent: hello\ndata: \(generation)\n\n"))
                for await next in stream.cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: "event: reload\ndata: \(next)\n\n"))
                }
            } catch {
                // The page went away or the server is stopping.
            }
            await state.stopListening(id)
            try await writer.finish(nil)
        })
    }

    /// A file of the built site; pages get the reload script (and the error banner after a failed build).
    func file(at urlPath: String) async -> Response {
        let generation = await state.generation
        let failure = await state.failure
        guard await state.hasSite else {
            return text(PreviewAssets.errorPage(failure ?? [], generation: generation), status: .serviceUnavailable, type: "text/html; charset=utf-8")
        }
        guard let relative = Self.relativePath(urlPath) else { return text("Not found.\n", status: .notFound) }
        var full = relative.isEmpty ? folder : folder + "/" + relative
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else {
            return text("Not found: \(urlPath)\n", status: .notFound)
        }
        if isDirectory.boolValue {
            guard urlPath.hasSuffix("/") else { return Response.redirect(to: urlPath + "/", type: .found) }
            full += "/index.html"
        }
        guard let data = FileManager.default.contents(atPath: full) else { return text("Not found: \(urlPath)\n", status: .notFound) }
        let type = Self.contentType(of: full)
        if type.hasPrefix("text/html") {
            let page = PreviewAssets.inject(into: String(decoding: data, as: UTF8.self), generation: generation, failure: failure)
            return text(page, type: type)
        }
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    func text(_ body: String, status: HTTPResponse.Status = .ok, type: String = "text/plain; charset=utf-8") -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// The path under the site folder for a URL path, percent-decoded; nil if it would leave the folder.
    static func relativePath(_ urlPath: String) -> String? {
        guard let decoded = urlPath.removingPercentEncoding else { return nil }
        var parts: [Substring] = []
        for piece in decoded.split(separator: "/") {
            if piece == "." { continue }
            if piece == ".." || piece.contains("\0") || piece.hasPrefix(".") { return nil }
            parts.append(piece)
        }
        return parts.joined(separator: "/")
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "txt": "text/plain; charset=utf-8"
        case "xml": "application/xml"
        case "ics": "text/calendar; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }
}
