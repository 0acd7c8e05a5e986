import ConsultationModel
import Yams

/// Brings a code tree edited in a QDA tool back into the codebook file.
///
/// The imported themes decide which themes exist, their order, parents, labels, definitions,
/// notes and examples. A theme whose id the current codebook has keeps its rules and its
/// `implies` (less any implied theme that is gone); a new theme has no rules; a theme missing
/// from the import is removed. Everything in the file outside the `themes:` list (comments,
/// version, title, negation, vocabulary) is kept as written; comments inside the list are not.
public struct CodebookMerge: Sendable, Equatable {
    /// The new codebook file's text; it passes ``Codebook/parse(yaml:file:)``.
    public var yaml: String
    /// The new codebook, parsed.
    public var codebook: Codebook
    /// Whether the new codebook differs from the current one in anything but layout.
    public var changed: Bool
    /// Ids kept from the current codebook, in new file order.
    public var kept: [String]
    /// Ids new in the import, in new file order.
    public var added: [String]
    /// Ids of the current codebook that the import leaves out, in old file order.
    public var removed: [String]

    /// Merges `imported` into the codebook text `currentYAML`.
    /// - Parameters:
    ///   - file: the current codebook's path, for errors about it.
    ///   - output: the name to give the result in errors (e.g. the path it will be written to).
    /// - Throws: ``CodebookError`` if the current file is invalid, or if the merged codebook is
    ///   (for example, the import removed a core theme).
    public init(imported: [Theme], currentYAML: String, file: String, output: String) throws {
        let current = try Codebook.parse(yaml: currentYAML, file: file)
        let importedIDs = Set(imported.map(\.id))
        let themes = imported.map { theme -> Theme in
            guard var merged = current.theme(theme.id) else { return theme }
            merged.parent = theme.parent
            merged.label = theme.label
            merged.description = theme.description
            merged.include = theme.include
            merged.exclude = theme.exclude
            merged.examples = theme.examples
            merged.implies = merged.implies.filter(importedIDs.contains)
            return merged
        }
        let (header, trailer) = try Self.outsideThemes(currentYAML, file: file)
        yaml = header + (try CodebookThemeYAML.themes(themes)) + trailer
        codebook = try Codebook.parse(yaml: yaml, file: output)
        changed = codebook != current
        kept = imported.map(\.id).filter { current.theme($0) != nil }
        added = imported.map(\.id).filter { current.theme($0) == nil }
        removed = current.themes.map(\.id).filter { !importedIDs.contains($0) }
    }

    /// Merges the code tree of a `.qdc` file into the codebook text `currentYAML`, recognising
    /// the current codebook's themes by their GUIDs as well as by their `consult-id:` lines
    /// (see ``QDCCodebook/themes(knownIDs:file:)``).
    /// - Throws: ``QDCError`` for a code tree whose ids do not fit, ``CodebookError`` as for
    ///   ``init(imported:currentYAML:file:output:)``.
    public static func importing(
        _ qdc: QDCCodebook, qdcFile: String, currentYAML: String, file: String, output: String
    ) throws -> CodebookMerge {
        let current = try Codebook.parse(yaml: currentYAML, file: file)
        let themes = try qdc.themes(knownIDs: current.themes.map(\.id), file: qdcFile)
        return try CodebookMerge(imported: themes, currentYAML: currentYAML, file: file, output: output)
    }

    /// The file's lines before the top-level `themes:` key, and from the next top-level key on.
    private static func outsideThemes(_ yaml: String, file: String) throws -> (String, String) {
        guard case .mapping(let top)? = try Yams.compose(yaml: yaml),
              let themesLine = top.keys.first(where: { $0.string == "themes" })?.mark?.line else {
            throw CodebookError(file: file, message: "the codebook has no top-level 'themes:' list")
        }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let nextLine = top.keys.compactMap(\.mark?.line).filter { $0 > themesLine }.min()
        let header = lines[..<(themesLine - 1)].map { $0 + "\n" }.joined()
        let trailer = nextLine.map { "\n" + lines[($0 - 1)...].joined(separator: "\n") } ?? ""
        return (header, trailer)
    }
}
