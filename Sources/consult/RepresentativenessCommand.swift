import ArgumentParser
import ConsultReport
import ConsultStore
import PopulationWeighting

extension Consult {
    struct RepresentativenessCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "representativeness",
            abstract: "Respondents by a field against the reference population: sample share, population share, ratio.",
            discussion: "Shares are of respondents who gave a level the reference knows. Default reference: the consultation's Census ethnic groups.")
        @Option(help: "Only this survey id.") var survey: String?
        @Option(help: "The field to compare (a variable of the margins file).") var by = "ethnicity_group"
        @Option(help: "Population margins: CSV variable,level,population_total (default: the consultation's Census ethnic groups).") var margins: String?
        @Option(help: "Withhold counts under this many respondents.") var minCell = 10
        @OptionGroup var output: FormatOption

        func run() throws {
            let store = try DatabaseAccess.open()
            let population = try margins.map { try PopulationMargins.read(path: $0) }
                ?? PopulationMargins.ethnicGroups(try store.consultationOverview().population)
            guard let levels = population.totals[by] else {
                throw CommandFailure("the population reference has no margin for '\(by)' (it has: \(population.totals.keys.sorted().joined(separator: ", ")))")
            }
            try store.checkGroupingField(by)
            let result = Representativeness.compare(variable: by, counts: try store.respondentCounts(by: by, survey: survey),
                                                    population: levels, minimumCell: minCell)
            output.print(ResultTable(columns: [by, "respondents", "sample_percent", "population_percent", "ratio", "suppressed"], rows: result.rows.map { r in
                [.text(r.level), r.respondents.map(ResultValue.int) ?? .null, .optionalNumber(r.sampleShare, decimals: 1),
                 .number(r.populationShare, decimals: 1), .optionalNumber(r.ratio, decimals: 2), r.suppressed ? .bool(true) : .absent]
            }))
            Terminal.note("consult: \(result.placed) respondents placed; \(result.notPlaced) gave no value the reference knows")
        }
    }
}
