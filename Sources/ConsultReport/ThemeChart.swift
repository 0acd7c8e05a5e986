import ConsultStore
import Foundation

/// A grouped horizontal bar chart (SVG) of theme percentages by respondent group.
///
/// Plain SVG 1.1 with no scripts or external resources, so it renders in any browser, Markdown
/// viewer or word processor; the output depends only on its input. Suppressed cells get no bar,
/// only `suppressedLabel` ("<10"), as in the tables.
public enum ThemeChart {
    /// One theme's bars: the label and, per group in `groups` order, a percentage or nil if suppressed.
    public struct Row: Sendable, Equatable {
        public var label: String
        public var values: [Double?]
        public init(label: String, values: [Double?]) {
            self.label = label
            self.values = values
        }
    }

    static let palette = ["#1b6ca8", "#e07b1f", "#4c9a2a", "#7a4fa0"]

    public static func svg(title: String, groups: [String], rows: [Row], suppressedLabel: String) -> String {
        let labelWidth = 300.0, barArea = 360.0, barHeight = 11.0, gap = 8.0, top = 44.0
        let rowHeight = Double(groups.count) * barHeight + gap
        let height = top + Double(rows.count) * rowHeight + 16
        let width = labelWidth + barArea + 60
        let maxValue = max(10, (rows.flatMap { $0.values.compactMap { $0 } }.max() ?? 0).rounded(.up))
        var out = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">",
            "<title>\(escape(title))</title>",
            "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
        ]
        var x = labelWidth
        for (i, group) in groups.enumerated() {
            out.append("<rect x=\"\(fmt(x))\" y=\"8\" width=\"10\" height=\"10\" fill=\"\(palette[i % palette.count])\"/>")
            out.append("<text x=\"\(fmt(x + 14))\" y=\"17\">\(escape(group))</text>")
            x += 110
        }
        out.append("<text x=\"\(fmt(labelWidth))\" y=\"34\" fill=\"#555\">% of respondents in the group (0–\(Int(maxValue))%)</text>")
        for (r, row) in rows.enumerated() {
            let y0 = top + Double(r) * rowHeight
            out.append("<text x=\"\(fmt(labelWidth - 8))\" y=\"\(fmt(y0 + Double(groups.count) * barHeight / 2 + 4))\" text-anchor=\"end\">\(escape(row.label))</text>")
            for (g, value) in row.values.enumerated() {
                let y = y0 + Double(g) * barHeight
                guard let value else {
                    out.append("<text x=\"\(fmt(labelWidth + 2))\" y=\"\(fmt(y + barHeight - 2))\" fill=\"#555\">\(escape(suppressedLabel))</text>")
                    continue
                }
                let w = barArea * value / maxValue
                out.append("<rect x=\"\(fmt(labelWidth))\" y=\"\(fmt(y))\" width=\"\(fmt(w))\" height=\"\(fmt(barHeight - 1))\" fill=\"\(palette[g % palette.count])\"/>")
                out.append("<text x=\"\(fmt(labelWidth + w + 4))\" y=\"\(fmt(y + barHeight - 2))\" font-size=\"9\">\(Int(value.rounded()))%</text>")
            }
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    private static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
