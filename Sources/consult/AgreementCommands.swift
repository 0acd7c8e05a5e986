import ArgumentParser
import CodingQuality
import ConsultReport
import ConsultStore
import Foundation

extension Consult.Code {
    struct Agreement: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Inter-coder agreement per theme and overall: percent agreement, Cohen's kappa, Krippendorff's alpha.",
            discussion: """
                Over the segments at least two of the coders coded (a human coder covers the segments they made \\
                any decision on; rules, model and 'final' cover every segment). agreement is a 0-1 share. With \\
                more than two coders, agreement and kappa are means over the pairs (Light's kappa); alpha \\
                uses every coder at once.
                """)
        @Option(help: "Comma-separated coder names (two or more; 'final' is the final coding).") var coders: String
        @OptionGroup var output: FormatOption

        func run() throws {
            let names = coders.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard names.count >= 2, Set(names).count == names.count else { throw CommandFailure("--coders needs two or more different coder names, e.g. alice,bob") }
            let store = try DatabaseAccess.open()
            let report = try CoderAgreementReport.compute(try names.map(store.coderCodings), themeIDs: try store.currentThemeIDs())
            if output.resolved == .json {
                try JSONOutput.print(AgreementJSON(report))
                return
            }
            output.print(ResultTable(columns: ["theme", "n", "agreement", "kappa", "alpha"], rows: (report.themes + [report.overall]).map { row in
                [.text(row.theme), .int(row.units), .optionalNumber(row.agreement), .optionalNumber(row.kappa), .optionalNumber(row.alpha)]
            }))
        }
    }

    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Automatic (or any) coding against a reference coder: precision, recall, F1 per theme, micro and macro, with bootstrap 95% intervals.",
            discussion: "Over the segments the gold coder coded. Intervals resample segments (seeded: the same data give the same interval).")
        @Option(help: "The reference coder (a careful human coder).") var gold: String
        @Option(help: "The coder to evaluate: rules, model, rules+model, final, or a person.") var coder = Store.ruleCoder
        @Option(help: "Bootstrap replicates.") var replicates = 1000
        @Option(help: "Bootstrap seed.") var seed: UInt64 = 2018
        @OptionGroup var output: FormatOption

        func run() throws {
            let store = try DatabaseAccess.open()
            let reference = try store.coderCodings(gold)
            let evaluated = try store.coderCodings(coder)
            let themeIDs = try store.currentThemeIDs()
            let goldSets = Dictionary(uniqueKeysWithValues: reference.coverage.map { (String($0), reference.themes[$0] ?? []) })
            let coded = Dictionary(uniqueKeysWithValues: reference.coverage.map { (String($0), evaluated.themes(of: $0) ?? []) })
            let evaluation = CodingEvaluation(gold: goldSets, coded: coded, themeIDs: themeIDs)
            let intervals = try CodingEvaluationIntervals.compute(gold: goldSets, coded: coded, themeIDs: themeIDs,
                                                                  replicates: replicates, seed: seed)
            let json = EvaluationJSON(evaluation, intervals, themeIDs: themeIDs, gold: gold, coder: coder, segments: goldSets.count)
            if output.resolved == .json {
                try JSONOutput.print(json)
                return
            }
            let rows = json.themes + [json.micro]
            output.print(ResultTable(columns: ["theme", "support", "precision", "recall", "f1", "f1_low", "f1_high"], rows: rows.map { row in
                [.text(row.theme ?? "micro"), row.support.map(ResultValue.int) ?? .null, .optionalNumber(row.precision),
                 .optionalNumber(row.recall), .optionalNumber(row.f1), .optionalNumber(row.f1Low), .optionalNumber(row.f1High)]
            } + [[.text("macro"), .null, .null, .null, .optionalNumber(json.macro.f1), .optionalNumber(json.macro.f1Low), .optionalNumber(json.macro.f1High)]]))
        }
    }
}

/// Prints an Encodable value as the JSON document of a command (sorted keys, one trailing newline).
enum JSONOutput {
    /// The JSON document for `value`: sorted keys, one trailing newline; `pretty` for documents people
    /// read (a subject-access export, the DPIA facts) rather than pipe.
    static func data(_ value: some Encodable, pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value) + Data("\n".utf8)
    }

    static func print(_ value: some Encodable, pretty: Bool = false) throws {
        FileHandle.standardOutput.write(try data(value, pretty: pretty))
    }
}

