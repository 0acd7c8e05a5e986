/// The theme ids the review's questions depend on (DESIGN.md, "Core theme ids"). A codebook must
/// define every one of them, each with at least one rule; it may add sub-themes.
public enum CoreThemes {
    /// The 32 core ids, in the order DESIGN.md lists them.
    public static let ids: [String] = [
        "awareness.aware", "awareness.unaware", "awareness.not_told",
        "understanding.purpose", "understanding.misconception", "understanding.criteria_unclear",
        "information.police", "information.media", "information.community", "information.partner",
        "information.none",
        "fairness.racial", "fairness.age", "fairness.association", "fairness.stigma",
        "impact.enforcement", "impact.services", "impact.support", "impact.victims",
        "data.sharing", "data.rights", "data.challenge",
        "effectiveness.positive", "effectiveness.negative",
        "trust.low", "trust.high",
        "context.other_tools",
        "improvement.transparency", "improvement.notification", "improvement.engagement",
        "improvement.oversight", "improvement.abolish",
    ]

    /// The group ids the core themes belong to.
    public static var groups: [String] {
        var seen: Set<String> = []
        return ids.compactMap { id in
            let group = String(id.prefix { $0 != "." })
            return seen.insert(group).inserted ? group : nil
        }
    }
}
