import ConsultationModel
import Foundation

extension QDCCodebook {
    /// The code tree as themes, parents before children, without rules.
    ///
    /// Each code's theme id is, in order of preference:
    /// 1. the `consult-id:` first line of its description (written by ``Codebook/qdcXML()``);
    /// 2. the id in `knownIDs` whose ``NameBasedUUID/theme(_:)`` equals the code's GUID (a
    ///    consult code whose id line an analyst deleted);
    /// 3. for codes made in another tool: the parent's id, a dot, and the code name as an id
    ///    word (lower case, accents dropped, every run of other characters one `_`: "Fear of
    ///    reprisals!" under `trust` is `trust.fear_of_reprisals`); a top-level code's id is the
    ///    word alone. A word already taken gets `_2`, `_3`, ...; a name with no letters or digits
    ///    is `code`.
    ///
    /// Label is the code name; definition, notes and examples come from the description
    /// (``QDCDescription``); a code without a definition uses its name.
    /// - Throws: ``QDCError`` at the code's line when a recovered id is badly formed, is used
    ///   twice, or does not fit the code's place in the tree (ids name their parent, so a theme
    ///   moved to another parent must become a new theme).
    public func themes(knownIDs: [String] = [], file: String) throws(QDCError) -> [Theme] {
        let byGUID = Dictionary(knownIDs.map { (NameBasedUUID.theme($0), $0) }, uniquingKeysWith: { first, _ in first })
        var recovered: [Int: String] = [:]
        var recoveredLines: [String: Int] = [:]
        for (index, code) in allCodes.enumerated() {
            guard let id = QDCDescription(parsing: code.description ?? "").themeID ?? byGUID[code.guid] else { continue }
            guard ThemeIDSpelling.isWellFormed(id) else {
                throw QDCError(file: file, line: code.line, element: "Code", message: "code '\(code.name)': theme id '\(id)' is not lower-case words of a-z, 0-9 and _ joined by dots")
            }
            if let first = recoveredLines[id] {
                throw QDCError(file: file, line: code.line, element: "Code", message: "code '\(code.name)': theme id '\(id)' is also on the code at line \(first)")
            }
            recovered[index] = id
            recoveredLines[id] = code.line
        }
        var builder = QDCThemeBuilder(file: file, recovered: recovered, taken: Set(recoveredLines.keys))
        try builder.add(codes, parent: nil)
        return builder.themes
    }
}

/// Walks the code tree in the same order as ``QDCCodebook/allCodes``, giving each code its id.
private struct QDCThemeBuilder {
    let file: String
    let recovered: [Int: String]
    var taken: Set<String>
    var themes: [Theme] = []

    init(file: String, recovered: [Int: String], taken: Set<String>) {
        self.file = file
        self.recovered = recovered
        self.taken = taken
    }

    mutating func add(_ codes: [QDCCode], parent: String?) throws(QDCError) {
        for code in codes {
            let index = themes.count
            let id: String
            if let known = recovered[index] {
                try check(known, fits: parent, code: code)
                id = known
            } else {
                id = derivedID(code.name, parent: parent)
            }
            let description = QDCDescription(parsing: code.description ?? "")
            themes.append(Theme(
                id: id, parent: parent, label: code.name.trimmingCharacters(in: .whitespacesAndNewlines),
                description: description.text.isEmpty ? code.name.trimmingCharacters(in: .whitespacesAndNewlines) : description.text,
                include: description.include, exclude: description.exclude, examples: description.examples))
            try add(code.children, parent: id)
        }
    }

    private func check(_ id: String, fits parent: String?, code: QDCCode) throws(QDCError) {
        let fits = parent.map { id.hasPrefix($0 + ".") } ?? !id.contains(".")
        guard !fits else { return }
        let place = parent.map { "under '\($0)'" } ?? "at the top level"
        throw QDCError(
            file: file, line: code.line, element: "Code",
            message: "code '\(code.name)' (theme '\(id)') sits \(place), but a theme's id names its parent: move it back, or delete its 'consult-id:' line to make it a new theme")
    }

    private mutating func derivedID(_ name: String, parent: String?) -> String {
        let base = (parent.map { $0 + "." } ?? "") + ThemeIDSpelling.word(name)
        var id = base
        var suffix = 2
        while taken.contains(id) {
            id = "\(base)_\(suffix)"
            suffix += 1
        }
        taken.insert(id)
        return id
    }
}
