import ConsultationModel
import FileReading
import Foundation

/// One line of `generator-labels.csv`: a core theme that the synthetic-data generator wrote into
/// one segment. The segment is named as the importers name it, so the lead's database side can find
/// it: survey answers by instrument id, `response_id`, question id and position 1; focus-group turns
/// by `focus_groups`, `SESSION/P<n>`, the session id and the turn's number among all turns.
public struct GeneratorLabel: Sendable, Equatable {
    /// The instrument id (`community`, `partner`, `focus_groups`).
    public var survey: String
    /// The respondent's source id (`C-000001`, `fg-03/P2`).
    public var respondent: String
    public var question: String
    public var position: Int
    public var theme: String
    /// The line of the file the label is on (the header is line 1), for error messages.
    public var line: Int

    public init(survey: String, respondent: String, question: String, position: Int, theme: String, line: Int) {
        self.survey = survey
        self.respondent = respondent
        self.question = question
        self.position = position
        self.theme = theme
        self.line = line
    }
}

/// Reads `generator-labels.csv` (written by `consult sample generate`): the header
/// `survey,respondent,question,position,theme` in any column order, then one label per line.
///
/// Checked here: the header has exactly those columns; every record has every field, non-empty; the
/// position is a whole number of at least 1; the theme is a well-formed id; no label is repeated.
/// Whether the segment and theme exist is the database side's check. The first problem stops the
/// read with a `SurveyFileError` naming the file, line and field. Nothing is written anywhere.
public enum GeneratorLabelsFile {
    /// The columns, in the order the generator writes them.
    public static let columns = ["survey", "respondent", "question", "position", "theme"]

    /// Reads the file at `path`.
    public static func read(path: String) throws -> [GeneratorLabel] {
        var reader = try CSVReader(path: path)
        return try labels(&reader, file: path)
    }

    /// Parses CSV held in memory; `name` stands for the file in error messages.
    public static func parse(bytes: [UInt8], name: String) throws -> [GeneratorLabel] {
        var reader = CSVReader(bytes: bytes, name: name)
        return try labels(&reader, file: name)
    }

    private static func labels(_ reader: inout CSVReader, file: String) throws -> [GeneratorLabel] {
        let expected = columns.joined(separator: ",")
        guard let header = try reader.next() else {
            throw SurveyFileError(file: file, line: 1, message: "is empty; expected the header \(expected)")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        for name in names where !columns.contains(name) {
            throw SurveyFileError(file: file, line: header.line, field: name, message: "unknown column (expected \(expected))")
        }
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index.updateValue(position, forKey: name) != nil {
            throw SurveyFileError(file: file, line: header.line, field: name, message: "column appears twice")
        }
        for name in columns where index[name] == nil {
            throw SurveyFileError(file: file, line: header.line, field: name, message: "missing column (expected \(expected))")
        }
        var labels: [GeneratorLabel] = []
        var seen: [[String]: Int] = [:]
        while let record = try reader.next() {
            guard record.fields.count == names.count else {
                throw SurveyFileError(file: file, line: record.line, message: "has \(record.fields.count) fields, the header has \(names.count)")
            }
            let values = columns.map { record.fields[index[$0] ?? 0].trimmingCharacters(in: .whitespaces) }
            for (name, value) in zip(columns, values) where value.isEmpty {
                throw SurveyFileError(file: file, line: record.line, field: name, message: "is empty")
            }
            guard let position = Int(values[3]), position >= 1 else {
                throw SurveyFileError(file: file, line: record.line, field: "position", message: "'\(values[3])' is not a whole number of at least 1")
            }
            guard ThemeIDSpelling.isWellFormed(values[4]) else {
                throw SurveyFileError(file: file, line: record.line, field: "theme",
                                      message: "'\(values[4])' is not a theme id (lower-case words joined by dots, e.g. fairness.racial)")
            }
            if let first = seen.updateValue(record.line, forKey: values) {
                throw SurveyFileError(file: file, line: record.line, message: "repeats the label on line \(first)")
            }
            labels.append(GeneratorLabel(survey: values[0], respondent: values[1], question: values[2], position: position,
                                         theme: values[4], line: record.line))
        }
        return labels
    }
}
