import ConsultCore
import Statistics
import Testing

@Suite struct GroupDifferenceTests {
    @Test(arguments: [
        (400, 1000, 210, 300, true),    // 40% vs 70%
        (150, 1000, 45, 300, false),    // 15% vs 15%
        (5, 1000, 0, 300, false),       // a count under the minimum: not published, not compared
        (40, 100, 6, 9, false),         // a group under the minimum
        (0, 200, 30, 200, true),        // zero is publishable
    ])
    func passesOnlyWhenTheIntervalExcludesZero(_ c1: Int, _ n1: Int, _ c2: Int, _ n2: Int, _ passes: Bool) throws {
        let result = GroupDifference.test(first: "a", count1: c1, base1: n1, second: "b", count2: c2, base2: n2, minimumCell: 10)
        #expect((result != nil) == passes)
        if let result {
            let reference = try ProportionDifference(successes1: c1, total1: n1, successes2: c2, total2: n2)
            #expect(abs(result.lower - reference.lower * 100) < 1e-9 && abs(result.upper - reference.upper * 100) < 1e-9)
            #expect(result.lower > 0 || result.upper < 0)
        }
    }
}
