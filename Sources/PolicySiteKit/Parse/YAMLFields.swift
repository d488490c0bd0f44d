import Foundation
import Yams

/// A YAML mapping read field by field, with every problem reported at the field's own line in the
/// file (YAML positions are offset by where the YAML starts in the file).
struct YAMLFields {
    let path: String
    let lineOffset: Int
    private(set) var pairs: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var used: Set<String> = []
    let mappingLocation: SourceLocation

    /// The most YAML nodes a front matter or school file may hold; more is refused (alias bombs).
    static let nodeLimit = 10_000

    /// Yams's `Constructor.default` builds its three tables of constructors on every use; fields
    /// are read from the nodes and never constructed, so one constructor, made once and never
    /// changed, serves every parse.
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// A Yams parser of `yaml`, as every YAML file is read when `YAMLNode.simple` cannot read it.
    static func parser(_ yaml: String) throws -> Parser {
        try Parser(yaml: yaml, resolver: .basic, constructor: constructor, encoding: .utf8)
    }

    /// Parses `yaml`; nil (with a diagnostic) if it is not valid YAML or not a mapping.
    init?(yaml: String, path: String, firstLine: Int, diagnostics out: inout [Diagnostic]) {
        self.path = path
        self.lineOffset = firstLine - 1
        self.mappingLocation = SourceLocation(path: path, line: firstLine, column: 1)
        // Plain `key: value` lines are read directly; anything else by Yams.
        if let simple = YAMLNode.simple(yaml), let mapping = simple.mapping {
            pairs = mapping.compactMap { pair in pair.key.string.map { ($0, pair.key, pair.value) } }
            return
        }
        let node: Node?
        let parser: Parser
        do {
            // The parser owns the anchors (nodes hold them weakly), so it lives until the check.
            // The encoding is given: Yams's default reads the environment on every call (and
            // prints when YAMS_DEFAULT_ENCODING is set). Every field is read as text and checked
            // here, so plain scalars are not matched against the default resolver's regular
            // expressions (bool, int, float, null, timestamp), which Yams does for each key it
            // checks for duplicates: that was most of the time spent reading a school.yml.
            parser = try Self.parser(yaml)
            node = try parser.singleRoot()
        } catch let error as YamlError {
            out.append(YAMLFields.diagnostic(for: error, yaml: yaml, path: path, lineOffset: firstLine - 1))
            return nil
        } catch {
            out.append(.error("YAML could not be read: \(error)", at: mappingLocation))
            return nil
        }
        guard let node else {
            self.pairs = []
            return
        }
        if let d = withExtendedLifetime(parser, { YAMLFields.refuseAnchors(node, path: path, lineOffset: firstLine - 1) }) {
            out.append(d)
            return nil
        }
        let root = YAMLNode(node)
        guard let mapping = root.mapping else {
            out.append(.error("expected 'key: value' lines", at: location(of: root)))
            return nil
        }
        var seen: Set<String> = []
        for pair in mapping {
            let (k, v) = (pair.key, pair.value)
            guard let key = k.string else {
                out.append(.error("a key must be plain text", at: location(of: k)))
                continue
            }
            if !seen.insert(key).inserted {
                out.append(.error("'\(key)' is given twice", at: location(of: k)))
                continue
            }
            pairs.append((key, k, v))
        }
    }

    /// Anchors (`&name`) and aliases (`*name`) have no use in front matter and are how YAML
    /// "billion laughs" bombs work. Yams shares an aliased node instead of copying it, so composing
    /// stays linear; this walk, in document order, stops at the first anchor or after `nodeLimit`
    /// nodes, so nothing ever expands an alias.
    static func refuseAnchors(_ root: Node, path: String, lineOffset: Int) -> Diagnostic? {
        func location(_ node: Node) -> SourceLocation {
            guard let mark = node.mark else { return SourceLocation(path: path, line: lineOffset + 1) }
            return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        var stack = [root]
        var visited = 0
        while let node = stack.popLast() {
            visited += 1
            if case .alias = node {
                return .error("YAML aliases ('*name') are not allowed here; write the value out (text that starts with * must be in quotes)", at: location(node))
            }
            if node.anchor != nil {
                return .error("YAML anchors and aliases ('&name', '*name') are not allowed here; write the value out (text that starts with & or * must be in quotes)", at: location(node))
            }
            if visited > nodeLimit {
                return .error("more than \(nodeLimit) YAML values; this file holds only a few fields", at: location(node))
            }
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() { stack.append(value); stack.append(key) }
            case .sequence(let sequence):
                stack.append(contentsOf: sequence.reversed())
            default:
                break
            }
        }
        return nil
    }

