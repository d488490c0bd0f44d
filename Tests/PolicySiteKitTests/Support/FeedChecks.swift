import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Strict checks of the generated feeds, so a test fails on anything a reader could choke on.
enum AtomCheck {
    struct Entry { var id, title, updated, link, summary: String }
    struct Failure: Error, CustomStringConvertible { var description: String }

    static var rfc3339: Regex<(Substring, Substring?, Substring)> { #/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/# }

    /// RFC 4287 §4.1: a feed has exactly one id, title and updated, an author (or every entry has
    /// one), and every entry has exactly one id, title and updated, and a link or content.
    static func validate(_ xml: String) throws -> [Entry] {
        let document = try XMLDocument(xmlString: xml, options: [])
        guard let feed = document.rootElement(), feed.localName == "feed", feed.uri == "http://www.w3.org/2005/Atom" else {
            throw Failure(description: "the root is not an Atom feed")
        }
        func only(_ name: String, in element: XMLElement) throws -> String {
            let found = element.elements(forLocalName: name, uri: "http://www.w3.org/2005/Atom")
            guard found.count == 1, let value = found[0].stringValue, !value.isEmpty else {
                throw Failure(description: "\(element.localName ?? "?") must have exactly one non-empty <\(name)>")
            }
            return value
        }
        _ = try only("id", in: feed)
        _ = try only("title", in: feed)
        guard (try only("updated", in: feed)).wholeMatch(of: rfc3339) != nil else { throw Failure(description: "feed updated is not RFC 3339") }
        let feedHasAuthor = !feed.elements(forLocalName: "author", uri: "http://www.w3.org/2005/Atom").isEmpty
        var ids: Set<String> = []
        var entries: [Entry] = []
        for entry in feed.elements(forLocalName: "entry", uri: "http://www.w3.org/2005/Atom") {
            let id = try only("id", in: entry)
            guard URL(string: id)?.scheme != nil, ids.insert(id).inserted else { throw Failure(description: "entry id \(id) is not a unique IRI") }
            let updated = try only("updated", in: entry)
            guard updated.wholeMatch(of: rfc3339) != nil else { throw Failure(description: "entry updated \(updated) is not RFC 3339") }
            guard feedHasAuthor || !entry.elements(forLocalName: "author", uri: "http://www.w3.org/2005/Atom").isEmpty else {
                throw Failure(description: "entry \(id) has no author")
            }
            let links = entry.elements(forLocalName: "link", uri: "http://www.w3.org/2005/Atom")
            func attribute(_ element: XMLElement, _ name: String) -> String? {
                element.attributes?.first { $0.name == name || $0.localName == name }?.stringValue
            }
            let alternate = links.first { (attribute($0, "rel") ?? "alternate") == "alternate" }
            guard let alternate, let href = attribute(alternate, "href") else {
                throw Failure(description: "entry \(id) has no alternate link (\(links.map { $0.xmlString }))")
            }
            entries.append(Entry(id: id, title: try only("title", in: entry), updated: updated, link: href, summary: try only("summary", in: entry)))
        }
        return entries
    }
}

/// RFC 5545 checks made without any library: CRLF line ends, lines of at most 75 octets, folding,
/// balanced components, and the properties every event must have.
enum ICalendarCheck {
    struct Event { var properties: [String: String] }
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func validate(_ bytes: [UInt8]) throws -> [Event] {
        var physical: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                physical.append(current); current = []; i += 2; continue
            }
            if bytes[i] == 0x0A || bytes[i] == 0x0D { throw Failure(description: "a bare LF or CR at byte \(i)") }
            current.append(bytes[i]); i += 1
        }
        guard current.isEmpty else { throw Failure(description: "the last line does not end with CRLF") }
        var logical: [String] = []
        for line in physical {
            guard line.count <= 75 else { throw Failure(description: "a line of \(line.count) octets: \(String(decoding: line, as: UTF8.self))") }
            guard let text = String(validating: line, as: UTF8.self) else { throw Failure(description: "a fold splits a UTF-8 sequence") }
            if text.hasPrefix(" ") || text.hasPrefix("\t") {
                guard !logical.isEmpty else { throw Failure(description: "a continuation line comes first") }
                logical[logical.count - 1] += text.dropFirst()
            } else {
                logical.append(text)
            }
        }
        guard logical.first == "BEGIN:VCALENDAR", logical.last == "END:VCALENDAR" else { throw Failure(description: "not one VCALENDAR") }
        var stack: [String] = []
        var events: [Event] = []
        var properties: [String: String] = [:]
        var calendarProperties: Set<String> = []
        for line in logical {
            guard let colon = line.firstIndex(of: ":") else { throw Failure(description: "no colon in '\(line)'") }
            let head = line[..<colon], value = String(line[line.index(after: colon)...])
            let name = String(head.prefix { $0 != ";" })
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "-") }) else {
                throw Failure(description: "bad property name in '\(line)'")
            }
            switch name {
            case "BEGIN": stack.append(value); if value == "VEVENT" { properties = [:] }
            case "END":
                guard stack.popLast() == value else { throw Failure(description: "END:\(value) does not close what was opened") }
                if value == "VEVENT" { events.append(Event(properties: properties)) }
            default:
                if stack.last == "VEVENT" {
                    guard properties[name] == nil else { throw Failure(description: "\(name) twice in one event") }
                    properties[name] = value
                    if head.contains(";"), !head.dropFirst(name.count).hasPrefix(";VALUE=DATE") { throw Failure(description: "unexpected parameter in '\(head)'") }
                } else if stack == ["VCALENDAR"] {
                    calendarProperties.insert(name)
                }
                if ["SUMMARY", "DESCRIPTION"].contains(name), unescapedSpecial(value) { throw Failure(description: "unescaped ; or , in \(name)") }
            }
        }
        guard stack.isEmpty, calendarProperties.isSuperset(of: ["VERSION", "PRODID"]) else { throw Failure(description: "VERSION and PRODID are required") }
        var uids: Set<String> = []
        for event in events {
            for required in ["UID", "DTSTAMP", "DTSTART"] where event.properties[required] == nil { throw Failure(description: "an event has no \(required)") }
            guard uids.insert(event.properties["UID"]!).inserted else { throw Failure(description: "UID repeated") }
            guard event.properties["DTSTAMP"]!.wholeMatch(of: #/\d{8}T\d{6}Z/#) != nil else { throw Failure(description: "DTSTAMP is not a UTC date-time") }
        }
        return events
    }

    /// True when a TEXT value has a `;` or `,` without a backslash before it.
    static func unescapedSpecial(_ value: String) -> Bool {
        var escaped = false
        for ch in value {
            if escaped { escaped = false; continue }
            if ch == "\\" { escaped = true } else if ch == ";" || ch == "," { return true }
        }
        return false
    }
}

/// Runs the project's Python (`.venv`, made by `make test` from Tests/Browser/requirements.txt) on a script.
enum Python {
    static var executable: String {
        let venv = TestSite.repoRoot + "/.venv/bin/python"
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "/usr/bin/env"
    }

    static func run(_ script: String, arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = (executable == "/usr/bin/env" ? ["python3"] : []) + ["-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
