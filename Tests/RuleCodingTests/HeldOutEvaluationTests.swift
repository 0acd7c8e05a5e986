import CodebookFixtures
import CodingQuality
import ConsultationModel
import Foundation
import RuleCoding
import TestSupport
import Testing

/// The shipped rules against hand-coded synthetic answers written independently of the rules and of
/// the sample generator (`surveys/evaluation/`): set 1 (360 answers; the rules' author saw its
/// aggregate scores while tuning) and set 2 (240 answers, written after the rules were finished and
/// never used for tuning: the honest measure). A codebook change that lowers either fails here.
@Suite struct HeldOutEvaluationTests {
    static func evaluate(_ file: String) throws -> CodingEvaluation {
        let codebook = try Codebook.parse(yaml: ConsultationLoader.readText(ProjectRoot.path("surveys/codebook.yaml")), file: "codebook.yaml")
        let coder = try AutoCoder(codebook: codebook)
        var gold: [String: Set<String>] = [:], coded: [String: Set<String>] = [:]
        for row in try CodedTextFile.read(path: ProjectRoot.path(file), knownThemes: Set(codebook.themes.map(\.id))) {
            let id = try #require(row.id)
            gold[id] = row.themes
            coded[id] = Set(coder.code(row.text).map(\.themeID))
        }
        return CodingEvaluation(gold: gold, coded: coded, themeIDs: CodebookFixtures.coreThemeIDs)
    }

    @Test(arguments: [
        ("surveys/evaluation/heldout-gold.csv", 543, 0.75, 0.62),
        ("surveys/evaluation/heldout-gold-2.csv", 388, 0.75, 0.60),
    ])
    func rulesMeetTheAgreedFloor(file: String, support: Int, precision: Double, f1: Double) throws {
        let evaluation = try Self.evaluate(file)
        let lines = CodebookFixtures.coreThemeIDs.map { theme -> String in
            let s = evaluation.themes[theme]!
            return "\(theme) P=\(s.precision.map { String(format: "%.2f", $0) } ?? "-") R=\(s.recall.map { String(format: "%.2f", $0) } ?? "-") F1=\(s.f1.map { String(format: "%.2f", $0) } ?? "-") n=\(s.support)"
        }
        print("held-out evaluation \(file):\n" + lines.joined(separator: "\n"))
        print(String(format: "\(file): micro P=%.3f R=%.3f F1=%.3f macro F1=%.3f", evaluation.micro.precision ?? 0, evaluation.micro.recall ?? 0,
                     evaluation.micro.f1 ?? 0, evaluation.macroF1 ?? 0))
        #expect(evaluation.micro.support == support)
        #expect((evaluation.micro.precision ?? 0) >= precision)
        #expect((evaluation.micro.f1 ?? 0) >= f1)
    }
}
