/// Reads Mustache text into `CompiledTemplate` nodes, Character by Character, with the rules of
/// swift-mustache 2.1.1 (which the site used before), so that every template renders as it did:
/// a section, comment, partial or delimiter tag alone on its line takes the line with it, and the
/// indentation before a partial alone on its line indents every line of the partial. Transforms
/// (`{{reversed(list)}}`), template inheritance (`{{< parent}}`, `{{$ block}}`) and pragmas
/// (`{{% … }}`) are reported as errors.
struct TemplateParser {
    /// A template that cannot be read, with the place the problem was found (line and column
    /// count from 1; columns count Unicode scalars, as `TemplateTag` does).
    struct SyntaxError: Error, Equatable {
        var message: String
        var line: Int
        var column: Int
    }

    /// Parses `text`.
    static func parse(_ text: String) throws(SyntaxError) -> CompiledTemplate {
        var parser = TemplateParser(chars: Array(text))
        return CompiledTemplate(nodes: try parser.parse(State()))
    }

    /// What a section's parse carries: the section it is in, whether the reader is at the start
    /// of a line (only spaces and tabs read so far), and the delimiters in force.
    private struct State {
        var section: (name: String, tag: Int)?
        var depth = 0
        var newLine = true
        var open: [Character] = ["{", "{"]
        var close: [Character] = ["}", "}"]

        func delimiters() -> String { String(open) + " " + String(close) }
    }

    private let chars: [Character]
    private var pos = 0
    /// Where the tag being read starts (its opening delimiter), for errors.
    private var tagStart = 0

    private init(chars: [Character]) { self.chars = chars }

    private var atEnd: Bool { pos == chars.count }
    private var current: Character { pos < chars.count ? chars[pos] : "\0" }

    // MARK: Tags

