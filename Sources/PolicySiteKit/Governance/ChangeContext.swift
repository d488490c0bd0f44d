/// Template entries for a comparison's changes, with word-level `<ins>`/`<del>` marks that screen
/// readers announce (each mark carries visually hidden "inserted"/"deleted" words).
enum ChangeContext {
    /// How each kind of change is named on a page.
    struct KindLabels {
        var added = "Added"
        var removed = "Removed"
        var reworded = "Reworded"

        func label(_ kind: TextComparison.Change.Kind) -> String {
            switch kind {
            case .added: added
            case .removed: removed
            case .reworded: reworded
            }
        }
    }

    /// One entry per change. `oldPage`/`newPage` are where the older and newer texts are published;
    /// `keepIDs` gives a removed clause its old id, so a permalink to it lands on the note that it went.
    static func entries(_ comparison: TextComparison, on page: SitePath, oldPage: SitePath, newPage: SitePath,
                        labels: KindLabels = KindLabels(), keepIDs: Set<String>? = nil) -> [[String: Any]] {
        comparison.changes.map { change in
            var entry: [String: Any] = [
                "kind": change.kind.rawValue,
                "kindLabel": labels.label(change.kind),
            ]
            let main = change.new ?? change.old
            entry["label"] = main?.label ?? ""
            if let new = change.new {
                entry["newHref"] = page.link(to: newPage, fragment: new.placeID)
            }
            if let old = change.old {
                entry["oldHref"] = page.link(to: oldPage, fragment: old.placeID)
                entry["oldLabel"] = old.label
            }
            entry["hasNewHref"] = change.new != nil
            entry["hasOldHref"] = change.old != nil
            entry["hasOtherLabel"] = change.kind == .reworded
            switch change.kind {
            case .reworded: entry["html"] = change.words.map(html) ?? ""
            // A whole unit added or removed is named so by its entry; only its text is shown.
            case .added: entry["html"] = HTML.escape(change.new?.text ?? "")
            case .removed: entry["html"] = HTML.escape(change.old?.text ?? "")
            }
            var id = ""
            if let keepIDs, change.kind == .removed, let anchor = change.old?.anchor, !keepIDs.contains(anchor.id) { id = anchor.id }
            entry["id"] = id
            entry["hasID"] = !id.isEmpty
            return entry
        }
    }

    /// The word diff as HTML: unchanged text plain, deletions in `<del>`, insertions in `<ins>`.
    static func html(_ diff: WordDiff) -> String {
        var out = ""
        for piece in diff.pieces {
            if piece.spaceBefore { out += " " }
            switch piece.kind {
            case .same: out += HTML.escape(piece.text)
            case .inserted: out += marked(piece.text, inserted: true)
            case .deleted: out += marked(piece.text, inserted: false)
            }
        }
        return out
    }

    /// `<ins>`/`<del>` with words a screen reader speaks at its start and end.
    static func marked(_ text: String, inserted: Bool) -> String {
        let (tag, word) = inserted ? ("ins", "inserted") : ("del", "deleted")
        return "<\(tag)><span class=\"visually-hidden\">[\(word): </span>\(HTML.escape(text))<span class=\"visually-hidden\">]</span></\(tag)>"
    }

    /// "2 added, 1 removed and 3 reworded"; "no changes to the text".
    static func summary(_ comparison: TextComparison, labels: KindLabels = KindLabels()) -> String {
        let parts = [(comparison.added.count, "added"), (comparison.removed.count, "removed"), (comparison.reworded.count, "reworded")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        guard !parts.isEmpty else { return "No changes to the text." }
        let list = parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
        return "\(list) (\(comparison.changes.count == 1 ? "1 change" : "\(comparison.changes.count) changes") in all)."
    }
}
