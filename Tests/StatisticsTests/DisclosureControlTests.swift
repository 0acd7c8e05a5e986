import Statistics
import Testing

@Suite struct DisclosureControlTests {
    @Test(arguments: [
        ([50, 3, 40], true, [false, true, true]),
        ([50, 3, 4, 40], true, [false, true, true, false]),
        ([50, 0, 40], true, [false, false, false]),
        ([50, 3, 40], false, [false, true, false]),
        ([12, 11], true, [false, false]),
        ([9], true, [true]),
    ])
    func smallCellsAndTheirComplementsAreHidden(_ counts: [Int], _ additive: Bool, _ expected: [Bool]) {
        #expect(DisclosureControl.suppressed(counts, minimum: 10, additive: additive) == expected)
    }
}
