import Foundation
import Testing

/// Runs `xmllint --noout --schema` so tests check exports against the REFI-QDA schemas with an
/// independent validator. When xmllint is missing the test records an issue instead of passing
/// without having checked anything.
enum XMLLint {
    static let path = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/bin/xmllint"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A schema of `/work/shared/interop/refi-qda/`.
    static func schema(_ name: String) throws -> URL {
        try #require(TestFiles.shared("interop/refi-qda/\(name)"), "REFI-QDA schema \(name) not found")
    }

    /// Whether `file` is valid against `schema`, with xmllint's output; nil (and an issue
    /// recorded) when xmllint is not installed.
    static func validate(_ file: URL, schema: URL) throws -> (valid: Bool, output: String)? {
        guard let path else {
            Issue.record("xmllint not installed (apt-get install libxml2-utils): schema validation not run")
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--noout", "--schema", schema.path, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus == 0, output)
    }

    /// Validates XML text by writing it to a temporary file.
    static func validate(xml: String, schema: URL) throws -> (valid: Bool, output: String)? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("consult-\(UUID().uuidString).qdc")
        try Data(xml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try validate(file, schema: schema)
    }
}
