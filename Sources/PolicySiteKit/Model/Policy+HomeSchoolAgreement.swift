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
        for (i, block) in blocks.enumerated() {
            guard case .heading = block, let anchor = outline.anchor(at: BlockPath([i])),
                  Self.namesHomeSchoolAgreement(anchor.title) else { continue }
            var j = i + 1
            while j < blocks.count {
                if case .heading = blocks[j], let next = outline.anchor(at: BlockPath([j])), next.level <= anchor.level { break }
                j += 1
            }
            sections.append(HomeSchoolAgreementSection(anchor: anchor, blocks: Array(blocks[(i + 1)..<j])))
        }
        return sections
    }

    static func namesHomeSchoolAgreement(_ title: String) -> Bool {
        // Most headings do not have the word at all: a byte check first. (No other character
        // lower-cases to the ASCII letters of "agreement".)
        let agreement = Array("agreement".utf8)
        let bytes = Array(title.utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        guard bytes.count >= agreement.count,
              (0...(bytes.count - agreement.count)).contains(where: { bytes[$0..<($0 + agreement.count)].elementsEqual(agreement) }) else { return false }
        let words = title.lowercased().split { !$0.isLetter }
        return words.indices.contains { i in i + 2 < words.count && words[i] == "home" && words[i + 1] == "school" && words[i + 2] == "agreement" }
    }
}
