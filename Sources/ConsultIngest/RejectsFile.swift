import ConsultCore
import Foundation

/// Writes rejected rows as CSV (`source,line,field,reason`).
///
/// Only positions and reasons are written, never the row's content: the rejects file must not become
/// a second, unprotected copy of personal data. Staff fix the source file at the named lines.
enum RejectsFile {
    static func write(_ rows: [RejectedRow], to path: String, source: String) throws {
        var text = "source,line,field,reason\n"
        for row in rows {
            text += [source, String(row.line), row.field ?? "", row.reason].map(csvField).joined(separator: ",") + "\n"
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw SurveyFileError(file: path, message: "cannot write the rejects file")
        }
    }
}
