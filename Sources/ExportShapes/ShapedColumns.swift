import ConsultationModel
import Digests
import FileReading
import SurveyExports

/// An export's shape resolved against an instrument: what every column maps to (question, option,
/// other text, attribute, dropped as personal data, dropped as metadata, or unmatched), and each
/// data record turned into the `ResponseCell`s the row preparer takes.
///
/// Row rules that come from the tool: Qualtrics previews, tests and spam are skipped, and so are
/// unfinished responses (Qualtrics `Finished` 0, LimeSurvey empty `Date submitted`) unless partial
/// ones are wanted; tool timestamps become ISO 8601; a multi-select cell is split with the tool's
/// separator; Qualtrics recode numbers become options by position; a file without a response id
/// (Google Forms) gets one derived from the row's content. Every skip is counted by reason.
public struct ShapedColumns: Sendable {
    /// One column and what it maps to, for the import report and `consult import inspect`.
    public struct Mapped: Sendable, Equatable {
        public var number: Int
        public var header: String
        /// nil: nothing matched (the import refuses the file, naming it).
        public var role: ColumnRole?
        /// The tool's own column, when it is one.
        public var tool: ToolColumn?

        /// "question aware", "option sources/police", "dropped: personal data (IP address)"...
        public var target: String {
            if let tool {
                switch tool {
                case .respondentID, .submittedAt, .otherText: break
                default: return tool.description
                }
            }
            switch role {
            case nil: return "unmatched"
            case .respondentID?: return "respondent id"
            case .metadata(let name)?: return name
            case .question(let id)?: return "question \(id)"
            case .option(let question, let value)?: return "option \(question)/\(value)"
            case .otherText(let question)?: return "other text of \(question)"
            case .personal(let name)?: return "dropped: personal data (\(name))"
            case .ignored?: return "ignored (mapping file)"
            }
        }
    }

    public let shape: ExportShape
    public let columns: [Mapped]
    private let instrument: Instrument

    /// Resolves every column; never throws (unmatched columns are nil, for `inspect`).
    public init(shape: ExportShape, matcher: HeaderMatcher) {
        self.shape = shape
        self.instrument = matcher.instrument
        var personalNames: [String: Int] = [:]
        columns = shape.columns.enumerated().map { index, column in
            let role: ColumnRole?
            switch column.tool {
            case .respondentID?: role = .respondentID
            case .submittedAt?: role = .metadata("submitted_at")
            case .personalData(let kind)?:
                personalNames[kind, default: 0] += 1
                role = .personal(personalNames[kind] == 1 ? kind : "\(kind) \(personalNames[kind]!)")
            case .metadata?, .status?, .finished?: role = .ignored
            case .otherText(let question)?:
                if case .question(let id)? = matcher.role(for: question) { role = .otherText(question: id) } else { role = nil }
            case nil:
                role = column.candidates.lazy.filter { !$0.trimmingWhitespace().isEmpty }.compactMap(matcher.role(for:)).first
            }
            return Mapped(number: index + 1, header: column.header, role: role, tool: column.tool)
        }
    }

    /// The checked column plan: refuses unmatched columns, a missing id column (unless the shape
    /// derives one) or question, or two columns for one thing.
    public func plan(file: String, line: Int) throws -> ColumnPlan {
        try ColumnPlan(roles: columns.map(\.role), headers: columns.map(\.header), headerRows: shape.headerRows,
                       instrument: instrument, file: file, line: line, derivedID: shape.derivesID && !columns.contains { $0.role == .respondentID })
    }

    /// What one data record becomes.
    public enum Row: Sendable, Equatable {
        case response([ResponseCell])
        /// Not imported, for the reason given (counted in the report).
        case skipped(String)
        case rejected(RejectedRow)
    }

    /// The cells of one data record under `plan`, or why it is skipped or rejected.
    public func row(_ record: CSVRecord, plan: ColumnPlan, includePartial: Bool) -> Row {
        if let reason = skipReason(record.fields, includePartial: includePartial) { return .skipped(reason) }
        var cells: [ResponseCell]
        switch plan.cells(of: record) {
        case .failure(let rejection): return .rejected(rejection)
        case .success(let read): cells = read
        }
        for index in cells.indices { cells[index].content = content(of: cells[index]) }
        if !cells.contains(where: { $0.role == .respondentID }) && shape.derivesID {
            cells.insert(ResponseCell(role: .respondentID, column: 0, header: "derived id", content: .text(Self.contentID(cells))), at: 0)
        }
        return .response(cells)
    }

    /// A stable id from a response's content (its normalised timestamp and answers): the same
    /// response in a later export gets the same id, so it is recognised as already imported.
    public static func contentID(_ cells: [ResponseCell]) -> String {
        var bytes: [UInt8] = []
        for cell in cells {
            bytes += Array("\(cell.role)=\(cell.text)".utf8)
            bytes.append(0x1F)
        }
        return "content-" + sha256Hex(of: bytes)
    }

    private func skipReason(_ fields: [String], includePartial: Bool) -> String? {
        for (index, column) in shape.columns.enumerated() where index < fields.count {
            let value = fields[index].trimmingWhitespace()
            switch column.tool {
            case .status?:
                let lower = value.lowercased()
                if ["1", "2", "8", "9", "12", "17"].contains(lower) || ["preview", "test", "spam"].contains(where: lower.contains) {
                    return "not a real response (Status '\(value)': preview, test or spam)"
                }
            case .finished? where !includePartial:
                if ["0", "false"].contains(value.lowercased()) { return "unfinished (Finished '\(value)'; --include-partial imports it)" }
            case .submittedAt? where shape.tool == .limeSurvey && !includePartial:
                if value.isEmpty { return "incomplete (no Date submitted; --include-partial imports it)" }
            default:
                break
            }
        }
        return nil
    }

    private func content(of cell: ResponseCell) -> ResponseCell.Content {
        guard case .text(let text) = cell.content else { return cell.content }
        switch cell.role {
        case .metadata("submitted_at"):
            return .text(ToolTimestamp.iso(text, dayFirst: shape.dayFirst) ?? text)
        case .question(let id):
            guard let question = instrument.question(id), question.type.isClosed else { return cell.content }
            if question.type == .multi, let separator = shape.multiSeparator {
                return .list(MultiSelectSplit.parts(of: text, separator: separator, question: question).map { recode($0, question) })
            }
            return .text(recode(text, question))
        default:
            return cell.content
        }
    }

    /// A Qualtrics recode number that is no option's value or label: the option at that position.
    private func recode(_ text: String, _ question: Question) -> String {
        guard shape.numericRecodes, question.option(matching: text) == nil, let n = Int(text.trimmingWhitespace()),
              question.options.indices.contains(n - 1) else { return text }
        return question.options[n - 1].value
    }
}
