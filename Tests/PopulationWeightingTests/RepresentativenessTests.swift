import PopulationWeighting
import Testing

@Suite struct RepresentativenessTests {
    @Test func sharesAndRatiosOfPlacedRespondents() {
        let result = Representativeness.compare(
            variable: "ethnicity_group",
            counts: [("Black", 60), ("White", 40), ("(no answer)", 25), ("Asian", 4)],
            population: ["Black": 13, "White": 60, "Asian": 18, "Mixed": 5, "Other": 4], minimumCell: 10)
        #expect(result.placed == 104 && result.notPlaced == 25)
        let rows = Dictionary(uniqueKeysWithValues: result.rows.map { ($0.level, $0) })
        #expect(result.rows.map(\.level) == ["Asian", "Black", "Mixed", "Other", "White"])
        #expect(abs((rows["Black"]?.sampleShare ?? 0) - 6000.0 / 104) < 1e-9)
        #expect(abs((rows["Black"]?.ratio ?? 0) - (6000.0 / 104) / 13) < 1e-9)
        // Four Asian respondents: withheld, with share and ratio.
        #expect(rows["Asian"]?.respondents == nil && rows["Asian"]?.ratio == nil && rows["Asian"]?.suppressed == true)
        // Nobody Mixed: zero is shown (it identifies no one), ratio 0.
        #expect(rows["Mixed"]?.respondents == 0 && rows["Mixed"]?.ratio == 0)
        #expect(abs((rows["White"]?.populationShare ?? 0) - 60) < 1e-9)
    }
}
