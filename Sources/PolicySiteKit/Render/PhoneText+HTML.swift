extension PhoneText {
    /// `text` as HTML: full numbers become `tel:` links in E.164 form, with the number shown as
    /// written; short codes and everything else are shown as written.
    static func html(_ text: String) -> String { html(pieces(text)) }

    /// `html(_:)` of text already read into pieces.
    static func html(_ pieces: [Piece]) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let t), .shortCode(let t), .malformed(let t, _): HTML.escape(t)
            case .number(let written, let e164): "<a class=\"tel\" href=\"tel:\(e164)\">\(HTML.escape(written))</a>"
            }
        }.joined()
    }
}
