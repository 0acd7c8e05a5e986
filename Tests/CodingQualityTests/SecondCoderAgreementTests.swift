import CodebookFixtures
import CodingQuality
import ConsultationModel
import Foundation
import Statistics
import TestSupport
import Testing

/// How far careful people agree on these themes: held-out set 3 was coded a second time, blind, by
/// another coder working from CODEBOOK.md alone (`heldout-gold-3-second-coder.csv`). This is the
/// ceiling to read the automatic coder's scores against; the figures are in
/// Benchmarks/suggestion-model.md. A change to either file that moves them fails here.
@Suite struct SecondCoderAgreementTests {
    static func codes(_ file: String) throws -> [String: Set<String>] {
        let rows = try CodedTextFile.read(path: ProjectRoot.path(file), knownThemes: Set(CodebookFixtures.coreThemeIDs))
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id ?? "", $0.themes) })
    }

    @Test func twoCarefulCodersAgreeOnSetThree() throws {
        let first = try Self.codes("surveys/evaluation/heldout-gold-3.csv")
        let second = try Self.codes("surveys/evaluation/heldout-gold-3-second-coder.csv")
        #expect(Set(first.keys) == Set(second.keys) && first.count == 300)
        let ids = first.keys.sorted()
        let agreement = try ThemeAgreement(segments: ids.map { (first[$0]!, second[$0]!) }, themes: Set(CodebookFixtures.coreThemeIDs))
        let asGold = CodingEvaluation(gold: first, coded: second, themeIDs: CodebookFixtures.coreThemeIDs)
        let kappas = agreement.themes.compactMap(\.agreement.kappa)
        print(String(format: "second coder against the first: micro P=%.3f R=%.3f F1=%.3f macro F1=%.3f; pooled kappa %.3f alpha %.3f; per-theme kappa median %.2f, min %.2f",
                     asGold.micro.precision ?? 0, asGold.micro.recall ?? 0, asGold.micro.f1 ?? 0, asGold.macroF1 ?? 0,
                     agreement.pooled.kappa ?? 0, agreement.pooled.alpha ?? 0, kappas.sorted()[kappas.count / 2], kappas.min() ?? 0))
        for row in agreement.themes {
            print(String(format: "  %@ kappa %.2f alpha %.2f", row.theme, row.agreement.kappa ?? .nan, row.agreement.alpha ?? .nan))
        }
        #expect(abs((asGold.micro.f1 ?? 0) - 0.928) < 0.0005)
        #expect((agreement.pooled.kappa ?? 0) > 0.9)
    }
}
