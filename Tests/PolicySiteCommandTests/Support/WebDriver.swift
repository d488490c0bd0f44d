import Foundation

/// Headless Chromium driven through chromedriver's W3C WebDriver HTTP API: just what the search
/// test needs (open a URL, run a script, click, read the URL).
final class WebDriver: @unchecked Sendable {
    let port: Int
    let session: String
    let driver: Tool.Background

    struct Failure: Error, CustomStringConvertible { var description: String }

    private init(port: Int, session: String, driver: Tool.Background) {
        self.port = port
        self.session = session
        self.driver = driver
    }

    /// Starts chromedriver on a free port and opens a headless Chromium session.
    static func start(chromedriver: String, chromium: String) async throws -> WebDriver {
        let port = try Loopback.freePort()
        let driver = try Tool.Background(chromedriver, ["--port=\(port)"])
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if let status = try? await Loopback.request(port: port, path: "/status", timeout: 5), status.body.contains("\"ready\":true") { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": ["binary": chromium, "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1024,768"]],
        ]]]
        do {
            let answer = try await call(port: port, "POST", "/session", capabilities)
            guard let value = answer["value"] as? [String: Any], let session = value["sessionId"] as? String else {
                throw Failure(description: "chromedriver did not open a session: \(answer)")
            }
            return WebDriver(port: port, session: session, driver: driver)
        } catch {
            _ = try? await driver.stop()
            throw error
        }
    }

    static func call(port: Int, _ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> [String: Any] {
        let text = try body.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        let response = try await Loopback.request(port: port, method: method, path: path, body: text, timeout: 60)
        guard let object = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any] else {
            throw Failure(description: "\(method) \(path): \(response.body)")
        }
        if let value = object["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "\(method) \(path): \(error): \(value["message"] ?? "")")
        }
        return object
    }

    func call(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        try await Self.call(port: port, method, "/session/\(session)" + path, body)["value"]
    }

    func open(_ url: String) async throws {
        _ = try await call("POST", "/url", ["url": url])
    }

    var url: String {
        get async throws { try await call("GET", "/url") as? String ?? "" }
    }

    /// Runs `script` (a function body) in the page and returns its result.
    func run(_ script: String) async throws -> Any? {
        try await call("POST", "/execute/sync", ["script": script, "args": [] as [Any]])
    }

    /// Runs `script` until it returns something other than null, at most `timeout` seconds.
    func wait(for script: String, timeout: Double = 20) async throws -> Any {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let value = try await run(script), !(value is NSNull) { return value }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "timed out after \(timeout) s waiting for: \(script)")
    }

    func click(_ selector: String) async throws {
        guard let found = try await call("POST", "/element", ["using": "css selector", "value": selector]) as? [String: Any],
              let element = found.values.first as? String else { throw Failure(description: "no element \(selector)") }
        _ = try await call("POST", "/element/\(element)/click", [:])
    }

    /// Ends the session and chromedriver.
    func quit() async {
        _ = try? await Self.call(port: port, "DELETE", "/session/\(session)")
        _ = try? await driver.stop()
    }
}
