import ConsultCore
import Foundation
import SyntheticSample
import Testing
import ThemeSuggestion

/// Training must take seconds on a realistic analysis set. Measured on the generator's free-text
/// answers (about 10,000 segments), labelled by the shipped rules: the labels only give the classifiers
/// realistic work, quality is measured elsewhere. Timing means nothing in a debug build, so this runs
/// only in release: `swift test -c release --filter TrainingSpeedTests`.
@Suite struct TrainingSpeedTests {
    static let isReleaseBuild: Bool = {
        #if DEBUG
        false
        #else
        true
        #endif
    }()

    static func generatedSegments() throws -> [TrainingExample] {
        let rules = try AutoCoder(codebook: HeldOutSet.codebook)
        return try GeneratedSegments.make(seed: SampleGenerator.defaultSeed, community: 2_500, partner: 600).map {
            TrainingExample(text: $0.text, themes: Set(rules.code($0.text).map(\.themeID)))
        }
    }

    @Test(.enabled(if: isReleaseBuild)) func trainingTenThousandSegmentsTakesSeconds() throws {
        let examples = try Self.generatedSegments()
        let start = Date()
        let model = try SuggestionTrainer.train(examples, themeIDs: CoreThemes.ids, configuration: .recommended)
        let seconds = Date().timeIntervalSince(start)
        let bytes = try model.jsonData().count
        let scoring = Date()
        for example in examples { _ = model.suggest(example.text) }
        let perSecond = Double(examples.count) / Date().timeIntervalSince(scoring)
        print(String(format: "training: %d segments, %d features, 5-fold threshold choice + final fit in %.1f s; JSON %d bytes; scoring %.0f segments/s",
                     examples.count, model.features.count, seconds, bytes, perSecond))
        #expect(examples.count >= 10_000)
        #expect(seconds < 60)
    }
}
