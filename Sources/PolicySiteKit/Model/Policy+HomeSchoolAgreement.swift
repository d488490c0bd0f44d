import Markdown

/// A section of a policy written for a Home School Agreement: its heading's anchor and the blocks
/// under the heading, up to the next heading of the same or a higher level.
public struct HomeSchoolAgreementSection: Sendable {
    public var anchor: Anchor
    public var blocks: [Block]
}

extension Policy {
    /// Sections whose heading names a Home School Agreement ("Suggested Section for Insertion in
    /// Home School Agreement or School Brochure"; "Home-School Agreement", "Home/School agreement").
    public var homeSchoolAgreementSections: [HomeSchoolAgreementSection] {
        let blocks = document.blocks
        var sections: [HomeSchoolAgreementSection] = []
        let top = BlockPath([])
        for i in blocks.indices {
            guard case .heading = blocks[i], let anchor = outline.anchor(at: top.appending(i)),
                  Self.namesHomeSchoolAgreement(anchor.title) else { continue }
            var j = i + 1
            while j < blocks.count {
                if case .heading = blocks[j], let next = outline.anchor(at: top.appending(j)), next.level <= anchor.level { break }
                j += 1
            }
            sections.append(HomeSchoolAgreementSection(anchor: anchor, blocks: Array(blocks[(i + 1)..<j])))
        }
        return sections
    }

    static func namesHomeSchoolAgreement(_ title: String) -> Bool {
        // Most headings do not have the word at all: a byte check first, with nothing copied.
        // (No other character lower-cases to the ASCII letters of "agreement"; and as its "a"
        // comes only first, a partial match that fails can only start again at an "a".)
        let agreement: StaticString = "agreement"
        let found = agreement.withUTF8Buffer { word -> Bool in
            var matched = 0
            for b in title.utf8 {
                let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                if lower == word[matched] {
                    matched += 1
                    if matched == word.count { return true }
                } else {
                    matched = lower == word[0] ? 1 : 0
                }
            }
            return false
        }
        guard found else { return false }
        let words = title.lowercased().split { !$0.isLetter }
        return words.indices.contains { i in i + 2 < words.count && words[i] == "home" && words[i + 1] == "school" && words[i + 2] == "agreement" }
    }
}
