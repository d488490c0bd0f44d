/// A template's output handed to another template (a page's content, to the layout) as the bytes
/// it was rendered into, so it is not decoded into a String and copied back. Written as a String
/// with the same text would be: unescaped as it is, escaped through its description.
struct RenderedHTML: CustomStringConvertible, Sendable {
    var bytes: [UInt8]

    var description: String { String(decoding: bytes, as: UTF8.self) }
}

/// Where the layout puts a page's content: the layout is rendered first around this slot, and the
/// page's template then renders straight after the part before it, so a page's bytes are made in
/// one buffer instead of copied into the layout's (a large authority's clause index is megabytes).
/// Usable only where the content would be written as it is: raw (`{{{content}}}`), once, and not
/// in an indented partial; anywhere else the layout is rendered again around the content itself.
struct ContentSlot: Sendable {}
