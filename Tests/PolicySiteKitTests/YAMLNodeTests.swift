import Foundation
import Testing
@testable import PolicySiteKit

/// `YAMLNode.simple` reads plain front matter and school files without Yams: wherever it reads,
/// it must give exactly what Yams composes (values and where each starts), and anything outside
/// its form it must leave to Yams.
@Suite struct YAMLNodeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var testDescription: String { name }
    }

    /// Read directly, and the same as Yams reads them.
    static let read: [Case] = [
        Case(name: "a seed's front matter", yaml: "title: \"Digital Safety/Social Media and Acceptable Use of Property Policy\"\naudience: [staff, governors]\n"),
        Case(name: "a school file with a lead", yaml: "name: Ashley College\nkind: school\naddress: \"Ashley Gardens, Wembley, Middx, HA9 8NP\"\ndigital_safety_leads:\n  - name: Sasha Sharpe\n    phone: \"020 8937 3330\"\n"),
        Case(name: "dates and versions", yaml: "version: 1.0\nadopted: 2024-09-01\nreview_due: 2025-09\nadopted_by: Full Governing Body\n"),
        Case(name: "a list level with its key", yaml: "audience:\n- staff\n- parents\ntitle: T\n"),
        Case(name: "comments and blank lines", yaml: "# The school\n\nname: X\n  # indented comment\naudience:\n  - staff\n\n  # between\n  - governors\nkind: trust\n"),
        Case(name: "a mapping two spaces in", yaml: "names:\n  vodafone: \"Vodafone:\"\n  o2: O2\n"),
        Case(name: "punctuation in plain text", yaml: "title: Parents' \"Guide\", part 2 – Q&A, a:b, C#1 (50%) [draft]\nphone: 020 8204 5221 Ex 2\n"),
        Case(name: "spaces after the colon and at the end", yaml: "title:    Spaced out   \nname: 'He said \"hi\"'  \n"),
        Case(name: "an empty flow list and empty quotes", yaml: "audience: []\nchair: \"\"\nwebsite: ''\n"),
        Case(name: "entries with several keys", yaml: "providers:\n  -   name: Vodafone\n      id: vodafone\n      lost: 191\n  - name: O2\n    lost: \"202 (pay monthly)\"\nkind: data\n"),
        Case(name: "a flow list of words", yaml: "audience: [ staff , governors,parents, pupils-year-7 ]\n"),
        Case(name: "a list of plain and quoted text", yaml: "aliases:\n  - Computer Misuse Act\n  - \"Data Protection Act\"\n  - 'GDPR'\n"),
        Case(name: "text outside ASCII", yaml: "title: Café’s “policy” — naïve\nname: Ysgol Gymraeg\n"),
        Case(name: "keys with digits, hyphens and underscores", yaml: "key_2: a\nkey-3: b\n_private: c\n"),
        Case(name: "no line break at the end", yaml: "title: T"),
    ]

    /// Outside the form: left to Yams (which reads some of them, and refuses others).
    static let left: [Case] = [
        Case(name: "a comment after a value", yaml: "title: a # comment\n"),
        Case(name: "a block scalar", yaml: "title: |\n  text\n"),
        Case(name: "a folded scalar", yaml: "summary: >-\n  text\n"),
        Case(name: "an anchor", yaml: "title: &a x\n"),
        Case(name: "an alias", yaml: "title: *a\n"),
        Case(name: "a tag", yaml: "title: !tag x\n"),
        Case(name: "a tab", yaml: "title:\tx\n"),
        Case(name: "a carriage return", yaml: "title: x\r\nname: y\r\n"),
        Case(name: "an empty value", yaml: "title:\n"),
        Case(name: "an empty value before a key", yaml: "title:\nname: y\n"),
        Case(name: "an escape in double quotes", yaml: "title: \"a\\\"b\"\n"),
        Case(name: "a doubled quote in single quotes", yaml: "title: 'it''s'\n"),
        Case(name: "text after a closing quote", yaml: "title: \"a\" b\n"),
        Case(name: "a scalar over two lines", yaml: "title: a\n  b\n"),
        Case(name: "a key given twice", yaml: "title: a\ntitle: b\n"),
        Case(name: "a key given twice in an entry", yaml: "leads:\n  - name: a\n    name: b\n"),
        Case(name: "no space after the colon", yaml: "key:value\n"),
        Case(name: "a space before the colon", yaml: "key : value\n"),
        Case(name: "an explicit key", yaml: "? complex\n: value\n"),
        Case(name: "a list at the root", yaml: "- a\n- b\n"),
        Case(name: "a scalar at the root", yaml: "just text\n"),
        Case(name: "a mapping in a value", yaml: "title: x: y\n"),
        Case(name: "quotes in a flow list", yaml: "audience: [a, \"b\"]\n"),
        Case(name: "a list in a flow list", yaml: "audience: [a, [b]]\n"),
        Case(name: "a flow mapping", yaml: "names: {a: b}\n"),
        Case(name: "an empty flow entry", yaml: "audience: [a, , b]\n"),
        Case(name: "an indicator first", yaml: "title: -x\n"),
        Case(name: "a percent first", yaml: "title: %x\n"),
        Case(name: "a directive", yaml: "%YAML 1.2\n---\ntitle: x\n"),
        Case(name: "a document marker", yaml: "---\ntitle: x\n"),
        Case(name: "a byte order mark", yaml: "\u{FEFF}title: x\n"),
        Case(name: "a next-line character", yaml: "title: a\u{85}b\n"),
        Case(name: "a line separator", yaml: "title: a\u{2028}b\n"),
        Case(name: "a character beyond U+FFFF", yaml: "title: 😀\n"),
        Case(name: "a key starting with a digit", yaml: "2fa: yes\n"),
        Case(name: "an indented first line", yaml: "  title: x\n"),
        Case(name: "a list nested in an entry", yaml: "leads:\n  - name: a\n    phones:\n      - 1\n"),
        Case(name: "a list entry with nothing after the dash", yaml: "audience:\n  -\n  - b\n"),
        Case(name: "entry keys not lined up", yaml: "leads:\n  - name: a\n     phone: b\n"),
        Case(name: "a mapping nested two levels", yaml: "a:\n  b:\n    c: d\n"),
        Case(name: "a value ending in a colon", yaml: "title: Note:\n"),
        // libyaml refuses a key of more than 1,024 characters, first in a mapping or after it.
        Case(name: "a very long first key", yaml: String(repeating: "k", count: 1025) + ": v\n"),
        Case(name: "a very long later key", yaml: "title: x\n" + String(repeating: "k", count: 1025) + ": y\n"),
        Case(name: "a very long key in an entry", yaml: "leads:\n  - " + String(repeating: "k", count: 1025) + ": a\n"),
        Case(name: "nothing but comments", yaml: "# nothing\n"),
        Case(name: "nothing", yaml: ""),
    ]

    @Test(arguments: read)
    func readsTheSameAsYams(_ c: Case) throws {
        let simple = try #require(YAMLNode.simple(c.yaml))
        #expect(simple == YAMLNode.composed(c.yaml))
    }

    @Test(arguments: left)
    func leavesTheRestToYams(_ c: Case) {
        #expect(YAMLNode.simple(c.yaml) == nil)
    }

    /// Yams refuses each of these: were they read directly, the error would be lost.
    @Test func yamsRefusesTheLongKeys() {
        for c in Self.left where c.name.hasPrefix("a very long") {
            #expect(YAMLNode.composed(c.yaml) == nil, "\(c.name)")
        }
    }

    /// Every front matter, school file and data file of the sample content and the test fixtures:
    /// where the direct reading reads one, it is Yams's reading; and it reads every school file
    /// and front matter of the sample content.
    @Test func agreesWithYamsOnEveryFileOfTheRepository() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var checked = 0, read = 0, sampleRead = 0, sample = 0
        for folder in ["content", "Tests/Fixtures"] {
            let base = root.appendingPathComponent(folder).path
            guard let walker = FileManager.default.enumerator(atPath: base) else { continue }
            for case let relative as String in walker where relative.hasSuffix(".yml") || relative.hasSuffix(".md") {
                guard let data = FileManager.default.contents(atPath: base + "/" + relative), let text = String(data: data, encoding: .utf8) else { continue }
                let yaml: String
                if relative.hasSuffix(".md") {
                    guard case .success(let split) = FrontMatterSplit.split(text, path: relative) else { continue }
                    yaml = split.yaml
                } else {
                    yaml = text
                }
                checked += 1
                let isSample = folder == "content" && relative.hasPrefix("schools/")
                if isSample { sample += 1 }
                guard let simple = YAMLNode.simple(yaml) else { continue }
                read += 1
                if isSample { sampleRead += 1 }
                #expect(simple == YAMLNode.composed(yaml), "\(folder)/\(relative)")
            }
        }
        #expect(checked > 20)
        #expect(sample >= 10)
        #expect(sampleRead == sample, "every school file and front matter of the sample content is read directly")
        #expect(read > sample)
    }
}
