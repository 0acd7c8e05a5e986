import ArgumentParser
import ConsultReport
import ConsultStore
import Foundation
import PopulationWeighting
import Statistics

extension Consult {
    struct Segments: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the codable text units (redacted): free-text answers and focus-group turns.")
        @Option(help: "Only this survey id.") var survey: String?
        @Option(help: "Only this question id (a focus-group session id for transcript turns).") var question: String?
        @Option(help: "Only segments coded with this theme id.") var theme: String?
        @Option(help: "At most this many rows.") var limit: Int?
        @OptionGroup var output: FormatOption

        func run() throws {
            let store = try DatabaseAccess.open()
            let rows = try store.segments(SegmentFilter(survey: survey, question: question, theme: theme), limit: limit)
            try output.recordExport(store, command: "segments", rows: rows.count)
            output.print(ResultTable(columns: ["segment", "respondent", "survey", "question", "text"], rows: rows.map {
                [.int($0.segment), .text($0.respondent), .text($0.survey), .text($0.question), .text($0.text)]
            }))
        }
    }

    struct Codings: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Who coded what: segment, theme, coder, and the rule and text span behind automatic codings.")
        @Option(help: "Only this coder: 'rules', 'model', a human coder, or 'automatic' (the automatic coding that counts: rules, and the model when `code auto --with-model` made it count).")
        var coder: String?
        @OptionGroup var output: FormatOption

        func run() throws {
            let store = try DatabaseAccess.open()
            let rows = try store.codings(coder: coder)
            try output.recordExport(store, command: "codings", rows: rows.count)
            output.print(ResultTable(columns: ["segment", "theme", "coder", "kind", "applied", "rule", "start", "end", "matched", "confidence", "codebook_version", "evidence"],
                                     rows: rows.map { c in
                [.int(c.segment), .text(c.theme), .text(c.coder), .text(c.kind), .bool(c.applied), c.rule.map(ResultValue.text) ?? .null,
                 c.start.map(ResultValue.int) ?? .null, c.end.map(ResultValue.int) ?? .null, c.matched.map(ResultValue.text) ?? .null,
                 c.confidence.map { .number($0, decimals: 3) } ?? .null, .text(c.codebookVersion), c.evidence.map(ResultValue.text) ?? .absent]
            }))
        }
    }

    struct Themes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Theme counts: respondents and segments per theme, overall or by a field.",
            discussion: """
                percent is the share of respondents in the row's group. Cells under --min-cell respondents are suppressed. \
                With --by group, focus-group rows also give groups_raising and groups: a discussion is reported as \
                "raised in k of n groups", since its participants are not independent respondents.
                """
        )
        @Option(help: "Only this survey id.") var survey: String?
        @Option(help: "Split by: group, survey, or a closed question / attribute such as ethnicity_group, age_band, borough, sector.") var by: String?
        @Option(help: "Count only this coder's codings (default: the final coding: human decisions over the rules).") var coder: String?
        @Option(help: "Suppress cells with fewer respondents than this (disclosure control).") var minCell = 10
        @Flag(help: "Add shares corrected for coding error from a validation sample: estimate, estimate_low, estimate_high, validated, precision, recall.")
        var estimate = false
        @Option(help: "The validation sample for --estimate (default: the latest drawn).") var sample: String?
        @OptionGroup var output: FormatOption

        func run() throws {
            guard estimate || sample == nil else { throw CommandFailure("--sample goes with --estimate") }
            guard !estimate || coder == nil else { throw CommandFailure("--estimate corrects the automatic coding; leave out --coder") }
            output.print(try QueryTables.themes(try DatabaseAccess.open(), survey: survey, by: by, coder: coder, minimumCell: minCell,
                                                estimate: estimate, sample: sample))
        }
    }
}

