import Foundation
import Statistics

extension PerceptionSummary {
    /// Plain text (`markdown == false`) or Markdown, one block per group, then the differences.
    /// Suppressed figures read "<N" (N the minimum cell); focus-group themes read "k of n groups".
    public func render(markdown: Bool) -> String {
        var lines: [String] = []
        func heading(_ text: String) { lines += markdown ? ["## \(text)", ""] : [text, String(repeating: "=", count: text.count)] }
        func item(_ text: String) { lines.append(markdown ? "- \(text)" : "  \(text)") }
        for group in groups {
            let who = group.sessions.map { "\(group.respondents) participants in \($0) groups" } ?? "\(group.respondents) respondents"
            heading("\(Self.groupName(group.group)) (\(who))")
            for themeGroup in group.themeGroups {
                lines.append(markdown ? "**\(themeGroup.label)**" : "\(themeGroup.label):")
                themeGroup.figures.forEach { item(describe($0, group: group)) }
            }
            if !group.answers.isEmpty {
                lines.append(markdown ? "**Answers**" : "Answers:")
                for answer in group.answers {
                    item("\(answer.question) = \(answer.option): \(percent(answer.percent, answer.ciLow, answer.ciHigh)) of \(answer.base)")
                }
            }
            lines.append(markdown ? "**Leading themes**" : "Leading themes:")
            group.leading.forEach { item(describe($0, group: group)) }
            lines.append("")
        }
        heading("Differences between community and partner respondents")
        if differences.isEmpty {
            lines.append("No theme's share differs between the two surveys by more than chance (Newcombe 95% interval includes 0).")
        }
        for d in differences {
            let interval = d.result.interval
            let test = d.result.testText
            item(String(format: "%@ (%@): community %.1f%%, partner %.1f%%; difference %+.1f points (95%% CI %+.1f to %+.1f)%@", d.label, d.theme,
                        interval.first.estimate * 100, interval.second.estimate * 100, interval.estimate * 100, interval.lower * 100, interval.upper * 100,
                        test.isEmpty ? "" : "; " + test))
        }
        lines.append("")
        lines.append("Counts under \(minimumCell) respondents are shown as <\(minimumCell); intervals are Wilson 95%. Focus groups count groups raising a theme, not people.")
        return lines.joined(separator: "\n") + "\n"
    }

    private func describe(_ figure: ThemeFigure, group: Group) -> String {
        if let sessions = group.sessions {
            return "\(figure.label): raised in \(figure.sessions ?? 0) of \(sessions) groups"
        }
        guard let respondents = figure.respondents else { return "\(figure.label): <\(minimumCell)" }
        return "\(figure.label): \(respondents) (\(percent(figure.percent, figure.ciLow, figure.ciHigh)))"
    }

    private func percent(_ value: Double?, _ low: Double?, _ high: Double?) -> String {
        guard let value else { return "<\(minimumCell)" }
        guard let low, let high else { return String(format: "%.1f%%", value) }
        return String(format: "%.1f%%, 95%% CI %.1f–%.1f", value, low, high)
    }

    static func groupName(_ group: String) -> String {
        switch group {
        case "community": "Community respondents"
        case "partner": "Partner organisations"
        case "focus_group": "Focus groups"
        default: group
        }
    }
}

extension PerceptionSummary.Difference: Encodable {
    enum CodingKeys: String, CodingKey {
        case theme, label, difference, p
        case firstPercent = "community_percent", secondPercent = "partner_percent", ciLow = "ci_low", ciHigh = "ci_high"
    }

    /// Percentages and points (0-100 scale), community minus partner.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(theme, forKey: .theme)
        try c.encode(label, forKey: .label)
        try c.encode(result.interval.first.estimate * 100, forKey: .firstPercent)
        try c.encode(result.interval.second.estimate * 100, forKey: .secondPercent)
        try c.encode(result.interval.estimate * 100, forKey: .difference)
        try c.encode(result.interval.lower * 100, forKey: .ciLow)
        try c.encode(result.interval.upper * 100, forKey: .ciHigh)
        try c.encode(result.chiSquare?.pValue, forKey: .p)
    }
}
