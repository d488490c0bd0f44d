extension YAMLNode {
    /// The root mapping of `yaml` when it is written in the plain form nearly every front matter
    /// and school file takes, read without a YAML parser; nil for anything else, which Yams reads.
    ///
    /// The form: `key: value` lines (keys of ASCII letters, digits, `_` and `-`), each value a
    /// plain scalar on its line, a quoted one without escapes, a flow list of plain words
    /// (`[staff, governors]`), or, after `key:` alone, a block list (`- item` or `- key: value`
    /// lines, the entries' further keys under the first) or a mapping indented by two spaces;
    /// whole-line comments and blank lines. Anything else (a tab, a carriage return, a comment
    /// after a value, an indicator such as `&`, `*`, `!`, `|` or `>`, a scalar over several lines,
    /// a key given twice or of more than 128 characters, an empty value) gives nil, so what this
    /// reads is exactly what Yams reads (`YAMLNodeTests` compares the two).
    static func simple(_ yaml: String) -> YAMLNode? {
        var reader = SimpleYAMLReader(Array(yaml.utf8))
        return reader.document()
    }
}

/// Reads the form `YAMLNode.simple` accepts, line by line; every failure is nil.
private struct SimpleYAMLReader {
    /// A line with content (not blank, not a comment): its bytes, number (from 1) and indentation.
    struct Line {
        var bytes: ArraySlice<UInt8>
        var number: Int
        var indent: Int
        /// The bytes after the indentation, trailing spaces removed.
        var content: ArraySlice<UInt8> { bytes.dropFirst(indent) }
    }

    private var lines: [Line] = []
    private var next = 0
    private let usable: Bool

