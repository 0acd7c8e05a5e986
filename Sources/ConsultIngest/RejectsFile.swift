import FileReading
import Foundation

/// Writes rejected rows as CSV (`source,line,field,reason,row`), `row` being the rejected row
/// unchanged (a CSV record re-quoted as one CSV line, a JSON line as is), so staff can fix it and
/// import it again.
///
/// The file holds unredacted personal data, like the source file it comes from: it is created
/// readable by its owner only (0600, replacing any file already there), and it never enters the
/// database (`consult.import_reject` holds positions and redacted reasons only).
enum RejectsFile {
    static func write(_ rows: [RowValidation.Rejection], to path: String, source: String) throws {
        var text = "source,line,field,reason,row\n"
        for rejection in rows {
            let row = rejection.row
            text += [source, String(row.line), row.field ?? "", row.reason, rejection.original].map(csvField).joined(separator: ",") + "\n"
        }
        try? FileManager.default.removeItem(atPath: path)
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw SurveyFileError(file: path, message: "cannot write the rejects file")
        }
    }
}
