import Testing
@testable import Markdown

@Suite struct MarkdownParseTests {
    @Test func headingsParagraphsAndPositions() throws {
        let doc = try MarkdownDocument.parse("# Title\n\nFirst line\nsecond line.\n\n- a\n- b\n")
        #expect(doc.blocks.count == 3)
        guard case .heading(let h) = doc.blocks[0] else { Issue.record("not a heading"); return }
        #expect(h.level == 1 && h.content.plainText == "Title")
        #expect(h.position == SourcePosition(line: 1, column: 1))
        guard case .paragraph(let p) = doc.blocks[1] else { Issue.record("not a paragraph"); return }
        #expect(p.content.plainText == "First line second line.")
        #expect(p.position.line == 3)
        guard case .list(let l) = doc.blocks[2] else { Issue.record("not a list"); return }
        #expect(!l.isOrdered && l.items.count == 2 && l.isTight)
    }

    @Test func tableIsParsedWithHeaderAndRows() throws {
        let doc = try MarkdownDocument.parse("| A | B |\n|:--|--:|\n| 1 | 2 |\n| 3 | 4 |\n")
        guard case .table(let t) = doc.blocks.first else { Issue.record("not a table"); return }
        #expect(t.header.map(\.plainText) == ["A", "B"])
        #expect(t.rows.map { $0.map(\.plainText) } == [["1", "2"], ["3", "4"]])
        #expect(t.alignments == [.left, .right])
    }

    @Test func fencedBlockKeepsInfoAndContentLine() throws {
        let doc = try MarkdownDocument.parse("text\n\n```form staff \"Staff\"\nSigned:\n```\n")
        guard case .codeBlock(let c) = doc.blocks[1] else { Issue.record("not code"); return }
        #expect(c.info == "form staff \"Staff\"")
        #expect(c.literal == "Signed:\n")
        #expect(c.position.line == 3 && c.contentLine == 4)
    }

    @Test func typographyIsKeptAsWritten() throws {
        let doc = try MarkdownDocument.parse("Don't -- \"quote\" ’curly’\n")
        guard case .paragraph(let p) = doc.blocks[0] else { Issue.record("not a paragraph"); return }
        #expect(p.content.plainText == "Don't -- \"quote\" ’curly’")
    }

    @Test func autolinksAreMarked() throws {
        let doc = try MarkdownDocument.parse("See <https://example.org/a> and www.saferinternet.org.uk today.\n")
        guard case .paragraph(let p) = doc.blocks[0] else { Issue.record("not a paragraph"); return }
        let links = p.content.compactMap { if case .link(let l) = $0 { l } else { nil } }
        #expect(links.map(\.destination) == ["https://example.org/a", "http://www.saferinternet.org.uk"])
        #expect(links.allSatisfy { $0.isAutolink })
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let text = (0..<500).map { String(repeating: "  ", count: $0) + "- x" }.joined(separator: "\n")
        #expect(throws: MarkdownError.self) { try MarkdownDocument.parse(text) }
    }

    @Test func rawHTMLIsKeptAsHTMLNodesForTheCallerToDrop() throws {
        let doc = try MarkdownDocument.parse("<script>alert(1)</script>\n\nHi <b>x</b>\n")
        guard case .html = doc.blocks[0] else { Issue.record("not html"); return }
        guard case .paragraph(let p) = doc.blocks[1] else { Issue.record("not a paragraph"); return }
        #expect(p.content.contains { if case .html = $0 { true } else { false } })
    }
}

@Suite struct MarkdownConcurrencyTests {
    /// cmark-gfm has process-wide parser state; many parses at once must neither crash nor differ.
    @Test func concurrentParsesAgree() async throws {
        let text = "# T\n\n| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\nSee www.example.org and *x*.\n"
        let expected = try MarkdownDocument.parse(text).blocks.count
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<64 { group.addTask { try MarkdownDocument.parse(text).blocks.count } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts.allSatisfy { $0 == expected })
    }
}
