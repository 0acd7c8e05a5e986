/// Draws `submitted_at` values inside the consultation window (1 August to 30 November 2018).
///
/// Responses bunch after launch and before the close, online answers arrive through the day and
/// evening, paper forms are keyed in by staff in office hours on weekdays. Times are UTC (`Z`).
enum SubmissionTime {
    private static let monthLengths = [(8, 31), (9, 30), (10, 31), (11, 30)]
    private static let dayWeights: [Double] = (0..<122).map { day in
        day < 14 ? 2.2 : day > 110 ? 2.6 : day > 95 ? 1.4 : 1
    }
    private static let onlineHourWeights: [Double] = [
        0.6, 0.3, 0.15, 0.1, 0.1, 0.2, 0.5, 1, 1.6, 1.8, 1.7, 1.6, 2, 2, 1.7, 1.8, 2, 2.2, 2.5, 3, 3.1, 2.8, 2.1, 1.2,
    ]

    /// An ISO 8601 date-time, e.g. `2018-09-14T19:23:05Z`.
    static func draw(online: Bool, _ rng: inout SeededRandom) -> String {
        var day = rng.weightedIndex(dayWeights)
        let hour: Int
        if online {
            hour = rng.weightedIndex(onlineHourWeights)
        } else {
            // 1 August 2018 was a Wednesday: weekday index (Mon = 0) is (day + 2) % 7.
            while (day + 2) % 7 >= 5 { day -= 1 }
            day = max(day, 0)
            hour = rng.int(in: 8...16)
        }
        var month = 8
        var dayOfMonth = day + 1
        for (m, length) in monthLengths {
            month = m
            if dayOfMonth <= length { break }
            dayOfMonth -= length
        }
        return "2018-" + twoDigits(month) + "-" + twoDigits(dayOfMonth) + "T" + twoDigits(hour) + ":"
            + twoDigits(rng.below(60)) + ":" + twoDigits(rng.below(60)) + "Z"
    }

    private static func twoDigits(_ n: Int) -> String {
        n < 10 ? "0" + String(n) : String(n)
    }
}
