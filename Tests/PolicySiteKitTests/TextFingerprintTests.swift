import Testing
@testable import PolicySiteKit

/// The fingerprint printed on forms is SHA-256 (FIPS 180-4 test vectors), cut to 8 hex digits.
@Suite struct TextFingerprintTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func sha256MatchesTheStandardVectors(_ vector: (String, String)) {
        #expect(SHA256.hex(Array(vector.0.utf8)) == vector.1)
        #expect(SHA256.hex(Array(vector.0.utf8), hardware: false) == vector.1)
    }

    /// The SHA extensions (where the processor has them) and the portable code agree at every
    /// length around the block and padding boundaries.
    @Test func hardwareAndPortableDigestsAgree() {
        for length in 0...300 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            #expect(SHA256.hex(bytes) == SHA256.hex(bytes, hardware: false), "length \(length)")
        }
    }

    @Test func aMillionAs() {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func fingerprintIsTheFirstEightDigitsAndChangesWithOneWord() {
        #expect(TextFingerprint.of("abc") == "ba7816bf")
        #expect(TextFingerprint.of("I have read the policy.") != TextFingerprint.of("I have read this policy."))
    }

    @Test func policyFingerprintCoversTheBodyOnly() {
        func parse(_ text: String) -> Policy? {
            Policy.parse(text, school: Slug(validating: "s")!, slug: Slug(validating: "p")!, path: "p.md").0
        }
        let a = parse("---\ntitle: A\nreview_due: 2026-09\n---\nBody text.\n")
        let b = parse("---\ntitle: A\nreview_due: 2027-09\n---\nBody text.\n")
        let c = parse("---\ntitle: A\nreview_due: 2026-09\n---\nBody text!\n")
        #expect(a?.fingerprint == b?.fingerprint)
        #expect(a?.fingerprint != c?.fingerprint)
        #expect(a?.fingerprint == TextFingerprint.of("Body text."))
    }
}
