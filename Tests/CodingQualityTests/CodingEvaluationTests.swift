import CodingQuality
import Foundation
import Testing

@Suite struct CodingEvaluationTests {
    @Test func countsAgreementPerThemeAndPoolsMicro() throws {
        let gold: [String: Set<String>] = ["1": ["a", "b"], "2": ["a"], "3": [], "4": ["b"]]
        let coded: [String: Set<String>] = ["1": ["a"], "2": ["a", "b"], "3": ["b"]]
        let e = CodingEvaluation(gold: gold, coded: coded, themeIDs: ["a", "b", "c"])
        #expect(e.themes["a"] == .init(truePositives: 2, falsePositives: 0, falseNegatives: 0))
        #expect(e.themes["b"] == .init(truePositives: 0, falsePositives: 2, falseNegatives: 2))
        #expect(e.themes["a"]?.f1 == 1)
        #expect(e.themes["b"]?.f1 == 0)
        #expect(e.themes["c"]?.f1 == nil)
        #expect(e.micro.precision == 0.5)
        #expect(e.micro.recall == 0.5)
        #expect(e.macroF1 == 0.5)
        #expect(e.themes["b"]?.support == 2)
    }

    @Test func emptyInputsHaveNoScores() {
        let e = CodingEvaluation(gold: [:], coded: [:], themeIDs: ["a"])
        #expect(e.micro.f1 == nil)
        #expect(e.macroF1 == nil)
    }
}
