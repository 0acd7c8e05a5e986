import ConsultReport
import ConsultStore
import Statistics
import Testing

@Suite struct TopTwoTests {
    func likert(_ counts: [Int], group: String? = nil) -> [OptionCount] {
        counts.enumerated().map { OptionCount(survey: "s", question: "trust", questionType: "likert5", option: String($0.offset + 1), group: group,
                                              count: $0.element, answered: counts.reduce(0, +)) }
    }

    @Test func agreeingIsTheTopTwoPointsWithAWilsonInterval() throws {
        let shares = OptionShare.compute(likert([40, 30, 10, 12, 8]), minimumCell: 5)
        let top = try #require(OptionShare.topTwo(shares).first)
        #expect(top.count.option == "4-5" && top.count.count == 20 && top.count.answered == 100)
        let wilson = Proportion(successes: 20, total: 100)
        #expect(top.percent == 20 && top.ciLow == wilson.lower * 100 && top.ciHigh == wilson.upper * 100)
    }

    @Test func hiddenWhenEitherPointIsHidden() {
        let shares = OptionShare.compute(likert([40, 30, 10, 17, 3]), minimumCell: 5)
        #expect(OptionShare.topTwo(shares).first?.suppressed == true)
        #expect(OptionShare.topTwo(shares).first?.percent == nil)
    }

    @Test func oneRowPerGroupAndNoneForOtherTypes() {
        let shares = OptionShare.compute(likert([40, 30, 10, 12, 8], group: "a") + likert([20, 20, 20, 20, 20], group: "b"), minimumCell: 5)
        #expect(OptionShare.topTwo(shares).map(\.count.group) == ["a", "b"])
        let single = [OptionCount(survey: "s", question: "aware", questionType: "single", option: "yes", group: nil, count: 50, answered: 80)]
        #expect(OptionShare.topTwo(OptionShare.compute(single, minimumCell: 5)).isEmpty)
    }
}
