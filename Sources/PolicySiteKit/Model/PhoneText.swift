/// Telephone numbers in text as written in content ("020 8204 5221 Ex 2", "202 (pay monthly)"),
/// read into pieces: numbers that can be dialled from anywhere (linked as `tel:` in E.164 form,
/// `+442082045221`), network short codes (shown and dialled as written, never linked, because a
/// `tel:` link must be a full international number), and the words around them.
public enum PhoneText {
    public enum Piece: Sendable, Equatable {
        case text(String)
        /// A full number: as written, and in E.164 form (`+442089373330`).
        case number(written: String, e164: String)
        /// A network short code ("202", "4445"), dialled as written from a phone on that network.
        case shortCode(String)
        /// Looks like a telephone number but is not a valid one; `problem` says why.
        case malformed(written: String, problem: String)
    }

    /// The pieces of `text`, in order; joined, the written forms give back `text` exactly.
    public static func pieces(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var pendingText = ""
        var run: [Substring] = []
        func flushRun() {
            guard !run.isEmpty else { return }
            let written = run.joined(separator: " ")
            run = []
            switch classify(written) {
            case .text(let t): pendingText += t
            case let piece:
                if !pendingText.isEmpty { pieces.append(.text(pendingText)); pendingText = "" }
                pieces.append(piece)
            }
        }
        for (i, token) in text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            let core = token.prefix(token.count - trailingPunctuation(token))
            let tail = token.dropFirst(core.count)
            let numeric = isNumeric(core)
            // The space before a token is part of a number only between two of its groups.
            if i > 0, !(numeric && !run.isEmpty && !core.hasPrefix("+")) {
                flushRun()
                pendingText += " "
            }
            if numeric {
                run.append(core)
                if !tail.isEmpty {
                    flushRun()
                    pendingText += tail
                }
            } else {
                pendingText += token
            }
        }
        flushRun()
        if !pendingText.isEmpty { pieces.append(.text(pendingText)) }
        return pieces
    }

    /// The problems with the numbers in `text` (empty when every number is valid).
    public static func problems(in text: String) -> [String] {
        pieces(text).compactMap { if case .malformed(let w, let p) = $0 { "'\(w)' is not a valid UK telephone number: \(p)" } else { nil } }
    }

    /// The E.164 form of a number that is the whole of `text` (a `tel:` link's target), if valid.
    public static func e164(_ text: String) -> String? {
        let parts = pieces(text.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: ".", with: " "))
        let numbers = parts.compactMap { if case .number(_, let e) = $0 { e } else { nil } }
        let others = parts.filter { if case .text(let t) = $0 { !t.allSatisfy { $0 == " " } } else if case .number = $0 { false } else { true } }
        return numbers.count == 1 && others.isEmpty ? numbers[0] : nil
    }

    private static func trailingPunctuation(_ token: Substring) -> Int {
        token.reversed().prefix { ",.;:".contains($0) }.count
    }

    /// Digits, optionally a leading `+`, with hyphens or brackets: "020", "+44", "(0)20", "8204-5221".
    private static func isNumeric(_ token: Substring) -> Bool {
        guard token.contains(where: \.isASCIIDigit) else { return false }
        for (i, c) in token.enumerated() {
            if c.isASCIIDigit || c == "-" || c == "(" || c == ")" { continue }
            if c == "+" && i == 0 { continue }
            return false
        }
        return true
    }

    /// Classifies one run of number tokens.
    static func classify(_ written: String) -> Piece {
        let digits = String(written.filter(\.isASCIIDigit))
        let international = written.hasPrefix("+") || digits.hasPrefix("00")
        if international {
            var d = Substring(digits)
            if d.hasPrefix("00") { d = d.dropFirst(2) }
            if d.hasPrefix("44") {
                var national = d.dropFirst(2)
                if national.hasPrefix("0") { national = national.dropFirst() }
                if let problem = ukProblem(national) { return .malformed(written: written, problem: problem) }
                return .number(written: written, e164: "+44" + national)
            }
            guard (8...15).contains(d.count), d.first != "0" else {
                return .malformed(written: written, problem: "an international number has 8 to 15 digits after the +")
            }
            return .number(written: written, e164: "+" + d)
        }
        if digits.hasPrefix("0") {
            let national = digits.dropFirst()
            if let problem = ukProblem(national) { return .malformed(written: written, problem: problem) }
            return .number(written: written, e164: "+44" + national)
        }
        if digits.count <= 2 { return .text(written) }
        if digits.count <= 5 { return .shortCode(written) }
        return .malformed(written: written, problem: "a UK number starts with 0 (or +44); add the area code")
    }

    /// Why a UK national number (without its leading 0) is not valid, or nil.
    static func ukProblem(_ national: Substring) -> String? {
        guard let first = national.first else { return "it has no digits after the 0" }
        let count = national.count + 1
        let allowed: [Int]
        switch first {
        case "1": allowed = [10, 11]
        case "2", "3", "5", "7", "9": allowed = [11]
        case "8": allowed = national.hasPrefix("800") ? [10, 11] : [11]
        default: return "no UK numbers start 0\(first)"
        }
        guard allowed.contains(count) else {
            let want = allowed.map(String.init).joined(separator: " or ")
            return "a number starting 0\(first) has \(want) digits, this has \(count)"
        }
        return nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
