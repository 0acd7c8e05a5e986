import ConsultationModel
/// Weighted shares for the options of closed questions, next to the unweighted counts they come from
/// (which decide disclosure control: a cell is as identifying as the people in it, whatever its weight).
public struct WeightedOptionShare: Sendable, Equatable {
    public var question: String
    public var option: String
    /// Respondents who chose the option / who answered the question (unweighted).
    public var count: Int
    public var answered: Int
    /// Nil when nobody answered.
    public var share: WeightedShare?

    /// Respondents of one weighting cell who chose an option, or answered a question (`option` nil).
    public struct CellCount: Sendable, Equatable, Codable {
        /// Index of the cell in the weights (`SurveyWeights.rake(cells:)`).
        public var cell: Int
        public var question: String
        public var option: String?
        public var respondents: Int

        public init(cell: Int, question: String, option: String?, respondents: Int) {
            self.cell = cell
            self.question = question
            self.option = option
            self.respondents = respondents
        }
    }

    /// - Parameters:
    ///   - questions: the closed questions to report, in instrument order (options in their order).
    ///   - counts: per cell, the respondents choosing each option (a multi answer counts its respondent under each
    ///     option chosen) and answering each question.
    ///   - cellWeights: the weight of each respondent of a cell, by cell index.
    public static func compute(questions: [Question], counts: [CellCount], cellWeights: [Double]) -> [WeightedOptionShare] {
        var chosen: [String: [String: [CellCount]]] = [:]
        var answeredBy: [String: [CellCount]] = [:]
        for count in counts {
            if let option = count.option {
                chosen[count.question, default: [:]][option, default: []].append(count)
            } else {
                answeredBy[count.question, default: []].append(count)
            }
        }
        func weighted(_ counts: [CellCount]) -> [(weight: Double, respondents: Int)] {
            counts.sorted { $0.cell < $1.cell }.map { (weight: cellWeights[$0.cell], respondents: $0.respondents) }
        }
        return questions.flatMap { question in
            let answered = answeredBy[question.id] ?? []
            let answeredWeights = weighted(answered)
            return question.options.map { option in
                let who = chosen[question.id]?[option.value] ?? []
                return WeightedOptionShare(question: question.id, option: option.value, count: who.reduce(0) { $0 + $1.respondents },
                                           answered: answered.reduce(0) { $0 + $1.respondents },
                                           share: WeightedShare.compute(chosen: weighted(who), answered: answeredWeights))
            }
        }
    }
}
