import ConsultationModel
import Foundation

/// The text of a `.qdc` `<Description>`: how a theme's id, definition, notes and examples are
/// written into the one free-text field REFI-QDA gives a code, and read back.
///
/// The schema allows nothing else on a code (no extra attributes or elements), so the theme id
/// goes on the description's first line, where analysts see it and tools keep it:
///
/// ```
/// consult-id: fairness.racial
/// <description>
///
/// When to use: <include>
///
/// When not to use: <exclude>
///
/// Examples:
/// - <example>
/// ```
///
/// Reading is forgiving: any part may be missing or edited, and text without the markers is
/// all definition (codes made in another tool).
public struct QDCDescription: Sendable, Equatable {
    /// The consult theme id from the first line, if the description has one.
    public var themeID: String?
    /// The definition; empty when the description has none.
    public var text: String
    /// The "When to use:" note.
    public var include: String?
    /// The "When not to use:" note.
    public var exclude: String?
    /// The "Examples:" list, one entry per "- " line.
    public var examples: [String]

    static let idPrefix = "consult-id:"
    static let includePrefix = "When to use:"
    static let excludePrefix = "When not to use:"
    static let examplesHeading = "Examples:"

    /// Creates a description from its parts.
    public init(themeID: String?, text: String, include: String? = nil, exclude: String? = nil, examples: [String] = []) {
        self.themeID = themeID
        self.text = text
        self.include = include
        self.exclude = exclude
        self.examples = examples
    }

    /// The description written for a theme.
    public init(theme: Theme) {
        self.init(themeID: theme.id, text: theme.description, include: theme.include, exclude: theme.exclude, examples: theme.examples)
    }

    /// The description as one text, in the layout shown on the type.
    public var rendered: String {
        var sections = [[themeID.map { "\(Self.idPrefix) \($0)" }, text.isEmpty ? nil : text].compactMap { $0 }.joined(separator: "\n")]
        if let include { sections.append("\(Self.includePrefix) \(include)") }
        if let exclude { sections.append("\(Self.excludePrefix) \(exclude)") }
        if !examples.isEmpty {
            sections.append(([Self.examplesHeading] + examples.map { "- \($0)" }).joined(separator: "\n"))
        }
        return sections.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// Reads a description written by ``rendered`` or by hand. Lines are split on any line
    /// ending; each part is trimmed; an example line that does not start with "- " continues
    /// the example before it.
    public init(parsing description: String) {
        var lines = description.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        var themeID: String?
        if let first = lines.first?.trimmingCharacters(in: .whitespaces), first.hasPrefix(Self.idPrefix) {
            let id = first.dropFirst(Self.idPrefix.count).trimmingCharacters(in: .whitespaces)
            themeID = id.isEmpty ? nil : id
            lines.removeFirst()
        }
        enum Section { case text, include, exclude, examples }
        var section = Section.text
        var parts: [Section: [String]] = [:]
        var examples: [String] = []
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(Self.includePrefix) {
                section = .include
                parts[.include, default: []].append(String(trimmed.dropFirst(Self.includePrefix.count)))
            } else if trimmed.hasPrefix(Self.excludePrefix) {
                section = .exclude
                parts[.exclude, default: []].append(String(trimmed.dropFirst(Self.excludePrefix.count)))
            } else if trimmed == Self.examplesHeading {
                section = .examples
            } else if section == .examples {
                if trimmed.hasPrefix("- ") {
                    examples.append(String(trimmed.dropFirst(2)))
                } else if !trimmed.isEmpty, let last = examples.indices.last {
                    examples[last] += "\n" + trimmed
                } else if !trimmed.isEmpty {
                    examples.append(trimmed)
                }
            } else {
                parts[section, default: []].append(line)
            }
        }
        func joined(_ section: Section) -> String? {
            let text = (parts[section] ?? []).joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        self.init(
            themeID: themeID, text: joined(.text) ?? "", include: joined(.include), exclude: joined(.exclude),
            examples: examples.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
}
