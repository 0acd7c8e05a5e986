import Foundation

/// Files the pure tests read: the project's own (found by walking up from this source file to the
/// directory holding Package.swift) and the shared reference material beside the checkout.
enum TestFiles {
    static let root: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/", !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            directory.deleteLastPathComponent()
        }
        return directory
    }()

    /// A path inside the project, e.g. `surveys/codebook.yaml`.
    static func project(_ path: String) -> String { root.appendingPathComponent(path).path }

    /// A file of `../shared/` (as laid beside the checkout), falling back to `/work/shared/`; nil if absent.
    static func shared(_ path: String) -> URL? {
        [root.deletingLastPathComponent().appendingPathComponent("shared"), URL(fileURLWithPath: "/work/shared")]
            .map { $0.appendingPathComponent(path) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
