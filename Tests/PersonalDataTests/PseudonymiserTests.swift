@testable import Digests
@testable import PersonalData
import Testing

/// Keyed pseudonyms: format, determinism, scoping, trimming, key fingerprint, key hygiene.
@Suite struct PseudonymiserTests {
    static let key: [UInt8] = Array(0..<32)
    let pseudonymiser = Pseudonymiser(key: key)

    /// Known answers computed independently (Python hmac/hashlib) for key bytes 0x00...0x1f.
    @Test(arguments: [
        ("community-2018", "R0001", "R-b39753963c5eb1fc"),
        ("partner-2018", "R0001", "R-e4f448d0afc9b747"),
        ("community-2018", "  R0001\n", "R-b39753963c5eb1fc"),
    ])
    func knownAnswer(scope: String, sourceID: String, expected: String) {
        #expect(pseudonymiser.pseudonym(scope: scope, sourceID: sourceID) == expected)
    }

    @Test func matchesTheSpecifiedConstruction() {
        let message = Array("survey-a\u{1F}12345".utf8)
        let mac = HMACTests.mac(key: Self.key, message: message)
        #expect(pseudonymiser.pseudonym(scope: "survey-a", sourceID: " 12345 ") == "R-" + HexCoding.encode(mac.prefix(8)))
    }

    @Test(arguments: ["R0001", "jo@example.com", " 42 ", "Zoë-7", "😀", ""])
    func formatIsRPlusSixteenLowercaseHex(_ sourceID: String) {
        let pseudonym = pseudonymiser.pseudonym(scope: "community-2018", sourceID: sourceID)
        #expect(pseudonym.hasPrefix("R-"))
        #expect(pseudonym.count == 18)
        #expect(pseudonym.dropFirst(2).allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test func deterministicAcrossInstances() {
        let again = Pseudonymiser(key: Self.key)
        #expect(again.pseudonym(scope: "s", sourceID: "R1") == pseudonymiser.pseudonym(scope: "s", sourceID: "R1"))
    }

    @Test func scopeSeparatesSurveys() {
        #expect(pseudonymiser.pseudonym(scope: "community-2018", sourceID: "R1")
            != pseudonymiser.pseudonym(scope: "partner-2018", sourceID: "R1"))
    }

    /// The separator keeps ("ab", "c") and ("a", "bc") apart.
    @Test func separatorPreventsBoundaryAmbiguity() {
        #expect(pseudonymiser.pseudonym(scope: "ab", sourceID: "c") != pseudonymiser.pseudonym(scope: "a", sourceID: "bc"))
    }

    @Test func trimsOnlyOuterWhitespaceAndKeepsCase() {
        let base = pseudonymiser.pseudonym(scope: "s", sourceID: "R 1")
        #expect(pseudonymiser.pseudonym(scope: "s", sourceID: "\t R 1 \r\n") == base)
        #expect(pseudonymiser.pseudonym(scope: "s", sourceID: "\u{00A0}R 1\u{2003}") == base)
        #expect(pseudonymiser.pseudonym(scope: "s", sourceID: "R1") != base)
        #expect(pseudonymiser.pseudonym(scope: "s", sourceID: "r 1") != base)
    }

    @Test func differentKeysGiveDifferentPseudonymsAndFingerprints() {
        let other = Pseudonymiser(key: Array(repeating: 7, count: 32))
        #expect(other.pseudonym(scope: "s", sourceID: "R1") != pseudonymiser.pseudonym(scope: "s", sourceID: "R1"))
        #expect(other.fingerprint != pseudonymiser.fingerprint)
    }

    @Test func fingerprintKnownAnswerAndFormat() {
        #expect(pseudonymiser.fingerprint == "f925711cad5b25aa")
        #expect(pseudonymiser.fingerprint == Pseudonymiser(key: Self.key).fingerprint)
        #expect(!pseudonymiser.fingerprint.contains(HexCoding.encode(Self.key.prefix(4))))
    }

    @Test func noPseudonymCollisionsInTenThousandIDs() {
        let pseudonyms = Set((0..<10_000).map { pseudonymiser.pseudonym(scope: "s", sourceID: "R\($0)") })
        #expect(pseudonyms.count == 10_000)
    }

    @Test func generatedKeysAreLongAndFresh() {
        let a = Pseudonymiser.generateKey()
        let b = Pseudonymiser.generateKey()
        #expect(a.count == 32)
        #expect(a != b)
        #expect(Set(a).count > 8)
    }

    @Test func shortKeysAreRefusedWhenValidating() throws {
        #expect(throws: PseudonymKeyError.tooShort(byteCount: 31, minimum: 32)) {
            try Pseudonymiser(validating: Array(repeating: 1, count: 31))
        }
        let accepted = try Pseudonymiser(validating: Self.key)
        #expect(accepted.fingerprint == pseudonymiser.fingerprint)
    }

    @Test func keyNeverAppearsInDescriptions() {
        let key = Array(repeating: UInt8(0xab), count: 32)
        let p = Pseudonymiser(key: key)
        var dumped = ""
        dump(p, to: &dumped)
        for rendering in [String(describing: p), String(reflecting: p), dumped] {
            #expect(!rendering.contains(HexCoding.encode(key.prefix(8))))
            #expect(!rendering.contains("171, 171"))
            #expect(rendering.contains(p.fingerprint))
        }
    }
}
