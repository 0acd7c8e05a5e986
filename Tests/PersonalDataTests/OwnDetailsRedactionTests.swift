import PersonalData
import Testing

/// The respondent's own name and contact details, from `personal_columns`, out of their free text.
@Suite struct OwnDetailsRedactionTests {
    let redaction = OwnDetailsRedaction(values: ["Jo Okafor", "jo.okafor@example.org", "020 7946 0018", " "])

    @Test(arguments: [
        ("I'm Jo Okafor and I was never told", "I'm [NAME] and I was never told"),
        ("JO OKAFOR here", "[NAME] here"),
        ("Jo said the police kept a list", "[NAME] said the police kept a list"),
        ("my surname Okafor is on their list", "my surname [NAME] is on their list"),
        ("write to jo.okafor@example.org", "write to [EMAIL]"),
        ("ring 020 7946 0018 any time", "ring [PHONE] any time"),
    ])
    func ownDetailsAreReplaced(_ input: String, _ output: String) {
        #expect(redaction.apply(to: input).text == output)
        #expect(redaction.apply(to: input).replaced >= 1)
    }

    @Test(arguments: [
        "jo, a youth worker, explained it",     // lower case: not the capitalised name
        "Joanne and Jordan were stopped",       // longer words that start with the name
        "Okafors' Lane is near the station",    // another word
        "[NAME] already redacted",
        "Brent, Trident, 2018, 78%",
    ])
    func otherWordsAreKept(_ input: String) {
        #expect(redaction.apply(to: input).text == input)
        #expect(redaction.apply(to: input).replaced == 0)
    }

    @Test func aCommonWordNameIsCaughtOnlyCapitalised() {
        let will = OwnDetailsRedaction(values: ["Will Young"])
        #expect(will.apply(to: "they will not say; Will asked").text == "they will not say; [NAME] asked")
        #expect(OwnDetailsRedaction(values: ["", " "]).isEmpty)
    }
}
