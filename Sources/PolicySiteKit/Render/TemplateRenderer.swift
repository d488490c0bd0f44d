import Foundation

/// Renders compiled templates over `[String: Any]` contexts into UTF-8 bytes, with the semantics
/// of swift-mustache 2.1.1: a name is looked up from the innermost context outwards; a section
/// over an array repeats for each item, over `true` renders once, over `false`, nil, a missing key
/// or an empty array not at all, and over anything else (an empty string or 0 included) once with
/// the value as the innermost context; values are written as `String(describing:)` writes them.
/// The common value types (String, Bool, Int, dictionaries and arrays of them) are cast directly.
struct TemplateRenderer {
    /// One context on the stack; dictionaries are kept unboxed, as nearly every context is one.
    private enum Frame {
        case dictionary([String: Any])
        case value(Any)

        init(_ value: Any) {
            if let dictionary = value as? [String: Any] { self = .dictionary(dictionary) } else { self = .value(value) }
        }

        var value: Any {
            switch self {
            case .dictionary(let d): d
            case .value(let v): v
            }
        }

        func child(_ name: String) -> Any? {
            switch self {
            case .dictionary(let d): d[name]
            case .value(let v): v is String ? nil : TemplateRenderer.child(of: v, named: name)
            }
        }
    }

    private let templates: [CompiledTemplate]
    /// Each template's index in `templates`, by name.
    private let index: [String: Int]
    private var stack: [Frame]
    /// Where the lines of a partial alone on its line start, empty elsewhere.
    private var indentation: [UInt8] = []
    private(set) var output: [UInt8] = []
    /// Every lookup of a named key, and whether it found a value.
    private var keyUse: TemplateKeyUse
    /// Where a `ContentSlot` was written raw and unindented, in `output`; and whether one was
    /// written any other way (escaped, or in an indented partial).
    private var slotOffsets: [Int] = []
    private var slotMisused = false

    /// Renders the template named `name` over `context` after `prefix`; just `prefix` if there is
    /// no such template. The keys it looks up are noted in `keyUse`.
    static func render(_ name: String, in templates: [CompiledTemplate], index: [String: Int], context: [String: Any],
                       after prefix: [UInt8] = [], capacity: Int = 16_384, noting keyUse: inout TemplateKeyUse) -> [UInt8] {
        render(name, in: templates, index: index, context: context, after: prefix, capacity: capacity, noting: &keyUse).output
    }

    /// `render`, and the one place where a `ContentSlot` in the context was written, if it was
    /// written once and in a way the page's bytes can be put in its place (raw, unindented).
    static func render(_ name: String, in templates: [CompiledTemplate], index: [String: Int], context: [String: Any],
                       after prefix: [UInt8] = [], capacity: Int = 16_384,
                       noting keyUse: inout TemplateKeyUse) -> (output: [UInt8], slot: Int?) {
        guard let template = index[name] else { return (prefix, nil) }
        var renderer = TemplateRenderer(templates: templates, index: index, stack: [.dictionary(context)], keyUse: keyUse)
        // The renderer holds the only reference while it runs, so noting a lookup copies nothing.
        keyUse = TemplateKeyUse(slots: 0)
        renderer.output = prefix
        renderer.output.reserveCapacity(prefix.count + capacity)
        renderer.render(template, 0..<templates[template].steps.count)
        keyUse = renderer.keyUse
        let slot = renderer.slotOffsets.count == 1 && !renderer.slotMisused ? renderer.slotOffsets[0] : nil
        return (renderer.output, slot)
    }

    private init(templates: [CompiledTemplate], index: [String: Int], stack: [Frame], keyUse: TemplateKeyUse) {
        self.templates = templates
        self.index = index
        self.stack = stack
        self.keyUse = keyUse
    }

