import Foundation

/// Number formats the chapter uses, so "<10", percentages and intervals read the same everywhere.
enum ChapterNumbers {
    static func percent(_ value: Double) -> String { String(format: "%.0f%%", value) }
    static func interval(_ low: Double, _ high: Double) -> String { String(format: "%.0f–%.0f%%", low, high) }
    static func decimal(_ value: Double?, places: Int = 2) -> String {
        guard let value, value.isFinite else { return "–" }
        return String(format: "%.\(places)f", value)
    }
    static func suppressed(_ minimumCell: Int) -> String { "<\(minimumCell)" }
}
