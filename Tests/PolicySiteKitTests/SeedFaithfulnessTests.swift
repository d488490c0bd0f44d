import Foundation
import Testing
@testable import PolicySiteKit

/// Governors adopted the seed text, so every sentence of each seed must read, word for word, on
/// its publisher's built pages. Only extraction debris is normalised away: white space and line
/// wraps, symbol-font bullets, the page-numbered contents list, leader dots and bare URLs (which
/// the conversion turned into links).
@Suite struct SeedFaithfulnessTests {
    struct Seed: CustomTestStringConvertible, Sendable {
        var file: String
        var publisher: String
        /// Seed sentences allowed to be absent, each with the reason.
        var exempt: [String: String]
        var testDescription: String { publisher }
    }

    static let seeds: [Seed] = [
        Seed(file: "000_9dff6680d36c137d.txt", publisher: "ashley-college", exempt: [:]),
        Seed(file: "001_3a153712de2e23e8.txt", publisher: "walsall-school", exempt: [
            "LanniSeptember,2020Section4:AppendicesAppendixAcanbeviewedon:AppendixB–RelevantlegislationSchoolsstaffshouldbeawareofthelegislativeframeworkwhichcurrentlysurroundsuseofsocialmedia/communicationtechnologyintheUK.": "an 'Appendix A' heading was added so the appendix has a permalink; every word of the sentence is kept",
        ]),
        Seed(file: "002_de166e79da8915df.txt", publisher: "roe-green-junior-school", exempt: [
            "Digital/OnlineSafetyandAcceptableUsePolicyforSchoolsMarch2021AdoptedbytheGoverningBoardofRoeGreenJuniorSchool.": "the title moved to the page heading; the rest of the sentence is kept",
        ]),
        Seed(file: "003_59cd10fb153d8319.txt", publisher: "derbyshire-county-council", exempt: [
            "AcceptableUseofITAdviceandGuidance1.": "the title is the page heading; '1.' is a page number",
        ]),
        Seed(file: "004_2439b723c43299e8.txt", publisher: "school-trust-model", exempt: [
            "PolicyonSocialMediaTheaimofthismodelpolicyonsocialmediaistoprovideaframeworkthatschoolscanadopttoenableemployeestoenjoythebenefitsofsocialnetworkingwhileunderstandingthestandardsofconductexpectedbytheschool/trust.": "the title moved to the page heading; the rest of the sentence is kept",
        ]),
    ]

    /// Sentences of the seed, debris removed, white space removed.
    static func sentences(ofSeed text: String) -> [String] {
        var lines: [String] = []
        for raw in text.replacingCRLF().split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(raw)
            // The page-numbered contents list: "1\tIntroduction.....\t3", "\tAppendix 5: Staff Declaration\t15".
            if line.range(of: #"(\.{3,}|\t)\s*\d+\s*$"#, options: .regularExpression) != nil { continue }
            if ["Contents", "Page"].contains(line.trimmingCharacters(in: .whitespaces)) { continue }
            // A table rule left by an earlier conversion ("--\t--").
            if !line.isEmpty, line.allSatisfy({ "-|\t ".contains($0) }) { continue }
            line = line.replacingOccurrences(of: #"^\s*([-*]|o)\s+"#, with: "", options: .regularExpression)
            lines.append(line)
        }
        var joined = lines.joined(separator: "\n")
        joined = stripDebris(joined)
        return joined.components(separatedBy: CharacterSet(charactersIn: "\u{1}"))
            .flatMap { $0.split(usingRegex: #"(?<=[.!?])\s+"#) }
            .map(squash)
            .filter { $0.count > 3 && $0.contains(where: \.isLetter) }
    }

    static func stripDebris(_ text: String) -> String {
        var t = text
        for bullet in ["∑", "•", "\u{F0B7}", "\u{F0A7}", "", "\u{F0D8}"] { t = t.replacingOccurrences(of: bullet, with: " ") }
        t = t.replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: #"(https?://|www\.)[^\s<>)]+"#, with: " ", options: .regularExpression)
        t = t.replacingOccurrences(of: #"[.…_]{3,}"#, with: " ", options: .regularExpression)
        return t
    }

    static func squash(_ s: String) -> String {
        String(s.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
    }

    /// The visible text of every page under the publisher's folder, debris rules applied, no white space.
    static func pageText(_ folder: String) -> String {
        var all = ""
        for (path, data) in TestSite.snapshot(folder).sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") {
            var html = String(decoding: data, as: UTF8.self)
            if let start = html.range(of: "<main"), let end = html.range(of: "</main>") { html = String(html[start.lowerBound..<end.upperBound]) }
            html = html.replacingOccurrences(of: #"<a class="permalink"[^>]*>.*?</a>"#, with: " ", options: .regularExpression)
            html = html.replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
            html = html.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
            all += squash(stripDebris(html)) + "\u{1}"
        }
        return all
    }

    @Test(arguments: seeds)
    func everySeedSentenceReadsOnThePublishersPages(_ seed: Seed) async throws {
        let (report, site) = await TestSite.build()
        #expect(report.succeeded)
        let text = try String(contentsOfFile: TestSite.fixture("seeds/" + seed.file), encoding: .utf8)
        let pages = Self.pageText(site + "/" + seed.publisher)
        let sentences = Self.sentences(ofSeed: text)
        #expect(sentences.count > 50)
        var missing: [String] = []
        for sentence in sentences where !pages.contains(sentence) && seed.exempt[sentence] == nil {
            // A sentence that straddles a rebuilt table or list (the flattened Do's and Don'ts, a form's
            // fields) must still read clause by clause: every piece between ; and : word for word.
            let pieces = sentence.split(whereSeparator: { $0 == ";" || $0 == ":" }).map(String.init).flatMap { $0.components(separatedBy: "DODON’T") }
            if pieces.count > 1, pieces.allSatisfy({ $0.isEmpty || pages.contains($0) }) { continue }
            missing.append(sentence)
        }
        #expect(missing.isEmpty, "\(missing.count) of \(sentences.count) sentences missing:\n\(missing.prefix(15).joined(separator: "\n"))")
    }

    @Test func theCheckFailsWhenAWordIsChanged() throws {
        let pages = Self.squash("<p>Staff should not accept any current pupil.</p>")
        let sentences = Self.sentences(ofSeed: "Staff should not accept any current pupill.")
        #expect(sentences.allSatisfy { !pages.contains($0) })
    }
}

extension String {
    func split(usingRegex pattern: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [self] }
        let ns = self as NSString
        var parts: [String] = []
        var start = 0
        for m in regex.matches(in: self, range: NSRange(location: 0, length: ns.length)) {
            parts.append(ns.substring(with: NSRange(location: start, length: m.range.location - start)))
            start = m.range.location + m.range.length
        }
        parts.append(ns.substring(from: start))
        return parts
    }
}
