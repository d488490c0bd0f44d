import Markdown
import Testing
@testable import PolicySiteKit

/// Structure detection over the clause shapes the five seed policies really use.
@Suite struct OutlineDetectionTests {
    struct Shape: CustomTestStringConvertible, Sendable {
        var markdown: String
        var expectedID: String?
        var testDescription: String { markdown.replacingOccurrences(of: "\n", with: "⏎") }
    }

    static let shapes: [Shape] = [
        Shape(markdown: "## 5. Personal use of social media", expectedID: "section-5"),
        Shape(markdown: "## 12.   Health and Safety guidance on using IT devices", expectedID: "section-12"),
        Shape(markdown: "## 1 Introduction", expectedID: "section-1"),
        Shape(markdown: "### 9.9. Dealing with Inappropriate References to the School Staff", expectedID: "clause-9.9"),
        Shape(markdown: "### 9.9.3 Responding to Specific Concerns", expectedID: "clause-9.9.3"),
        Shape(markdown: "5.12 Staff should not accept any current pupil of any age", expectedID: "clause-5.12"),
        Shape(markdown: "11.8 The School reserves the right to withhold", expectedID: "clause-11.8"),
        Shape(markdown: "10.2 The seriousness of the breach will be considered", expectedID: "clause-10.2"),
        Shape(markdown: "- 5.1 Staff employed by the School are entitled", expectedID: "clause-5.1"),
        Shape(markdown: "**2.1** The purpose of this policy", expectedID: "clause-2.1"),
        Shape(markdown: "## Appendix 2", expectedID: "appendix-2"),
        Shape(markdown: "## Appendix B – Relevant legislation", expectedID: "appendix-b"),
        Shape(markdown: "## APPENDIX 1", expectedID: "appendix-1"),
        Shape(markdown: "## Section 4: Appendices", expectedID: "section-4"),
        Shape(markdown: "## Rationale", expectedID: "rationale"),
        Shape(markdown: "### Suggested Section for Insertion in Home School Agreement or School Brochure", expectedID: "suggested-section-for-insertion-in-home-school-agreement-or-school-brochure"),
        Shape(markdown: "### Copyright, designs and patents Act 1988", expectedID: "copyright-designs-and-patents-act-1988"),
        Shape(markdown: "The Protection from Harassment act 1997", expectedID: nil),
        Shape(markdown: "2020 was the year the policy was signed.", expectedID: nil),
        Shape(markdown: "Appendix 2 lists the service providers.", expectedID: nil),
        Shape(markdown: "a) Keep calm", expectedID: nil),
    ]

    static func outline(_ markdown: String) throws -> (Outline, [Diagnostic]) {
        let document = try MarkdownDocument.parse(markdown)
        var detector = OutlineDetector(path: "p.md", lineOffset: 0)
        detector.detect(document.blocks)
        return (detector.outline, detector.diagnostics)
    }

    @Test(arguments: shapes)
    func detectsSeedShape(_ shape: Shape) throws {
        let (outline, _) = try Self.outline(shape.markdown)
        #expect(outline.anchors.first?.id == shape.expectedID)
    }

    @Test func letteredStepsBelongToTheClauseAbove() throws {
        let (outline, _) = try Self.outline("### 9.9.3 Responding to Specific Concerns\n\n#### a) Keep calm\n\ntext\n\n#### b) Gather Evidence\n\nb) second b\n")
        #expect(outline.anchors.map(\.id) == ["clause-9.9.3", "clause-9.9.3-a", "clause-9.9.3-b", "clause-9.9.3-b-2"])
        #expect(outline.anchors[1].number == "9.9.3a")
    }

    @Test func stepsUnderASectionUseTheSectionID() throws {
        let (outline, _) = try Self.outline("## 3. Duties\n\na) first duty\n\nb) second duty\n")
        #expect(outline.anchors.map(\.id) == ["section-3", "section-3-a", "section-3-b"])
    }

    @Test func duplicateClauseNumberWarnsAtTheSecondOne() throws {
        let (outline, diagnostics) = try Self.outline("5.1 First.\n\n5.1 Again.\n")
        #expect(outline.anchors.map(\.id) == ["clause-5.1", "clause-5.1-2"])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == SourceLocation(path: "p.md", line: 3, column: 1))
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func headingLevelsNeverSkip() throws {
        let (outline, _) = try Self.outline("# Top\n\n#### Deep\n\n## Back\n")
        #expect(outline.anchors.map(\.level) == [2, 3, 2])
    }

    @Test func headingSlugsAreUniqueAndAvoidTemplateIDs() throws {
        let (outline, _) = try Self.outline("## Contents\n\n## Notes\n\n## Notes\n\n## Top\n")
        #expect(outline.anchors.map(\.id) == ["contents", "notes", "notes-2", "top-2"])
    }

    @Test func clauseTitleIsTheFirstSentence() throws {
        let (outline, _) = try Self.outline("5.4 Any communication received must be reported. Then more.\n")
        #expect(outline.anchors.first?.title == "Any communication received must be reported.")
    }
}

/// Block paths are packed while they fit (eight levels, indices below 65,535) and kept as indices
/// beyond: either way a path built step by step equals the one built from its indices.
@Suite struct BlockPathTests {
    @Test(arguments: [[], [0], [3, 1, 4], [1, 2, 3, 4, 5, 6, 7, 8], [1, 2, 3, 4, 5, 6, 7, 8, 9], [70_000], [2, 65_535, 1], [65_534, 0]])
    func pathsRoundTripAndCompare(_ indices: [Int]) {
        let stepped = indices.reduce(BlockPath([])) { $0.appending($1) }
        #expect(stepped == BlockPath(indices))
        #expect(stepped.hashValue == BlockPath(indices).hashValue)
        #expect(stepped.indices == indices)
        #expect(stepped.appending(0) != stepped)
        var walked = BlockPath([])
        for i in indices { walked.append(i); walked.append(70_000); walked.removeLast() }
        #expect(walked == stepped)
        if !indices.isEmpty {
            walked.removeLast()
            #expect(walked == BlockPath(Array(indices.dropLast())))
        }
        if let last = indices.last {
            #expect(BlockPath(indices.dropLast() + [last + 1]) != stepped)
        }
    }
}
