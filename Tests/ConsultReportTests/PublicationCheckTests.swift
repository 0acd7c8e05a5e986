import ConsultReport
import Testing

/// The last check before a chapter is written: personal data anywhere in the output stops it.
@Suite struct PublicationCheckTests {
    @Test(arguments: [
        ("> call me on 07700 900123\n", 1, "phone"),
        ("# Title\n\nquote: write to jo.bloggs@example.com please\n", 3, "email"),
        ("a\nb\nc\nwe live at SW1A 1AA now\n", 4, "postcode"),
        ("ni AB 12 34 56 C\n", 1, "nino"),
        ("> my son is called Jamal Smith\n", 1, "name"),
    ])
    func personalDataIsFoundByLine(_ text: String, _ line: Int, _ kind: String) {
        let findings = PublicationCheck.scan(text)
        #expect(findings.first?.line == line)
        #expect(findings.first?.kind.rawValue == kind)
        #expect(findings.first.map { "\($0)" } == "line \(line): looks like \(kind) data")
    }

    @Test(arguments: [
        "Respondents by ethnic group (Census 2011, table KS201EW), London region.",
        "| Brent | 12 | 4.5% | 3.1% |",
        "In 2018, 38% of community respondents (n = 1,500) had heard of the Matrix.",
        "> they told my son [NAME] he was on it, rang [PHONE]",
        "Source: https://www.london.gov.uk/mopac-publications",
        "Codebook 2018.1 (sha256 4f3a9c0d1e2b), consult 0.3.0, E09000026.",
        "Operation Trident, the Gangs Matrix and stop and search under section 60.",
    ])
    func chapterTextPasses(_ text: String) {
        #expect(PublicationCheck.scan(text).isEmpty)
    }
}
