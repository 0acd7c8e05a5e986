@testable import PersonalData
import Testing

/// Every row of `shared/reference/pii_test_cases.csv`, checked against the full redactor.
///
/// For rows expecting matches: exactly those spans (or texts) are found, and nothing of another
/// kind. For rows expecting none: the text comes back unchanged (no false positive of any kind).
@Suite struct PIITestCaseTests {
    static let kinds: [String: PersonalDataKind] = [
        "UK_POSTCODE": .postcode,
        "GB postalcode": .postcode,
        "EMAIL_ADDRESS": .email,
        "UK_NINO": .nino,
        "UK_NHS (regex + mod-11 checksum)": .nhs,
    ]

    @Test func fileIsFoundAndEveryEntityIsSupported() {
        #expect(PIITestCase.all.count >= 60)
        for testCase in PIITestCase.all {
            #expect(Self.kinds[testCase.entity] != nil, "unsupported entity \(testCase.entity)")
        }
    }

    @Test(arguments: PIITestCase.all)
    func row(_ testCase: PIITestCase) throws {
        let kind = try #require(Self.kinds[testCase.entity])
        let findings = Redactor().findings(in: testCase.text)
        if testCase.expectedCount == 0 {
            #expect(findings.isEmpty, "found \(findings.map { "\($0.kind) \(testCase.text[$0.range])" })")
            #expect(Redactor().redact(testCase.text).text == testCase.text)
            return
        }
        #expect(findings.allSatisfy { $0.kind == kind }, "kinds \(findings.map(\.kind))")
        #expect(findings.count == testCase.expectedCount)
        if let spans = testCase.expectedSpans {
            let found = findings.map { finding in
                let scalars = testCase.text.unicodeScalars
                return scalars.distance(from: scalars.startIndex, to: finding.range.lowerBound)
                    ..< scalars.distance(from: scalars.startIndex, to: finding.range.upperBound)
            }
            #expect(found == spans)
        }
        if let texts = testCase.expectedTexts {
            #expect(findings.map { String(testCase.text[$0.range]) } == texts)
        }
    }
}
