/// What one column of an export (or one key of a JSON response) holds.
public enum ColumnRole: Sendable, Hashable, CustomStringConvertible {
    /// The source's respondent id (pseudonymised, never stored).
    case respondentID
    /// An optional metadata column the importer knows (`submitted_at`, `mode`).
    case metadata(String)
    /// The answer to a question.
    case question(String)
    /// One option of a multi-select question, ticked or not (`Q3/option`, `Q3 - option`).
    case option(question: String, value: String)
    /// The respondent's own name or contact details (`personal_columns`): never stored, used only to
    /// redact those values from the same respondent's free text.
    case personal(String)
    /// The "other (please specify)" text of a question (a tool's `Q4_7_TEXT` column): free text of
    /// that question, redacted like any free text.
    case otherText(question: String)
    /// A column the mapping file (or the export's tool shape) says to leave out.
    case ignored

    public var description: String {
        switch self {
        case .respondentID: "respondent id"
        case .metadata(let name): name
        case .question(let id): id
        case .option(let question, let value): "\(question)/\(value)"
        case .personal(let name): name
        case .otherText(let question): "\(question)/other text"
        case .ignored: "ignore"
        }
    }
}
