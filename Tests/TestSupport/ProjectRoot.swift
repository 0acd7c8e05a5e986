import Foundation

/// The checkout the tests run from: the directory holding Package.swift, found by walking up from this
/// source file, and the shared reference material laid beside it. One place for every test target.
public enum ProjectRoot {
    public static let url: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/", !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            directory.deleteLastPathComponent()
        }
        return directory
    }()

    /// A path inside the project, e.g. `surveys/codebook.yaml`.
    public static func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    /// A file of `../shared/` (beside the checkout), falling back to `/work/shared/`; nil if absent.
    public static func shared(_ relative: String) -> URL? {
        [url.deletingLastPathComponent().appendingPathComponent("shared"), URL(fileURLWithPath: "/work/shared")]
            .map { $0.appendingPathComponent(relative) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
