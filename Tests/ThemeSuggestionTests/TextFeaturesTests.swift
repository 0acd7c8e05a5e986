import Foundation
import Testing
@testable import ThemeSuggestion

@Suite struct TextFeaturesTests {
    let extractor = TextFeatures(options: FeatureOptions(bigrams: true, negationWindow: 3))

    @Test func negatorMarksTheFollowingWordsSoNeverHeardIsNotHeard() {
        let features = extractor.features(of: "Never heard of it")
        #expect(features.contains("not_heard"))
        #expect(!features.contains("heard"))
        #expect(features.contains("never not_heard"))
    }

    @Test func negationStopsAtTheWindowAndAtClausePunctuation() {
        let features = extractor.features(of: "I don't know what it is, but heard things")
        #expect(features.contains("not_know") && features.contains("not_what") && features.contains("not_it"))
        #expect(features.contains("i") && features.contains("heard") && !features.contains("not_heard"))
        #expect(TextFeatures(options: FeatureOptions(negationWindow: 0)).features(of: "never heard").contains("heard"))
    }

    @Test func contractionsWithoutApostrophesNegate() {
        #expect(extractor.features(of: "dont know").contains("not_know"))
        #expect(extractor.features(of: "didn’t tell us").contains("not_tell"))
    }

    @Test func wordsAreLowerCasedAndLightlyStemmed() {
        let features = extractor.features(of: "Searched, SEARCHING; searches. Policies")
        #expect(features == ["policy", "search"])
    }

    @Test func bigramsCanBeTurnedOff() {
        let features = TextFeatures(options: FeatureOptions(bigrams: false)).features(of: "stop and search")
        #expect(features == ["and", "search", "stop"])
    }

    @Test func emptyAndPunctuationOnlyTextsHaveNoFeatures() {
        #expect(extractor.features(of: "").isEmpty)
        #expect(extractor.features(of: " ?! -- ... ").isEmpty)
    }

    @Test func letterSequencesLetMisspellingsShareFeatures() {
        let options = FeatureOptions(bigrams: false, negationWindow: 0, characterGrams: 4)
        let misspelt = Set(TextFeatures(options: options).features(of: "serched"))
        let spelt = Set(TextFeatures(options: options).features(of: "searched"))
        #expect(misspelt.contains("#<ser") && spelt.contains("#<sea") && spelt.contains("#hed>"))
        #expect(misspelt.intersection(spelt) == ["#rche", "#ched", "#hed>"])
        #expect(TextFeatures.characterGrams(of: "it", length: 4) == ["#<it>"])
        #expect(TextFeatures.characterGrams(of: "ok", length: 4) == ["#<ok>"])
        #expect(TextFeatures.characterGrams(of: "gang", length: 4) == ["#<gan", "#gang", "#ang>"])
    }

    /// Models stored before letter sequences were an option load with them off.
    @Test func storedOptionsWithoutLetterSequencesDecode() throws {
        let json = #"{"bigrams":false,"negationWindow":3,"minimumDocumentFrequency":1}"#
        let options = try JSONDecoder().decode(FeatureOptions.self, from: Data(json.utf8))
        #expect(options == FeatureOptions(bigrams: false, negationWindow: 3, characterGrams: 0))
        let again = try JSONDecoder().decode(FeatureOptions.self, from: JSONEncoder().encode(FeatureOptions(characterGrams: 4)))
        #expect(again.characterGrams == 4)
    }
}