    private mutating func parse(_ initial: State) throws(SyntaxError) -> [CompiledTemplate.Node] {
        var nodes: [CompiledTemplate.Node] = []
        var state = initial
        var whiteSpace = ""
        func flushWhiteSpace() {
            if !whiteSpace.isEmpty { nodes.append(.text(Array(whiteSpace.utf8))) }
            whiteSpace = ""
        }
        while !atEnd {
            if state.newLine { whiteSpace = read { $0 == " " || $0 == "\t" } }
            let text = try readText(state)
            if current.isNewline {
                nodes.append(.text(Array((whiteSpace + text + String(current)).utf8)))
                state.newLine = true
                pos += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array((whiteSpace + text).utf8)))
                whiteSpace = ""
                state.newLine = false
            }
            if atEnd { break }
            let tag = pos - state.open.count
            tagStart = tag
            var standalone = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                pos += 1
                let name = try readName(state, tag: tag)
                standalone = isStandalone(state)
                if !standalone { flushWhiteSpace() }
                guard state.depth < Self.maximumDepth else {
                    throw error("sections nest more than \(Self.maximumDepth) deep here", at: tag)
                }
                var inner = state
                inner.section = (name, tag)
                inner.depth += 1
                inner.newLine = standalone
                let children = try parse(inner)
                nodes.append(.section(TemplateName(name), children, inverted: inverted))
            case "/":
                pos += 1
                let name = try readName(state, tag: tag)
                guard let section = state.section else {
                    throw error("'\(String(state.open))/\(name)\(String(state.close))' closes a section that was never opened", at: tag)
                }
                guard name == section.name else {
                    let (line, column) = place(of: section.tag)
                    throw error("'\(String(state.open))/\(name)\(String(state.close))' does not close the section '\(String(state.open))#\(section.name)\(String(state.close))' opened at line \(line), column \(column)", at: tag)
                }
                if !isStandalone(state) { flushWhiteSpace() }
                return nodes
            case "!":
                pos += 1
                guard skip(past: state.close) else { throw error("this comment is never closed with '\(String(state.close))'", at: tag) }
                standalone = isStandalone(state)
            case "{", "&":
                flushWhiteSpace()
                let triple = current == "{"
                pos += 1
                let name = try readName(state, tag: tag)
                if triple {
                    guard !atEnd else { throw endedInTag() }
                    guard current == "}" else { throw error("expected '}' to end this '{{{…}}}' tag", at: pos) }
                    pos += 1
                }
                nodes.append(.variable(TemplateName(name), escaped: false))
            case ">":
                pos += 1
                _ = read(while: \.isWhitespace)
                let dynamic = current == "*"
                if dynamic { pos += 1 }
                let name = try readName(state, tag: tag, partial: true)
                if !whiteSpace.isEmpty { nodes.append(.text(Array(whiteSpace.utf8))) }
                standalone = isStandalone(state)
                let indentation = standalone ? Array(whiteSpace.utf8) : nil
                nodes.append(dynamic ? .dynamicPartial(TemplateName(name), indentation: indentation)
                                     : .partial(name: name, indentation: indentation))
                whiteSpace = ""
            case "=":
                pos += 1
                try setDelimiters(&state, tag: tag)
                standalone = isStandalone(state)
            case "<", "$":
                throw error("template inheritance ('\(String(state.open))\(current)') is not supported; use a partial ('\(String(state.open))> name\(String(state.close))')", at: tag)
            case "%":
                throw error("pragmas ('\(String(state.open))%') are not supported", at: tag)
            default:
                flushWhiteSpace()
                let name = try readName(state, tag: tag)
                nodes.append(.variable(TemplateName(name), escaped: true))
            }
            state.newLine = standalone
        }
        if let section = state.section {
            throw error("the section '\(String(state.open))#\(section.name)\(String(state.close))' is never closed (expected '\(String(state.open))/\(section.name)\(String(state.close))')", at: section.tag)
        }
        return nodes
    }

    /// Text up to a newline (not read) or the start of a tag (read).
    private mutating func readText(_ state: State) throws(SyntaxError) -> String {
        var text = ""
        let first = state.open[0]
        while !atEnd {
            text += read { $0 != "\n" && $0 != "\r\n" && $0 != first }
            if current.isNewline { break }
            if current == first {
                tagStart = pos
                if try read(state.open) { break }
                text.append(first)
                pos += 1
            }
        }
        return text
    }

    /// A tag's name and the closing delimiter after it.
    private mutating func readName(_ state: State, tag: Int, partial: Bool = false) throws(SyntaxError) -> String {
        let allowed = partial ? Self.partialNameCharacters : Self.nameCharacters
        _ = read(while: \.isWhitespace)
        let name = read { allowed.contains($0) }
        _ = read(while: \.isWhitespace)
        guard try read(state.close) else {
            throw error("expected '\(String(state.close))' to end this tag after the name '\(name)' (a name has letters, digits and . - _ ? *)", at: pos)
        }
        if !partial, name.contains(where: { $0 == "(" || $0 == ")" }) {
            throw error("transforms such as '\(name)' are not supported", at: tag)
        }
        return name
    }

    /// `{{=<% %>=}}`, after its `=`.
    private mutating func setDelimiters(_ state: inout State, tag: Int) throws(SyntaxError) {
        func invalid() -> SyntaxError { error("'\(String(state.open))=' must give two delimiters and end with '=\(String(state.close))', as in '\(String(state.open))=<% %>=\(String(state.close))'", at: tag) }
        _ = read(while: \.isWhitespace)
        let open = read { !$0.isWhitespace }
        guard !atEnd else { throw invalid() }
        _ = read(while: \.isWhitespace)
        let close = read { $0 != "=" && !$0.isWhitespace }
        guard !atEnd else { throw invalid() }
        _ = read(while: \.isWhitespace)
        guard current == "=" else { throw invalid() }
        pos += 1
        guard try read(state.close), !open.isEmpty, !close.isEmpty else { throw invalid() }
        state.open = Array(open)
        state.close = Array(close)
    }

    /// True, with the rest of the line read, for a tag alone on its line.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var p = pos
        while p < chars.count, chars[p] == " " || chars[p] == "\t" { p += 1 }
        guard p < chars.count, chars[p].isNewline else { return false }
        pos = p + 1
        return true
    }

    // MARK: Reading

    private mutating func read(while test: (Character) -> Bool) -> String {
        let start = pos
        while pos < chars.count, test(chars[pos]) { pos += 1 }
        return String(chars[start..<pos])
    }

    /// Reads `delimiter` if it comes next; the template ending before its length is an error.
    private mutating func read(_ delimiter: [Character]) throws(SyntaxError) -> Bool {
        guard chars.count - pos >= delimiter.count else { throw endedInTag() }
        guard chars[pos..<pos + delimiter.count].elementsEqual(delimiter) else { return false }
        pos += delimiter.count
        return true
    }

    /// Moves past the next `delimiter` (a match restarts only after a mismatch, as in
    /// swift-mustache), or returns false.
    private mutating func skip(past delimiter: [Character]) -> Bool {
        var matched = 0
        var p = pos
        while p < chars.count {
            if chars[p] == delimiter[matched] {
                matched += 1
                if matched == delimiter.count { pos = p + 1; return true }
            } else {
                matched = 0
            }
            p += 1
        }
        return false
    }

    // MARK: Errors

    private func endedInTag() -> SyntaxError {
        error("the template ends inside this tag", at: tagStart)
    }

    private func error(_ message: String, at index: Int) -> SyntaxError {
        let (line, column) = place(of: index)
        return SyntaxError(message: message, line: line, column: column)
    }

    /// Line and column (in Unicode scalars) of the Character at `index`.
    private func place(of index: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for c in chars[..<min(index, chars.count)] {
            if c.unicodeScalars.last == "\n" { line += 1; column = 1 } else { column += c.unicodeScalars.count }
        }
        return (line, column)
    }

    /// How deep sections may nest: each level is a level of recursion when parsing and rendering.
    static let maximumDepth = 100

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
}
