/// How the chapter names and orders the respondent groups, in one place so every table, chart and
/// sentence agrees.
enum ChapterGroups {
    static let order = ["community", "partner", "focus_group"]
    static let names = ["community": "Community", "partner": "Partners", "focus_group": "Focus groups"]
    /// How one member of a group is named under a quote: never anything finer than the group.
    static let speakers = ["community": "community respondent", "partner": "partner respondent", "focus_group": "focus-group participant"]

    static func name(_ group: String) -> String { names[group] ?? group }

    /// `present` in chapter order: the known groups first, any others after them by name.
    static func ordered(_ present: Set<String>) -> [String] {
        order.filter(present.contains) + present.subtracting(order).sorted()
    }
}
