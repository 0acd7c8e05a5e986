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

    /// - Parameters:
    ///   - questions: the closed questions to report, in instrument order (options in their order).
    ///   - answers: (respondent, question, value) triples; a multi answer has one per option chosen.
    ///   - weights: respondent id → weight; a respondent without one counts with weight 1.
    public static func compute(questions: [Question], answers: [(respondent: Int, question: String, value: String)],
                               weights: [Int: Double]) -> [WeightedOptionShare] {
        var chosen: [String: [String: Set<Int>]] = [:]
        var answeredBy: [String: Set<Int>] = [:]
        for answer in answers {
            chosen[answer.question, default: [:]][answer.value, default: []].insert(answer.respondent)
            answeredBy[answer.question, default: []].insert(answer.respondent)
        }
        func weightsOf(_ respondents: Set<Int>) -> [Double] { respondents.sorted().map { weights[$0] ?? 1 } }
        return questions.flatMap { question in
            let answered = answeredBy[question.id] ?? []
            let answeredWeights = weightsOf(answered)
            return question.options.map { option in
                let who = chosen[question.id]?[option.value] ?? []
                return WeightedOptionShare(question: question.id, option: option.value, count: who.count, answered: answered.count,
                                           share: WeightedShare.compute(chosen: weightsOf(who), answered: answeredWeights))
            }
        }
    }
}