    init(_ bytes: [UInt8]) {
        usable = Self.isPlain(bytes)
        guard usable else { return }
        var number = 0
        for raw in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            var line = raw
            while line.last == 0x20 { line.removeLast() }
            let indent = line.prefix { $0 == 0x20 }.count
            guard indent < line.count, line[line.startIndex + indent] != UInt8(ascii: "#") else { continue }
            lines.append(Line(bytes: line, number: number, indent: indent))
        }
    }

    /// No tab, carriage return or other control character, no byte order mark, no character YAML
    /// reads as a line break or refuses (U+0080–U+009F, U+2028, U+2029, U+FFFE, U+FFFF), and
    /// nothing beyond U+FFFF.
    private static func isPlain(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x20 && b != 0x0A || b == 0x7F || b >= 0xF0 { return false }
            if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] < 0xA0 { return false }
            if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return false }
            if b == 0xEF, i + 2 < bytes.count,
               bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF || bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE { return false }
            i += 1
        }
        return true
    }

    mutating func document() -> YAMLNode? {
        guard usable, let first = lines.first, first.indent == 0 else { return nil }
        guard let pairs = mapping(indent: 0), next == lines.count else { return nil }
        return YAMLNode(.mapping(pairs), line: first.number, column: 1)
    }

    /// The `key: value` lines at `indent`, and what belongs to each.
    private mutating func mapping(indent: Int) -> [YAMLNode.Pair]? {
        var pairs: [YAMLNode.Pair] = []
        var keys: Set<ArraySlice<UInt8>> = []
        while next < lines.count, lines[next].indent == indent {
            let line = lines[next]
            guard let (key, rest) = Self.key(line.content), keys.insert(key).inserted else { return nil }
            next += 1
            let keyNode = YAMLNode(.scalar(String(decoding: key, as: UTF8.self)), line: line.number, column: indent + 1)
            let value: YAMLNode
            if let rest {
                guard let scalar = Self.value(rest, line: line) else { return nil }
                value = scalar
            } else {
                // `key:` alone: a block list, or (under a top-level key) a mapping two spaces in.
                guard next < lines.count else { return nil }
                let below = lines[next]
                if below.content.first == UInt8(ascii: "-"), below.indent == indent || below.indent == indent + 2 {
                    guard let items = sequence(indent: below.indent) else { return nil }
                    value = YAMLNode(.sequence(items), line: below.number, column: below.indent + 1)
                } else if indent == 0, below.indent == 2 {
                    guard let inner = scalarMapping(indent: 2) else { return nil }
                    value = YAMLNode(.mapping(inner), line: below.number, column: 3)
                } else {
                    return nil
                }
            }
            pairs.append(YAMLNode.Pair(key: keyNode, value: value))
        }
        // A line indented further than this mapping's keys, not read as part of a value.
        if next < lines.count, lines[next].indent > indent { return nil }
        return pairs
    }

    /// `mapping(indent:)` when every value is a scalar (nothing nests deeper here).
    private mutating func scalarMapping(indent: Int) -> [YAMLNode.Pair]? {
        guard let pairs = mapping(indent: indent), pairs.allSatisfy({ $0.value.string != nil }) else { return nil }
        return pairs
    }

    /// The `- ` entries at `indent`: scalars, or mappings whose further keys line up under the first.
    private mutating func sequence(indent: Int) -> [YAMLNode]? {
        var items: [YAMLNode] = []
        while next < lines.count, lines[next].indent == indent, lines[next].content.first == UInt8(ascii: "-") {
            let line = lines[next]
            let afterDash = line.content.dropFirst()
            let spaces = afterDash.prefix { $0 == 0x20 }.count
            guard spaces > 0, spaces < afterDash.count else { return nil }
            let itemIndent = indent + 1 + spaces
            let item = afterDash.dropFirst(spaces)
            if Self.key(item) != nil {
                // The entry's first key sits after the dash; its other keys line up under it.
                lines[next].indent = itemIndent
                guard let pairs = scalarMapping(indent: itemIndent) else { return nil }
                items.append(YAMLNode(.mapping(pairs), line: line.number, column: itemIndent + 1))
            } else {
                guard let scalar = Self.scalar(item, line: line.number, column: itemIndent + 1) else { return nil }
                next += 1
                items.append(scalar)
            }
        }
        if next < lines.count, lines[next].indent > indent { return nil }
        return items
    }

    /// `key:` at the start of `content`, and what follows `: ` (nil when nothing does); nil when
    /// `content` does not start with a key.
    private static func key(_ content: ArraySlice<UInt8>) -> (key: ArraySlice<UInt8>, rest: ArraySlice<UInt8>?)? {
        guard let first = content.first, isLetter(first) || first == UInt8(ascii: "_") else { return nil }
        let key = content.prefix { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
        // libyaml refuses a key of more than 1,024 characters (a simple key goes stale); no real
        // key comes near this bound, and a longer one is left to Yams, which reports it.
        guard key.count <= maximumKeyLength else { return nil }
        let afterKey = content.dropFirst(key.count)
        guard afterKey.first == UInt8(ascii: ":") else { return nil }
        let afterColon = afterKey.dropFirst()
        if afterColon.isEmpty { return (key, nil) }
        guard afterColon.first == 0x20 else { return nil }
        return (key, afterColon.drop { $0 == 0x20 })
    }

    /// A value on the key's line: a scalar or a flow list.
    private static func value(_ text: ArraySlice<UInt8>, line: Line) -> YAMLNode? {
        let column = text.startIndex - line.bytes.startIndex + 1
        if text.first == UInt8(ascii: "[") { return flowList(text, line: line.number, column: column) }
        return scalar(text, line: line.number, column: column)
    }

    /// `[word, word]`: plain words of ASCII letters, digits, spaces, `_`, `.` and `-`.
    private static func flowList(_ text: ArraySlice<UInt8>, line: Int, column: Int) -> YAMLNode? {
        guard text.count >= 2, text.last == UInt8(ascii: "]") else { return nil }
        let inner = text.dropFirst().dropLast()
        var items: [YAMLNode] = []
        if !inner.allSatisfy({ $0 == 0x20 }) {
            for raw in inner.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
                var item = raw.drop { $0 == 0x20 }
                while item.last == 0x20 { item.removeLast() }
                guard let first = item.first, isLetter(first) || isDigit(first),
                      item.allSatisfy({ isLetter($0) || isDigit($0) || $0 == 0x20 || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") })
                else { return nil }
                items.append(YAMLNode(.scalar(String(decoding: item, as: UTF8.self)), line: line, column: column + (item.startIndex - text.startIndex)))
            }
        }
        return YAMLNode(.sequence(items), line: line, column: column)
    }

    /// A scalar that is the rest of its line: quoted without escapes, or plain.
    private static func scalar(_ text: ArraySlice<UInt8>, line: Int, column: Int) -> YAMLNode? {
        guard let first = text.first else { return nil }
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            let inner = text.dropFirst().dropLast()
            guard text.count >= 2, text.last == first, !inner.contains(first), !inner.contains(UInt8(ascii: "\\")) else { return nil }
            return YAMLNode(.scalar(String(decoding: inner, as: UTF8.self)), line: line, column: column)
        }
        guard !indicators.contains(first), text.last != UInt8(ascii: ":") else { return nil }
        // ": " would start a mapping and " #" a comment.
        var previous: UInt8 = 0
        for b in text {
            if previous == UInt8(ascii: ":") && b == 0x20 || previous == 0x20 && b == UInt8(ascii: "#") { return nil }
            previous = b
        }
        return YAMLNode(.scalar(String(decoding: text, as: UTF8.self)), line: line, column: column)
    }

    /// The longest key read here.
    private static let maximumKeyLength = 128

    /// Characters that cannot start a plain scalar here.
    private static let indicators: [UInt8] = Array("-?:,[]{}#&*!|>'\"%@`".utf8)

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
