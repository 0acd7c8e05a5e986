import ConsultationModel
import FileReading
import Foundation

/// Known population totals to weight a sample to: per variable (an answer field such as
/// `ethnicity_group`, `age_band`, `borough`), the population total of each level.
///
/// Read from a CSV `variable,level,population_total` (any number of variables), or derived from the
/// consultation's Census reference (`ethnicity_group` from `group,detail,residents`), so another
/// census or another set of margins can be supplied without code changes.
public struct PopulationMargins: Sendable, Equatable {
    /// variable → level → population total.
    public var totals: [String: [String: Double]]

    public init(totals: [String: [String: Double]]) { self.totals = totals }

    /// The ethnic-group margin from the consultation's population reference.
    public static func ethnicGroups(_ population: [PopulationGroup]) -> PopulationMargins {
        var groups: [String: Double] = [:]
        for row in population { groups[row.group, default: 0] += Double(row.residents) }
        return PopulationMargins(totals: groups.isEmpty ? [:] : ["ethnicity_group": groups])
    }

    /// Reads a margins file.
    ///
    /// - Throws: `SurveyFileError` naming file, line and field for a missing column, a total that is
    ///   not a positive number, or a level given twice.
    public static func read(path: String) throws -> PopulationMargins {
        var reader = try CSVReader(path: path)
        guard let header = try reader.next() else { throw SurveyFileError(file: path, line: 1, message: "is empty; expected variable,level,population_total") }
        func column(_ name: String) throws -> Int {
            guard let index = header.fields.firstIndex(of: name) else {
                throw SurveyFileError(file: path, line: header.line, field: name, message: "missing column (expected variable,level,population_total)")
            }
            return index
        }
        let variable = try column("variable"), level = try column("level"), total = try column("population_total")
        var totals: [String: [String: Double]] = [:]
        while let record = try reader.next() {
            guard record.fields.count == header.fields.count else {
                throw SurveyFileError(file: path, line: record.line, message: "has \(record.fields.count) fields, the header has \(header.fields.count)")
            }
            let name = record.fields[variable].trimmingWhitespace(), key = record.fields[level].trimmingWhitespace()
            guard !name.isEmpty, !key.isEmpty else { throw SurveyFileError(file: path, line: record.line, message: "variable and level must not be empty") }
            guard let value = Double(record.fields[total].trimmingWhitespace().replacingOccurrences(of: ",", with: "")), value > 0, value.isFinite else {
                throw SurveyFileError(file: path, line: record.line, field: "population_total", message: "'\(record.fields[total])' is not a positive number")
            }
            guard totals[name]?[key] == nil else {
                throw SurveyFileError(file: path, line: record.line, field: "level", message: "'\(name)' level '\(key)' is given twice")
            }
            totals[name, default: [:]][key] = value
        }
        guard !totals.isEmpty else { throw SurveyFileError(file: path, message: "has no margins") }
        return PopulationMargins(totals: totals)
    }
}
