import Testing
@testable import PolicySiteKit

/// The reference detectors, one table per kind, with the shapes the seeds use and the look-alikes
/// that must not match.
@Suite struct ReferenceDetectionTests {
    static let legislation: Legislation = {
        let (parsed, _) = Legislation.parse(LegislationDataTests.contentText, path: "legislation.yml")
        return parsed ?? Legislation()
    }()
    static let detector = CitationDetector(legislation)

    /// The phrases found in `text` and what each cites.
    static func citations(_ text: String) -> [String] {
        let chars = TextToken.bytes(text)
        let (matches, unknown) = detector.scan(TextToken.tokens(chars))
        return matches.map { "\(TextToken.string(chars[$0.range])) → \($0.act)" } + unknown.map { "\(TextToken.string(chars[$0.range])) → unknown \($0.name)" }
    }

    static let citationForms: [(String, [String])] = [
        ("The Protection from Harassment act 1997", ["Protection from Harassment act 1997 → protection-from-harassment-act-1997"]),
        ("S.127 of the Communication act 2003", ["Communication act 2003 → communications-act-2003"]),
        ("The Defamation Acts of 1952, 1996 and 2013", ["Defamation Acts of 1952 → defamation-act-1952", "1996 → defamation-act-1996", "2013 → defamation-act-2013"]),
        ("Data Protection Act 1998 / GDPR 2019", ["Data Protection Act 1998 → data-protection-act-1998", "GDPR 2019 → general-data-protection-regulation"]),
        ("copyright, The General Data Protection Regulation, The Data Protection Act 2018", ["General Data Protection Regulation → general-data-protection-regulation", "Data Protection Act 2018 → data-protection-act-2018"]),
        ("Obscene Publications Act 1959 and 1964", ["Obscene Publications Act 1959 → obscene-publications-act-1959", "1964 → obscene-publications-act-1964"]),
        ("Copyright, designs and patents Act 1988", ["Copyright, designs and patents Act 1988 → copyright-designs-and-patents-act-1988"]),
        ("Criminal Justice & Public Order Act 1994", ["Criminal Justice & Public Order Act 1994 → criminal-justice-and-public-order-act-1994"]),
        ("Protection of children Act 1978", ["Protection of children Act 1978 → protection-of-children-act-1978"]),
        ("Freedom of information Act 2000", ["Freedom of information Act 2000 → freedom-of-information-act-2000"]),
        ("The Freedom of Information Act gives individuals the right", ["Freedom of Information Act → freedom-of-information-act-2000"]),
        ("data protection legislation (GDPR 2018) and", ["GDPR 2018 → general-data-protection-regulation"]),
        ("as advised in UK GDPR. Use", ["UK GDPR → general-data-protection-regulation"]),
        ("the Safeguarding Vulnerable Groups Act 2006 and other legislation", ["Safeguarding Vulnerable Groups Act 2006 → safeguarding-vulnerable-groups-act-2006"]),
        ("Like the Racial and Religious Hatred Act 2006 it also", ["Racial and Religious Hatred Act 2006 → racial-and-religious-hatred-act-2006"]),
        ("Public Order Act 1986", ["Public Order Act 1986 → public-order-act-1986"]),
        ("under the Education Act 2002.", ["Education Act 2002 → unknown Education Act 2002"]),
        ("The Children Act 1989 and 2004 apply", ["Children Act 1989 → unknown Children Act 1989", "2004 → unknown Children Act 2004"]),
        ("The Defamation Acts of 1952 and 2099", ["Defamation Acts of 1952 → defamation-act-1952", "2099 → unknown Defamation Act 2099"]),
        ("the Freedom of Information Act 2001", ["Freedom of Information Act 2001 → unknown Freedom of Information Act 2001"]),
    ]

    @Test(arguments: citationForms)
    func citationFormsAreFound(_ text: String, _ expected: [String]) {
        #expect(Self.citations(text) == expected)
    }

    static let citationNonMatches = [
        "Staff must act in accordance with the policy.",
        "Staff must not, by act or omission, allow school digital property to be lost",
        "it is not due to any intentional or malicious act by an individual staff member",
        "Causing a child under 16 to watch a sexual act is illegal",
        "The Act states that personal data must be",
        "in line with its rights under this act.",
        "The impact 1997 report and the transact 2003 ledger",
        "They act 2003 times a year.",
        "the Malicious Communications Act",
        "Actual learning in 2019",
    ]

    @Test(arguments: citationNonMatches)
    func citationLookAlikesAreNot(_ text: String) {
        #expect(Self.citations(text) == [])
    }

    /// The cross-references found in `text`: the phrase and the anchor ids it may mean.
    static func crossReferences(_ text: String) -> [String] {
        let chars = TextToken.bytes(text)
        return CrossReferenceDetector.scan(TextToken.tokens(chars)).map { "\(TextToken.string(chars[$0.range])) → \($0.candidates.joined(separator: " "))" }
    }

