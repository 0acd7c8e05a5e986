import ConsultationModel
import Foundation
import RuleCoding
import TestSupport

/// Shared inputs for the codebook and coder tests.
public enum CodebookFixtures {
    /// The shipped codebook's text (`surveys/codebook.yaml`).
    public static func shippedYAML() throws -> String {
        try String(contentsOfFile: ProjectRoot.path("surveys/codebook.yaml"), encoding: .utf8)
    }

    /// The shipped codebook, parsed once.
    public static let shipped: Result<Codebook, any Error> = Result {
        try Codebook.parse(yaml: try shippedYAML(), file: "surveys/codebook.yaml")
    }

    /// The review's core theme ids, as the shipped codebook lists them (`core_themes`).
    public static let coreThemeIDs: [String] = try! shipped.get().coreThemeIDs

    /// The groups the core themes belong to, in first-use order.
    public static var coreGroups: [String] {
        var seen: Set<String> = []
        return coreThemeIDs.compactMap { id in
            let group = String(id.prefix { $0 != "." })
            return seen.insert(group).inserted ? group : nil
        }
    }

    /// A coder over the shipped codebook, compiled once and shared by tests.
    public static let coder: Result<AutoCoder, any Error> = Result {
        try AutoCoder(codebook: try shipped.get())
    }

    /// Theme ids the shipped coder finds in a text.
    public static func themes(_ text: String) throws -> Set<String> {
        Set(try coder.get().code(text).map(\.themeID))
    }

    /// A minimal valid codebook: every core group and theme of the review, listed as core, one rule
    /// each, plus `extra` YAML appended to the theme list and `rules` replacing the rules of
    /// `fairness.racial`.
    public static func minimalYAML(extraThemes: String = "", racialRules: String? = nil, header: String = "") -> String {
        var lines = [
            "version: \"test.1\"",
            "title: Test codebook",
        ]
        if !header.isEmpty { lines.append(header) }
        lines.append("core_themes: [\(coreThemeIDs.joined(separator: ", "))]")
        lines.append("themes:")
        for group in coreGroups {
            lines.append("  - id: \(group)")
            lines.append("    label: \(group)")
            lines.append("    description: The \(group) group.")
            for id in coreThemeIDs where id.hasPrefix(group + ".") {
                let ruleID = id.replacingOccurrences(of: ".", with: "_")
                lines.append("  - id: \(id)")
                lines.append("    parent: \(group)")
                lines.append("    label: \(id)")
                lines.append("    description: Theme \(id).")
                lines.append("    rules:")
                if id == "fairness.racial", let racialRules {
                    lines.append(racialRules)
                } else {
                    lines.append("      - id: \(ruleID)")
                    lines.append("        any: [zz\(ruleID)]")
                }
            }
        }
        if !extraThemes.isEmpty { lines.append(extraThemes) }
        return lines.joined(separator: "\n") + "\n"
    }
}
