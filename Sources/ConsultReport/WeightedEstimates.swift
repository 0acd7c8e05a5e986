import ConsultStore
import ConsultationModel
import PopulationWeighting
import Statistics

/// Closed-question results for one survey weighted to population margins by raking, with the
/// disclosure control of the unweighted table: a cell hidden unweighted (fewer than `minimumCell`
/// people, or the complement that protects it) is hidden weighted too, since weighting does not make
/// a small group of people less identifiable. Shared by `consult questions --weighted` and the chapter.
public struct WeightedEstimates: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public var question: Question
        public var option: AnswerOption
        public var share: WeightedOptionShare
        public var suppressed: Bool
    }

    public var survey: String
    public var weights: SurveyWeights
    /// The margin variables weighted on, sorted.
    public var variables: [String]
    public var cells: [Cell]

    /// Weights `survey`'s respondents to `margins` and computes every option's weighted share.
    ///
    /// - Parameter questionIDs: the closed questions to report (nil: every single, multi and Likert question).
    /// - Throws: `StatisticsError` when no respondent can be placed on the margins; store errors.
    public static func gather(from store: Store, survey: String, questionIDs: [String]?, margins: PopulationMargins,
                              minimumCell: Int) throws -> WeightedEstimates {
        let variables = margins.totals.keys.sorted()
        let questions = try store.instrument(survey).questions.filter { q in
            [.single, .multi, .likert5].contains(q.type) && (questionIDs?.contains(q.id) ?? true)
        }
        let counts = try store.weightingCounts(survey: survey, fields: variables, questions: questions.map(\.id))
        let weights = try SurveyWeights.rake(cells: counts.cells, margins: margins)
        let shares = WeightedOptionShare.compute(questions: questions, counts: counts.counts, cellWeights: weights.weights)
        var cells: [Cell] = []
        for question in questions {
            let rows = shares.filter { $0.question == question.id }
            let hide = (rows.first?.answered ?? 0) < minimumCell
                ? rows.map { _ in true }
                : DisclosureControl.suppressed(rows.map(\.count), minimum: minimumCell, additive: question.type != .multi)
            for ((share, hidden), option) in zip(zip(rows, hide), question.options) {
                cells.append(Cell(question: question, option: option, share: share, suppressed: hidden))
            }
        }
        return WeightedEstimates(survey: survey, weights: weights, variables: variables, cells: cells)
    }
}