/// `code agreement --format json`, in the shape DESIGN.md fixes (undefined statistics are null).
struct AgreementJSON: Encodable {
    struct Row: Encodable {
        var theme: String?
        var kappa: Double?
        var agreement: Double?
        var alpha: Double?
        var n: Int
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            if let theme { try c.encode(theme, forKey: .theme) }
            try c.encode(kappa, forKey: .kappa)
            try c.encode(agreement, forKey: .agreement)
            try c.encode(alpha, forKey: .alpha)
            try c.encode(n, forKey: .n)
        }
        enum CodingKeys: String, CodingKey { case theme, kappa, agreement, alpha, n }
    }
    var coders: [String]
    var themes: [Row]
    var overall: Row

    init(_ report: CoderAgreementReport) {
        coders = report.coders
        themes = report.themes.map { Row(theme: $0.theme, kappa: $0.kappa, agreement: $0.agreement, alpha: $0.alpha, n: $0.units) }
        let o = report.overall
        overall = Row(theme: nil, kappa: o.kappa, agreement: o.agreement, alpha: o.alpha, n: o.units)
    }
}

/// `code evaluate --format json`, in the shape DESIGN.md fixes plus interval bounds.
struct EvaluationJSON: Encodable {
    struct Row: Encodable {
        var theme: String?
        var precision: Double?
        var recall: Double?
        var f1: Double?
        var support: Int?
        var f1Low: Double?
        var f1High: Double?
        var precisionLow: Double?
        var precisionHigh: Double?
        var recallLow: Double?
        var recallHigh: Double?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            if let theme { try c.encode(theme, forKey: .theme) }
            if let support { try c.encode(support, forKey: .support) }
            try c.encode(precision, forKey: .precision)
            try c.encode(recall, forKey: .recall)
            try c.encode(f1, forKey: .f1)
            try c.encode(precisionLow, forKey: .precisionLow)
            try c.encode(precisionHigh, forKey: .precisionHigh)
            try c.encode(recallLow, forKey: .recallLow)
            try c.encode(recallHigh, forKey: .recallHigh)
            try c.encode(f1Low, forKey: .f1Low)
            try c.encode(f1High, forKey: .f1High)
        }
        enum CodingKeys: String, CodingKey {
            case theme, precision, recall, f1, support
            case f1Low = "f1_low", f1High = "f1_high", precisionLow = "precision_low", precisionHigh = "precision_high"
            case recallLow = "recall_low", recallHigh = "recall_high"
        }

        init(theme: String?, score: CodingEvaluation.Score, intervals: CodingEvaluationIntervals.Scores?, withSupport: Bool) {
            self.theme = theme
            precision = score.precision
            recall = score.recall
            f1 = score.f1
            support = withSupport ? score.support : nil
            precisionLow = intervals?.precision?.lower
            precisionHigh = intervals?.precision?.upper
            recallLow = intervals?.recall?.lower
            recallHigh = intervals?.recall?.upper
            f1Low = intervals?.f1?.lower
            f1High = intervals?.f1?.upper
        }
    }
    struct Macro: Encodable {
        var f1: Double?
        var f1Low: Double?
        var f1High: Double?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(f1, forKey: .f1)
            try c.encode(f1Low, forKey: .f1Low)
            try c.encode(f1High, forKey: .f1High)
        }
        enum CodingKeys: String, CodingKey {
            case f1
            case f1Low = "f1_low", f1High = "f1_high"
        }
    }
    var gold: String
    var coder: String
    var segments: Int
    var replicates: Int
    var themes: [Row]
    var micro: Row
    var macro: Macro

    init(_ evaluation: CodingEvaluation, _ intervals: CodingEvaluationIntervals, themeIDs: [String], gold: String, coder: String, segments: Int) {
        self.gold = gold
        self.coder = coder
        self.segments = segments
        replicates = intervals.replicates
        themes = themeIDs.map { Row(theme: $0, score: evaluation.themes[$0] ?? .init(), intervals: intervals.themes[$0], withSupport: true) }
        micro = Row(theme: nil, score: evaluation.micro, intervals: intervals.micro, withSupport: false)
        macro = Macro(f1: evaluation.macroF1, f1Low: intervals.macroF1?.lower, f1High: intervals.macroF1?.upper)
    }
}
