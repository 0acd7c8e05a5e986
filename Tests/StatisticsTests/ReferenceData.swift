import Foundation
import TestSupport

/// The published worked examples in `shared/reference/stats`, read at test time, found the way every
/// test target finds the shared material (`TestSupport.ProjectRoot.shared`: beside the checkout, else
/// `/work/shared`). A missing directory or file throws, so a test that needs it records an issue
/// instead of passing with nothing checked.
enum ReferenceData {
    struct Missing: Error, CustomStringConvertible {
        var file: String
        var description: String { "reference file \(file) not found (shared/reference/stats beside the checkout or in /work/shared)" }
    }

    static let directory: URL? = ProjectRoot.shared("reference/stats")

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
