import Foundation
@testable import PersonalData
import Testing

/// Borough names are analysis data (the survey asks for them): the weak name cues (a comma
/// after "my son", a sign-off) must never take one for a person. Read from the shared
/// `london_boroughs.csv` so a new borough list is covered without editing the test.
@Suite struct RedactorBoroughTests {
    static let boroughs: [String] = {
        guard let url = PIIReferenceFiles.url(named: "london_boroughs.csv"),
              let contents = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return PIICSV.parse(contents).dropFirst().compactMap { $0.count == 2 ? $0[1] : nil }
    }()

    @Test func allThirtyThreeAreRead() {
        #expect(Self.boroughs.count == 33)
    }

    @Test(arguments: boroughs)
    func boroughIsNeverAName(_ borough: String) {
        let redactor = Redactor()
        for text in [
            "I live in \(borough).",
            "Thanks, \(borough)",
            "It happens all the time - \(borough)",
            "my cousin, \(borough) police stopped him",
            "\(borough) Council shared the data",
            "Stop and search in \(borough) E8 is worse",
        ] {
            #expect(redactor.redact(text).text == text)
        }
    }
}
