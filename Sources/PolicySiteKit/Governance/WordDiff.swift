/// A word-level difference between two texts, for `<ins>`/`<del>` marks.
struct WordDiff: Sendable {
    /// A word or a punctuation mark, and whether white space came before it.
    struct Token: Sendable {
        var text: Substring
        var spaceBefore: Bool
        /// What equality compares: the text with typographic quotes made plain.
        var key: String { TextNormal.key(text) }
    }

    /// A run of unchanged, deleted or inserted words; `spaceBefore` is the space outside any mark.
    struct Piece: Equatable, Sendable {
        enum Kind: Equatable, Sendable { case same, inserted, deleted }
        var kind: Kind
        var text: String
        var spaceBefore: Bool
    }

    /// The runs in reading order; a deletion comes just before the insertion that replaces it.
    let pieces: [Piece]

    init(old: String, new: String) {
        let a = WordDiff.tokens(old), b = WordDiff.tokens(new)
        var interner = Interner<String>()
        let steps = Myers.diff(a.map { interner.id($0.key) }, b.map { interner.id($0.key) })
        var pieces: [Piece] = []
        var deleted: [Token] = [], inserted: [Token] = []
        func append(_ kind: Piece.Kind, _ tokens: [Token]) {
            guard let first = tokens.first else { return }
            var text = String(first.text)
            for t in tokens.dropFirst() { text += (t.spaceBefore ? " " : "") + t.text }
            if kind == .same, let last = pieces.last, last.kind == .same {
                pieces[pieces.count - 1].text += (first.spaceBefore ? " " : "") + text
            } else {
                pieces.append(Piece(kind: kind, text: text, spaceBefore: first.spaceBefore && !pieces.isEmpty))
            }
        }
        func flush() {
            append(.deleted, deleted); append(.inserted, inserted)
            deleted = []; inserted = []
        }
        for step in steps {
            switch step {
            case .equal(_, let j): flush(); append(.same, [b[j]])
            case .delete(let i): deleted.append(a[i])
            case .insert(let j): inserted.append(b[j])
            }
        }
        flush()
        self.pieces = pieces
    }

    /// True when the texts differ in more than white space and typographic quotes.
    var hasChanges: Bool { pieces.contains { $0.kind != .same } }

    /// Splits text into words and punctuation marks (each mark its own token).
    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var space = false
        var start: String.Index? = nil
        func close(_ end: String.Index) {
            if let s = start { tokens.append(Token(text: text[s..<end], spaceBefore: space)); space = false; start = nil }
        }
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c.isWhitespace {
                close(i)
                space = true
            } else if TextNormal.isMark(c) {
                close(i)
                tokens.append(Token(text: text[i...i], spaceBefore: space))
                space = false
            } else if start == nil {
                start = i
            }
            i = text.index(after: i)
        }
        close(text.endIndex)
        return tokens
    }
}

/// How texts are normalised before comparing: white space and typographic quotes do not count.
enum TextNormal {
    static func isMark(_ c: Character) -> Bool {
        ".,;:!?()[]\"“”".contains(c)
    }

    /// A token's comparison key.
    static func key<S: StringProtocol>(_ text: S) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{02BC}": out.unicodeScalars.append("'")
            case "\u{201C}", "\u{201D}": out.unicodeScalars.append("\"")
            case "\u{2013}", "\u{2014}": out.unicodeScalars.append("-")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A text's comparison key: its tokens' keys, one space apart.
    static func key(ofText text: String) -> String {
        WordDiff.tokens(text).map(\.key).joined(separator: " ")
    }
}
