import ConsultCore
import Foundation
import Testing

/// The shipped rules against `surveys/evaluation/heldout-gold.csv`: 360 synthetic answers written and
/// coded by hand, independently of the rules and of the sample generator (see its README). This is
/// the standing measure of automatic coding quality; a codebook change that lowers it fails here.
@Suite struct HeldOutEvaluationTests {
    static func evaluate() throws -> CodingEvaluation {
        let codebook = try Codebook.parse(yaml: ConsultationLoader.readText(TestFiles.project("surveys/codebook.yaml")), file: "codebook.yaml")
        let coder = try AutoCoder(codebook: codebook)
        var reader = try CSVReader(path: TestFiles.project("surveys/evaluation/heldout-gold.csv"))
        let header = try #require(try reader.next()).fields
        let text = try #require(header.firstIndex(of: "text")), themes = try #require(header.firstIndex(of: "themes"))
        let id = try #require(header.firstIndex(of: "id"))
        var gold: [String: Set<String>] = [:], coded: [String: Set<String>] = [:]
        while let record = try reader.next() {
            gold[record.fields[id]] = Set(record.fields[themes].split(separator: ";").map { $0.trimmingWhitespace() })
            coded[record.fields[id]] = Set(coder.code(record.fields[text]).map(\.themeID))
        }
        return CodingEvaluation(gold: gold, coded: coded, themeIDs: CoreThemes.ids)
    }

    @Test func rulesMeetTheAgreedFloor() throws {
        let evaluation = try Self.evaluate()
        let lines = CoreThemes.ids.map { theme -> String in
            let s = evaluation.themes[theme]!
            return "\(theme) P=\(s.precision.map { String(format: "%.2f", $0) } ?? "-") R=\(s.recall.map { String(format: "%.2f", $0) } ?? "-") F1=\(s.f1.map { String(format: "%.2f", $0) } ?? "-") n=\(s.support)"
        }
        print("held-out evaluation:\n" + lines.joined(separator: "\n"))
        print(String(format: "micro P=%.3f R=%.3f F1=%.3f macro F1=%.3f", evaluation.micro.precision ?? 0, evaluation.micro.recall ?? 0,
                     evaluation.micro.f1 ?? 0, evaluation.macroF1 ?? 0))
        #expect(evaluation.micro.support == 543)
        #expect((evaluation.micro.precision ?? 0) >= 0.75)
        #expect((evaluation.micro.f1 ?? 0) >= 0.62)
    }
}
