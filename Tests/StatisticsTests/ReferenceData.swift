import Foundation

/// The published worked examples in `shared/reference/stats`, read at test time.
///
/// The directory is looked for in the nearest ancestor of this file that has `shared/reference/stats`
/// (for the main checkout that is `<repo>/../shared`; a worktree nested one level deeper still finds it).
/// A missing directory or file throws, so a test that needs it records an issue instead of passing
/// with nothing checked.
enum ReferenceData {
    struct Missing: Error, CustomStringConvertible {
        var file: String
        var description: String { "reference file \(file) not found beside the checkout (shared/reference/stats)" }
    }

    static let directory: URL? = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("shared/reference/stats")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }()

    /// The data rows of a CSV file (header dropped), split on commas; blank fields stay as "".
    static func rows(_ file: String) throws -> [[String]] {
        guard let url = directory?.appendingPathComponent(file),
              let text = try? String(contentsOf: url, encoding: .utf8) else { throw Missing(file: file) }
        return text.split(whereSeparator: \.isNewline).dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }
}

/// A CSV field that must parse; a malformed reference file fails the test rather than trapping.
struct Unparsable: Error { var field: String }

func number(_ field: String) throws -> Double {
    guard let value = Double(field) else { throw Unparsable(field: field) }
    return value
}

func integer(_ field: String) throws -> Int {
    guard let value = Int(field) else { throw Unparsable(field: field) }
    return value
}