    static func diagnostic(for error: YamlError, yaml: String, path: String, lineOffset: Int) -> Diagnostic {
        func loc(_ mark: Mark) -> SourceLocation { SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _), .composer(let context, let problem, let mark, _):
            if problem.contains("Maximum nesting level") {
                return .error("YAML nests too deeply; this file holds only fields and short lists", at: loc(mark))
            }
            let what = context.map { "\($0.text), \(problem)" } ?? problem
            let hint = problem.contains("undefined alias") ? " (text that starts with * or & must be in quotes)" : ""
            return .error("YAML syntax: \(what)\(hint)", at: loc(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams points at the mapping; point at the second occurrence of the key instead.
            var location = loc(context.mark)
            if let key = duplicates.first {
                let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
                let hits = lines.indices.filter { lines[$0].hasPrefix(key + ":") }
                if hits.count >= 2 { location = SourceLocation(path: path, line: hits[1] + 1 + lineOffset, column: 1) }
            }
            return .error("'\(duplicates.joined(separator: "', '"))' is given twice", at: location)
        default:
            return .error("YAML could not be read: \(error)", at: SourceLocation(path: path, line: lineOffset + 1, column: 1))
        }
    }

    func location(of node: YAMLNode) -> SourceLocation {
        guard let line = node.line, let column = node.column else { return mappingLocation }
        return SourceLocation(path: path, line: line + lineOffset, column: column)
    }

    /// The value node for `key`, marking the key as known.
    mutating func node(_ key: String) -> YAMLNode? {
        used.insert(key)
        return pairs.first { $0.key == key }?.value
    }

    /// A text value; nil if absent. A non-text value is an error.
    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let node = node(key) else {
            if required { diagnostics.append(.error("missing required field '\(key)'", at: mappingLocation)) }
            return nil
        }
        guard let s = node.string, !s.unicodeScalars.allSatisfy(CharacterSet.whitespaces.contains) else {
            if node.string != nil && !required { return nil }
            diagnostics.append(.error("'\(key)' must be text", at: location(of: node)))
            return nil
        }
        return s
    }

    /// A date value, `YYYY-MM-DD` or `YYYY-MM`.
    mutating func date(_ key: String, required: Bool = false) -> PolicyDate? {
        guard let node = node(key) else {
            if required { diagnostics.append(.error("missing required field '\(key)'", at: mappingLocation)) }
            return nil
        }
        guard let s = node.string, let d = PolicyDate(iso: s.trimmingCharacters(in: .whitespaces)) else {
            diagnostics.append(.error("'\(key)' is not a date: write YYYY-MM-DD (2025-09-15) or YYYY-MM (2025-09)", at: location(of: node)))
            return nil
        }
        return d
    }

    /// A list of text values; a single text value counts as a list of one.
    mutating func strings(_ key: String) -> [(String, SourceLocation)] {
        guard let node = node(key) else { return [] }
        if let s = node.string { return s.isEmpty ? [] : [(s, location(of: node))] }
        guard let seq = node.sequence else {
            diagnostics.append(.error("'\(key)' must be a list, like [staff, governors]", at: location(of: node)))
            return []
        }
        var out: [(String, SourceLocation)] = []
        for item in seq {
            if let s = item.string { out.append((s, location(of: item))) } else {
                diagnostics.append(.error("each entry of '\(key)' must be text", at: location(of: item)))
            }
        }
        return out
    }

    /// A list of mappings, each read with its own `YAMLFields`.
    mutating func mappings(_ key: String) -> [YAMLFields] {
        guard let node = node(key) else { return [] }
        guard let seq = node.sequence else {
            diagnostics.append(.error("'\(key)' must be a list of entries ('- name: …')", at: location(of: node)))
            return []
        }
        var out: [YAMLFields] = []
        for item in seq {
            guard let m = item.mapping else {
                diagnostics.append(.error("each entry of '\(key)' must be 'key: value' lines", at: location(of: item)))
                continue
            }
            out.append(YAMLFields(mapping: m, node: item, parent: self))
        }
        return out
    }

    private init(mapping: [YAMLNode.Pair], node: YAMLNode, parent: YAMLFields) {
        path = parent.path
        lineOffset = parent.lineOffset
        mappingLocation = parent.location(of: node)
        for pair in mapping {
            if let key = pair.key.string { pairs.append((key, pair.key, pair.value)) }
        }
    }

    mutating func appendDiagnostic(_ d: Diagnostic) { diagnostics.append(d) }

    /// Warnings for keys nobody asked for (usually a typo), plus every diagnostic so far.
    func finish(known: String) -> [Diagnostic] {
        var out = diagnostics
        for pair in pairs where !used.contains(pair.key) {
            out.append(.warning("unknown field '\(pair.key)' (known fields: \(known))", at: location(of: pair.keyNode)))
        }
        return out
    }
}
