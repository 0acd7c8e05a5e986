import FileReading
import Foundation
import PersonalData

/// The pseudonymisation key: 32 random bytes in a file outside the database (mode 0600).
///
/// Whoever holds the key and a source respondent id can recompute the pseudonym (for erasure and
/// subject access requests); the database alone cannot be linked back to a respondent.
public enum PseudonymKeyFile {
    /// Reads the key at `path`, creating it (and its directory, mode 0700) on first use.
    public static func loadOrCreate(path: String) throws -> [UInt8] {
        let fm = FileManager.default
        if let data = fm.contents(atPath: path) {
            guard data.count >= 32 else {
                throw SurveyFileError(file: path, message: "pseudonymisation key is too short (\(data.count) bytes, need 32)")
            }
            return [UInt8](data)
        }
        if fm.fileExists(atPath: path) { throw SurveyFileError(file: path, message: "pseudonymisation key cannot be read") }
        let key = Pseudonymiser.generateKey()
        let directory = (path as NSString).deletingLastPathComponent
        do {
            if !directory.isEmpty && !fm.fileExists(atPath: directory) {
                try fm.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
        } catch {
            throw SurveyFileError(file: directory, message: "cannot create the key directory (\(error.localizedDescription))")
        }
        guard fm.createFile(atPath: path, contents: Data(key), attributes: [.posixPermissions: 0o600]) else {
            throw SurveyFileError(file: path, message: "cannot write the pseudonymisation key")
        }
        return key
    }
}
