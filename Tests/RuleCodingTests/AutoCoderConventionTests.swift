import Testing

/// The coding conventions of CODEBOOK.md, on their own examples and close variants.
@Suite struct AutoCoderConventionTests {
    static let cases: [AutoCoderThemeCase] =
        // What the text denies or says never happened is not coded.
        notCodedAs("impact.services", "it has never affected anyone's tenancy here")
        + notCodedAs("impact.enforcement", "I've never been stopped and searched, not once.")
        + notCodedAs("fairness.racial", "It's got nothing to do with race.", "I don't think it's racist at all.")
        + notCodedAs("impact.support", "They never offered him any support, just raids.")
        // A view that something should or should not happen is coded under its theme.
        + codedAs("data.sharing", "the jobcentre has no business seeing it", "Schools shouldn't be told who's on it.")
        + codedAs("impact.enforcement", "They shouldn't be stopping and searching kids just for being on a list.")
        // Naming where one heard of it, or describing what it is (rightly or wrongly), shows awareness.
        + codedAs("awareness.aware", "Saw it on the news.", "It's basically a list of drug dealers.",
                  "It's supposed to reduce gang violence.", "Friends and family")
        // A concern alone does not show awareness.
        + notCodedAs("awareness.aware", "it's racist", "Sounds racist to me.")
        + codedAs("fairness.racial", "it's racist")
        // awareness.unaware is about the writer; "don't know" what the Matrix is counts.
        + codedAs("awareness.unaware", "I don't know what the matrix is", "Don't know what it is tbh")
        + notCodedAs("awareness.unaware", "Most people round here have no idea it's being used against them.")
        // A question is not a stated belief.
        + codedAs("awareness.unaware", "isn't that the list for people on tags?")
        + notCodedAs("understanding.misconception", "isn't that the list for people on tags?")
        + codedAs("understanding.misconception", "It's the list of people on tags.")
        // information.* is how the writer learned; a professional told about a named young person is data.sharing.
        + codedAs("data.sharing", "The police told us at a panel meeting that one of our students is on it.")
        + notCodedAs("information.police", "The police told us at a panel meeting that one of our students is on it.")
        + codedAs("information.police", "I first heard about it from the police at a ward panel.")
        // Checking or contesting one's own entry vs not knowing the rules.
        + codedAs("data.challenge", "There's no way to check if you're on it or contest it.")
        + codedAs("understanding.criteria_unclear", "I don't know what gets you added or taken off.")
        + notCodedAs("data.challenge", "I don't know what gets you added or taken off.")
        // Sarcasm is coded by its meaning.
        + codedAs("effectiveness.negative", "oh yes, it's made the estate so much safer, you can tell")
        + notCodedAs("effectiveness.positive", "oh yes, it's made the estate so much safer, you can tell", "Yeah right it works 🙄")

    @Test(arguments: cases)
    func convention(_ testCase: AutoCoderThemeCase) throws {
        try testCase.check()
    }
}
