import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A minimal HTTP/1.1 client over a loopback TCP socket, with timeouts, for talking to the
/// preview server, a static server and chromedriver. Blocking calls run off the Swift
/// concurrency pool (`offPool`), so a slow server never starves the tasks that answer it.
enum Loopback {
    struct Response: Sendable {
        var status: Int
        var head: String
        var body: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs blocking work on a Dispatch thread.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// A port no one listens on right now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0 else { throw Failure(description: "bind failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A connected socket, or nil when nothing listens on the port.
    static func connect(port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); return nil }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        let total = bytes.count
        var sent = 0
        while sent < total {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, total - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }

    /// Reads what arrives within `timeout` seconds: nil on timeout, empty at end of stream.
    static func read(_ fd: Int32, timeout: Double) -> [UInt8]? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, Int32(max(0, timeout) * 1000)) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = recv(fd, &buffer, buffer.count, 0)
        return n <= 0 ? [] : Array(buffer[0..<n])
    }

    /// One request with `Connection: close`; the whole response.
    static func request(port: Int, method: String = "GET", path: String, body: String? = nil, timeout: Double = 10) async throws -> Response {
        try await offPool {
            guard let fd = connect(port: port) else { throw Failure(description: "nothing listens on port \(port)") }
            defer { close(fd) }
            var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
            if let body { request += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n" }
            send(fd, request + "\r\n" + (body ?? ""))
            var data: [UInt8] = []
            let deadline = Date().addingTimeInterval(timeout)
            while !isComplete(data) {
                guard let chunk = read(fd, timeout: deadline.timeIntervalSinceNow) else { throw Failure(description: "\(method) \(path): no answer within \(timeout) s") }
                if chunk.isEmpty { break }
                data += chunk
            }
            let text = String(decoding: data, as: UTF8.self)
            guard let split = text.range(of: "\r\n\r\n") else { throw Failure(description: "\(method) \(path): no HTTP head") }
            let head = String(text[..<split.lowerBound])
            let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
            var body = String(text[split.upperBound...])
            if head.lowercased().contains("transfer-encoding: chunked") { body = dechunk(body) }
            return Response(status: status, head: head, body: body)
        }
    }

    /// True once a response's head and its whole body (by Content-Length, or a chunked body's
    /// last chunk) have arrived; a response with neither ends when the server closes.
    static func isComplete(_ data: [UInt8]) -> Bool {
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return false }
        let head = text[..<split.lowerBound].lowercased()
        let bodyBytes = text[split.upperBound...].utf8.count
        if let r = head.range(of: "content-length:") {
            let digits = head[r.upperBound...].drop { $0 == " " }.prefix { $0.isNumber }
            return Int(digits).map { bodyBytes >= $0 } ?? false
        }
        if head.contains("transfer-encoding: chunked") { return text.hasSuffix("\r\n0\r\n\r\n") || text.hasSuffix("\r\n\r\n0\r\n\r\n") }
        return false
    }

    static func dechunk(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let lineEnd = rest.range(of: "\r\n"), let size = Int(rest[..<lineEnd.lowerBound], radix: 16), size > 0 {
            let start = lineEnd.upperBound
            let bytes = Array(rest[start...].utf8)
            out += String(decoding: bytes.prefix(size), as: UTF8.self)
            rest = Substring(String(decoding: bytes.dropFirst(size + 2), as: UTF8.self))
        }
        return out
    }

    /// A Server-Sent Events connection that collects what the server sends.
    final class EventStream: @unchecked Sendable {
        let fd: Int32
        private(set) var received = ""
        private(set) var closed = false

        init(port: Int, path: String) throws {
            guard let fd = Loopback.connect(port: port) else { throw Failure(description: "nothing listens on port \(port)") }
            self.fd = fd
            Loopback.send(fd, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        }

        deinit { close(fd) }

        /// Waits until the text received so far contains `text`, at most `timeout` seconds.
        func wait(for text: String, timeout: Double) async throws -> Bool {
            try await Loopback.offPool { self.waitBlocking(timeout: timeout) { $0.received.contains(text) } }
        }

        /// Waits until the server closes the stream.
        func waitForClose(timeout: Double) async throws -> Bool {
            try await Loopback.offPool { self.waitBlocking(timeout: timeout) { $0.closed } }
        }

        private func waitBlocking(timeout: Double, _ done: (EventStream) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while !done(self) {
                guard !closed, let chunk = Loopback.read(fd, timeout: deadline.timeIntervalSinceNow) else { return done(self) }
                if chunk.isEmpty { closed = true } else { received += String(decoding: chunk, as: UTF8.self) }
            }
            return true
        }
    }
}
