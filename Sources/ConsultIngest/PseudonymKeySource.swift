import Digests
import FileReading

/// Where the pseudonymisation key comes from, decided from the environment.
///
/// `CONSULT_KEY_FILE` names a key file explicitly; `CONSULT_KEY` holds the key itself (64 hex digits,
/// or any text of at least 32 bytes), for deployments that keep secrets in the environment; otherwise
/// the key file `pseudonym.key` under `$CONSULT_HOME`, created (mode 0600) on first use. Setting both
/// variables is refused rather than guessed at. The key is never stored in the database, and no
/// message here ever contains it.
public enum PseudonymKeySource {
    public static func key(environment: [String: String], home: String) throws -> [UInt8] {
        let file = environment["CONSULT_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        let inline = environment["CONSULT_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        switch (file, inline) {
        case (let path?, nil):
            return try PseudonymKeyFile.loadOrCreate(path: path)
        case (nil, let text?):
            let bytes = text.count == 64 ? HexCoding.decode(text) ?? Array(text.utf8) : Array(text.utf8)
            guard bytes.count >= 32 else {
                throw SurveyFileError(file: "CONSULT_KEY", message: "is too short (\(bytes.count) bytes); give 64 hex digits or at least 32 characters")
            }
            return bytes
        case (.some, .some):
            throw SurveyFileError(file: "CONSULT_KEY", message: "and CONSULT_KEY_FILE are both set; set only one, so it is clear which key made the pseudonyms")
        case (nil, nil):
            return try PseudonymKeyFile.loadOrCreate(path: defaultPath(home: home))
        }
    }

    /// Where the key comes from, for reports (`consult dpia`): a path or the variable's name, never the key.
    public static func location(environment: [String: String], home: String) -> String {
        if let file = environment["CONSULT_KEY_FILE"], !file.isEmpty { return "\(file) (CONSULT_KEY_FILE)" }
        if let inline = environment["CONSULT_KEY"], !inline.isEmpty { return "the CONSULT_KEY environment variable" }
        return defaultPath(home: home)
    }

    /// The key file used when neither variable is set.
    public static func defaultPath(home: String) -> String { home.hasSuffix("/") ? home + "pseudonym.key" : home + "/pseudonym.key" }
}
