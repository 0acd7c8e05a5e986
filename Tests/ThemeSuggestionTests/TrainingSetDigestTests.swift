import Testing
import ThemeSuggestion

@Suite struct TrainingSetDigestTests {
    let examples = [
        TrainingExample(text: "never heard of it", themes: ["awareness.unaware"]),
        TrainingExample(text: "scrap it", themes: ["improvement.abolish"], ruleThemes: ["improvement.abolish"]),
    ]

    @Test func sameSetSameDigestAndAnyChangeShowsUp() {
        let digest = TrainingExample.digest(examples)
        #expect(digest.count == 64)
        #expect(TrainingExample.digest(examples) == digest)
        #expect(TrainingExample.digest(examples.reversed()) != digest)
        var recoded = examples
        recoded[0].themes.insert("information.none")
        #expect(TrainingExample.digest(recoded) != digest)
        var ruled = examples
        ruled[0].ruleThemes = ["awareness.unaware"]
        #expect(TrainingExample.digest(ruled) != digest)
    }

    @Test func fieldBoundariesCannotBeShifted() {
        let joined = [TrainingExample(text: "ab", themes: [])], split = [TrainingExample(text: "a", themes: ["b"])]
        #expect(TrainingExample.digest(joined) != TrainingExample.digest(split))
    }
}