    static let crossReferenceForms: [(String, [String])] = [
        ("Contact details are in Appendix 2.", ["Appendix 2 → appendix-2"]),
        ("Online Communication (see appendix 4).", ["appendix 4 → appendix-4"]),
        ("sign the declaration attached at Appendix 4 to confirm they have read", ["Appendix 4 → appendix-4"]),
        ("(see Appendix 2 for contact details for service providers)", ["Appendix 2 → appendix-2"]),
        ("section 12", ["section 12 → section-12"]),
        ("should be managed as outlined in section 12", ["section 12 → section-12"]),
        ("as set out in paragraph 5.4, staff", ["paragraph 5.4 → clause-5.4 section-5.4"]),
        ("under clause 10.1.", ["clause 10.1 → clause-10.1 section-10.1"]),
        ("Do’s and Don’ts in Appendix 1 of this policy.", ["Appendix 1 of this policy → appendix-1"]),
        ("relevant legislation listed at appendix A.", ["appendix A → appendix-a"]),
        ("photography and video. (Appendix A)", ["Appendix A → appendix-a"]),
        ("Clause 9.9.3 and Section 4", ["Clause 9.9.3 → clause-9.9.3 section-9.9.3", "Section 4 → section-4"]),
        ("see paragraph 5", ["paragraph 5 → section-5"]),
    ]

    @Test(arguments: crossReferenceForms)
    func crossReferenceFormsAreFound(_ text: String, _ expected: [String]) {
        #expect(Self.crossReferences(text) == expected)
    }

    static let crossReferenceNonMatches = [
        "Contact details are attached as an appendix to this policy.",
        "further advice can be found in the appendix below.",
        "section 127 of the Communications Act 2003",
        "Guidance from current KCSiE paragraph 141 states:",
        "a general letter (or relevant section of a document)",
        "under subsection 3 and subclause 4.1",
        "see Appendix B2 and appendix a",
        "the Appendices",
        "section 1234",
    ]

    @Test(arguments: crossReferenceNonMatches)
    func crossReferenceLookAlikesAreNot(_ text: String) {
        #expect(Self.crossReferences(text) == [])
    }

    static func policyNames(_ text: String, ownTitle: String = "Online Safety Policy") -> [String] {
        PolicyNameDetector.scan(TextToken.tokens(text), ownTitle: ownTitle).map { "\($0.name) → \($0.key)" }
    }

    static let policyNameForms: [(String, [String])] = [
        ("Digital Learning Policy, Safeguarding Policy, INTERNET Policy, Disciplinary Policy.", ["Digital Learning Policy → digital learning", "Safeguarding Policy → safeguarding", "INTERNET Policy → internet", "Disciplinary Policy → disciplinary"]),
        ("under the school’s Disciplinary Policy and Procedure (staff), Code of Conduct (staff), Safeguarding Policy and under the Code of Practice", ["Disciplinary Policy and Procedure → disciplinary", "Safeguarding Policy → safeguarding"]),
        ("dealt with in accordance with the Child Protection Policy and/or Disciplinary Policy and Procedure.", ["Child Protection Policy → child protection", "Disciplinary Policy and Procedure → disciplinary"]),
        ("Parents should use the Complaints Policy.", ["Complaints Policy → complaints"]),
        ("Equality Policy;", ["Equality Policy → equality"]),
        ("Fairness and Dignity at Work Policy;", ["Fairness and Dignity at Work Policy → fairness and dignity at work"]),
        ("The Safeguarding Policy applies.", ["Safeguarding Policy → safeguarding"]),
        ("- Bring Your Own Device Policy", ["Bring Your Own Device Policy → bring your own device"]),
        ("understood the Digital Safety/Social Media and Acceptable Use Policy.", ["Digital Safety/Social Media and Acceptable Use Policy → digital safety social media and acceptable use"]),
    ]

    @Test(arguments: policyNameForms)
    func policyNamesAreFound(_ text: String, _ expected: [String]) {
        #expect(Self.policyNames(text) == expected)
    }

    static let policyNameNonMatches = [
        "Any violation of this policy may be considered",
        "This Acceptable Use Policy is intended to ensure:",
        "in line with this Acceptable Use Policy",
        "I have read and understand the Online Safety Policy.",
        "Policy review takes place every year.",
        "the school’s behaviour policy and the equality policies",
        "the Policymakers Forum",
    ]

    @Test(arguments: policyNameNonMatches)
    func policyNameLookAlikesAreNot(_ text: String) {
        #expect(Self.policyNames(text) == [])
    }

    @Test func headingsAreScannedForLegislationButNotForCrossReferences() throws {
        let text = "---\ntitle: P\n---\n\n## Section 4: Appendices\n\n### Protection from Harassment Act 1997\n\nSee Appendix 7.\n"
        let (policy, _) = Policy.parse(text, school: Slug(validating: "s")!, slug: Slug(validating: "p")!, path: "p.md")
        let site = Site(config: SiteConfig(), publishers: [])
        let scanner = ReferenceScanner(site: site, legislation: Self.legislation)
        let p = try #require(policy)
        #expect(scanner.scan("Section 4: Appendices", in: p, isHeading: true) == [])
        #expect(scanner.scan("Protection from Harassment Act 1997", in: p, isHeading: true).map(\.target) == [.act(Slug(validating: "protection-from-harassment-act-1997")!)])
        #expect(scanner.scan("See Appendix 7.", in: p, isHeading: false).map(\.target) == [.missingAnchor(label: "Appendix 7")])
    }
}