extension Consult {
    struct Questions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Closed-question results: count, percent and 95% Wilson interval per option, overall or by a field.",
            discussion: """
                percent is of the respondents in the group who answered the question. Likert questions also get \
                option "4-5": the share choosing either of the top two points (agreeing). Cells under --min-cell \
                respondents are suppressed.
                """
        )
        @Option(help: "Only this survey id.") var survey: String?
        @Option(help: "Only this question id.") var question: String?
        @Option(help: "Split by: group, survey, or a closed question / attribute such as ethnicity_group, age_band, borough.") var by: String?
        @Option(help: "Suppress cells with fewer respondents than this (disclosure control).") var minCell = 10
        @Flag(help: "Also give estimates weighted to the population by raking (needs --survey; not with --by).") var weighted = false
        @Option(help: "Population margins to weight to: CSV variable,level,population_total (default: the consultation's Census ethnic groups).")
        var margins: String?
        @OptionGroup var output: FormatOption

        func run() throws {
            let store = try DatabaseAccess.open()
            var table = try QueryTables.questions(store, survey: survey, question: question, by: by, minimumCell: minCell, weightedColumns: weighted)
            if weighted { table.rows += try weightedRows(store) }
            output.print(table)
        }

        /// The weighted rows: same questions and options, weighted shares with Wilson intervals on the
        /// effective sample size; a cell hidden unweighted is hidden weighted too.
        func weightedRows(_ store: Store) throws -> [[ResultValue]] {
            guard let survey else { throw CommandFailure("--weighted needs --survey: weights are made for one survey's respondents") }
            guard by == nil else { throw CommandFailure("--weighted gives overall estimates; leave out --by") }
            let population = try margins.map { try PopulationMargins.read(path: $0) }
                ?? PopulationMargins.ethnicGroups(try store.consultationOverview().population)
            let estimates = try WeightedEstimates.gather(from: store, survey: survey, questionIDs: question.map { [$0] }, margins: population,
                                                         minimumCell: minCell)
            let weights = estimates.weights
            Terminal.note(String(format: "consult: weighted to %@: %d respondents raked, %d kept at weight 1 (no usable value); design effect %.2f, effective n %.0f%@",
                                 estimates.variables.joined(separator: ", "), weights.raked, weights.unplaced, weights.designEffect,
                                 weights.effectiveSampleSize, weights.emptyLevels.isEmpty ? "" : "; no respondents in " + weights.emptyLevels.joined(separator: ", ")))
            let rows: [[ResultValue]] = estimates.cells.map { cell in
                let share = cell.suppressed ? nil : cell.share.share
                return [.text(survey), .text(cell.question.id), .text(cell.option.value), share.map { .number($0.weightedCount, decimals: 1) } ?? .null,
                        share.map { .number($0.estimate * 100, decimals: 1) } ?? .null, share.map { .number($0.lower * 100, decimals: 1) } ?? .null,
                        share.map { .number($0.upper * 100, decimals: 1) } ?? .null, .int(cell.share.answered), cell.suppressed ? .bool(true) : .absent,
                        .bool(true), .number(weights.designEffect, decimals: 2), share.map { .number($0.effectiveSampleSize, decimals: 1) } ?? .null]
            }
            return rows
        }
    }

    struct Cooccurrence: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pairs of themes raised by the same respondents: how many, and what share of the first theme's respondents.")
        @Option(help: "Only this survey id.") var survey: String?
        @Option(help: "Count only this coder's codings (default: the final coding).") var coder: String?
        @Option(help: "Withhold pairs shared by fewer respondents than this.") var minCell = 10
        @Option(help: "At most this many pairs.") var limit = 50
        @OptionGroup var output: FormatOption

        func run() throws {
            let pairs = try DatabaseAccess.open().themeCooccurrence(survey: survey, coder: coder, minimumCell: minCell)
            output.print(ResultTable(columns: ["theme", "with_theme", "respondents", "percent_of_theme", "suppressed"], rows: pairs.prefix(limit).map { p in
                [.text(p.first), .text(p.second), p.respondents.map(ResultValue.int) ?? .null, .optionalNumber(p.percentOfFirst, decimals: 1),
                 p.suppressed ? .bool(true) : .absent]
            }))
        }
    }

    struct Quotes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Quotable segments for a theme: only from respondents who agreed to be quoted; text already redacted."
        )
        @Option(help: "The theme id.") var theme: String
        @Option(help: "At most this many quotes (one per respondent).") var limit = 5
        @Option(help: "Use only this coder's codings (default: the final coding: human decisions over the rules).") var coder: String?
        @OptionGroup var output: FormatOption

        func run() throws {
            let store = try DatabaseAccess.open()
            guard try store.currentCodebook().theme(theme) != nil else {
                throw CommandFailure("unknown theme '\(theme)' (see `consult themes` for the ids)")
            }
            let quotes = try store.quotes(theme: theme, limit: limit, coder: coder)
            try output.recordExport(store, command: "quotes", rows: quotes.count)
            output.print(ResultTable(columns: ["segment", "theme", "survey", "group", "question", "text"], rows: quotes.map { q in
                [.int(q.segment), .text(q.theme), .text(q.survey), .text(q.group), .text(q.question), .text(q.text)]
            }))
        }
    }
}