    /// Renders steps `range` of template `t`. Inside an indented partial, each step's output that
    /// starts a line (after a line feed that this call wrote) is indented first, as swift-mustache
    /// indents (a section's output counts as one step's).
    private mutating func render(_ t: Int, _ range: Range<Int>) {
        // Held here, so reading a step, its text or its name does not retain the template's
        // arrays each time.
        let steps = templates[t].steps, text = templates[t].text, names = templates[t].names
        var i = range.lowerBound
        guard !indentation.isEmpty else {
            while i < range.upperBound { i = render(t, steps[i], at: i, text: text, names: names) }
            return
        }
        let start = output.count
        while i < range.upperBound {
            let before = output.count
            i = render(t, steps[i], at: i, text: text, names: names)
            if output.count > before, before > start, output[before - 1] == 0x0A, before - 2 < start || output[before - 2] != 0x0D {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    /// Renders `step`, step `i` of template `t` (a section with its body), whose `text` and
    /// `names` are given; returns the step after it.
    private mutating func render(_ t: Int, _ step: CompiledTemplate.Step, at i: Int, text: [UInt8], names: [TemplateName]) -> Int {
        switch step {
        case .text(let start, let end):
            text.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(end)])) }
        case .variable(let name, let escaped):
            if let value = lookUp(names[Int(name)]) { write(value, escaped: escaped) }
        case .section(let name, let end, let inverted):
            let value = lookUp(names[Int(name)])
            let body = (i + 1)..<Int(end)
            if inverted { renderInverted(value, t, body) } else { renderSection(value, t, body) }
            return Int(end)
        case .partial(let template, let extra):
            if template >= 0 { renderPartial(Int(template), indentation: extra, of: t) }
        case .dynamicPartial(let name, let extra):
            if let name = lookUp(names[Int(name)]) as? String, let index = index[name] {
                renderPartial(index, indentation: extra, of: t)
            }
        }
        return i + 1
    }

    /// Renders template `template` as a partial of template `t`, with `t`'s indentation number
    /// `extra` (-1 for none) added to the current one.
    private mutating func renderPartial(_ template: Int, indentation extra: Int32, of t: Int) {
        let saved = indentation
        if extra >= 0 { indentation += templates[t].indentations[Int(extra)] }
        render(template, 0..<templates[template].steps.count)
        indentation = saved
    }

    private mutating func render(_ t: Int, _ body: Range<Int>, in frame: Frame) {
        stack.append(frame)
        render(t, body)
        stack.removeLast()
    }

    private mutating func renderSection(_ value: Any?, _ t: Int, _ body: Range<Int>) {
        guard let value else { return }
        if let items = value as? [[String: Any]] {
            for item in items { render(t, body, in: .dictionary(item)) }
        } else if let bool = value as? Bool {
            if bool { render(t, body) }
        } else if let dictionary = value as? [String: Any] {
            render(t, body, in: .dictionary(dictionary))
        } else if value is String {
            render(t, body, in: .value(value))
        } else if let items = (value as? any SectionSequence)?.sectionItems {
            for item in items { render(t, body, in: Frame(item)) }
        } else if !(value is NSNull) {
            render(t, body, in: .value(value))
        }
    }

    private mutating func renderInverted(_ value: Any?, _ t: Int, _ body: Range<Int>) {
        guard let value else { return render(t, body) }
        if let items = value as? [[String: Any]] {
            if items.isEmpty { render(t, body, in: .value(value)) }
        } else if let bool = value as? Bool {
            if !bool { render(t, body) }
        } else if value is String || value is [String: Any] {
            return
        } else if let items = (value as? any SectionSequence)?.sectionItems {
            if items.isEmpty { render(t, body, in: .value(value)) }
        } else if value is NSNull {
            render(t, body)
        }
    }

    /// Writes a value as swift-mustache does: `String(describing:)`, an optional unwrapped.
    private mutating func write(_ value: Any, escaped: Bool) {
        if let string = value as? String {
            if escaped { MustacheEscape.append(string, to: &output) } else { output.append(contentsOf: string.utf8) }
        } else if let int = value as? Int {
            output.append(contentsOf: String(int).utf8)
        } else if let bool = value as? Bool {
            output.append(contentsOf: (bool ? "true" : "false").utf8)
        } else if !escaped, let html = value as? RenderedHTML {
            output.append(contentsOf: html.bytes)
        } else if value is ContentSlot {
            if escaped || !indentation.isEmpty { slotMisused = true } else { slotOffsets.append(output.count) }
        } else if !(value is NSNull) {
            let text = String(describing: (value as? any OptionalValue)?.wrappedValue ?? value)
            if escaped { MustacheEscape.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        }
    }

    // MARK: Looking up names

    private mutating func lookUp(_ name: TemplateName) -> Any? {
        guard let first = name.parts.first else { return stack[stack.count - 1].value }
        var found: Any?
        if name.anchored {
            found = stack[stack.count - 1].child(first)
        } else {
            // By index, so no frame (and its dictionary) is copied on the way out.
            var k = stack.count - 1
            while k >= 0 {
                if let child = stack[k].child(first) { found = child; break }
                k -= 1
            }
        }
        keyUse.note(name.slot, found: found != nil)
        guard var value = found else { return nil }
        for part in name.parts.dropFirst() {
            guard let child = Self.child(of: value, named: part) else { return nil }
            value = child
        }
        return value
    }

    /// `object`'s value for `name`: a dictionary's entry, or the stored property of that name.
    static func child(of object: Any, named name: String) -> Any? {
        if let dictionary = object as? [String: Any] { return dictionary[name] }
        // Rendered HTML stands for a String, which has no stored properties to name.
        if object is NSNull || object is RenderedHTML { return nil }
        guard let child = Mirror(reflecting: object).children.first(where: { $0.label == name })?.value else { return nil }
        return (child as? any OptionalValue).map(\.wrappedValue) ?? child
    }
}

/// Arrays and sets: what a section repeats over (a String, though a sequence, is one value).
private protocol SectionSequence {
    var sectionItems: [Any] { get }
}

extension Array: SectionSequence { fileprivate var sectionItems: [Any] { map { $0 } } }
extension Set: SectionSequence { fileprivate var sectionItems: [Any] { map { $0 } } }
extension ReversedCollection: SectionSequence { fileprivate var sectionItems: [Any] { map { $0 } } }

/// An optional in an `Any`, to unwrap it.
private protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrappedValue: Any? { self }
}
