/// A template's output handed to another template (a page's content, to the layout) as the bytes
/// it was rendered into, so it is not decoded into a String and copied back. Written as a String
/// with the same text would be: unescaped as it is, escaped through its description.
struct RenderedHTML: CustomStringConvertible, Sendable {
    var bytes: [UInt8]

    var description: String { String(decoding: bytes, as: UTF8.self) }
}
