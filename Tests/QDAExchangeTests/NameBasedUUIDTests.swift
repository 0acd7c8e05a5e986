import CodebookFixtures
@testable import ConsultationModel
@testable import QDAExchange
import Testing

/// Theme GUIDs: name-based SHA-256 UUIDs (RFC 9562), stable, distinct, and read in the forms
/// QDA tools write.
@Suite struct NameBasedUUIDTests {
    @Test func matchesTheRFC9562SHA256Example() throws {
        let dns = try #require(NameBasedUUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8"))
        #expect(NameBasedUUID(namespace: dns, name: "www.example.com").description == "5C146B14-3C52-8AFD-938A-375D0DF1FBF6")
    }

    /// Values from an independent computation (Python hashlib) of the documented rule.
    @Test(arguments: [
        ("fairness.racial", "1A088BE2-5232-813B-A25C-A503D15BBF67"),
        ("awareness", "6E4D6510-992D-8E95-B5F4-B245F70DABB9"),
    ])
    func themeGUIDsArePinned(_ id: String, _ guid: String) {
        #expect(NameBasedUUID.themeNamespace.description == "D01FC0DD-CDF3-8E3D-BC58-8B4CA2F64429")
        #expect(NameBasedUUID.theme(id).description == guid)
    }

    @Test func versionAndVariantBitsAreSet() {
        for id in CodebookFixtures.coreThemeIDs {
            let bytes = NameBasedUUID.theme(id).bytes
            #expect(bytes[6] >> 4 == 8, "version nibble of \(id)")
            #expect(bytes[8] >> 6 == 0b10, "variant of \(id)")
        }
    }

    @Test func everyCoreThemeGetsItsOwnGUID() {
        #expect(Set(CodebookFixtures.coreThemeIDs.map(NameBasedUUID.theme)).count == CodebookFixtures.coreThemeIDs.count)
    }

    @Test(arguments: [
        "1a088be2-5232-813b-a25c-a503d15bbf67",
        "{1A088BE2-5232-813B-A25C-A503D15BBF67}",
        "{1a088be2-5232-813b-a25c-a503d15bbf67}",
    ])
    func readsTheFormsToolsWrite(_ text: String) {
        #expect(NameBasedUUID(text) == NameBasedUUID.theme("fairness.racial"))
    }

    @Test(arguments: [
        "", "code-001", "1A088BE2-5232-813B-A25C-A503D15BBF6", "1A088BE2-5232-813B-A25C-A503D15BBF677",
        "1A088BE25232-813B-A25C-A503D15BBF67", "1A088BE2-5232-813B-A25C-A503D15BBF6G", "{1A088BE2-5232-813B-A25C-A503D15BBF67",
        "1A088BE2_5232_813B_A25C_A503D15BBF67",
    ])
    func refusesOtherText(_ text: String) {
        #expect(NameBasedUUID(text) == nil)
    }
}
