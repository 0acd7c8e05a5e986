import Foundation

/// `xmllint`, an independent XML/HTML parser and schema validator, for tests that check what consult
/// writes against something other than consult's own code.
public enum XMLLintRunner {
    public static let path = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/bin/xmllint"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs xmllint with `arguments` followed by `text` written to a temporary file with `suffix`.
    ///
    /// - Returns: the exit status and everything xmllint printed; nil when it is not installed.
    public static func run(_ arguments: [String], text: String, suffix: String) throws -> (status: Int32, output: String)? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("consult-\(UUID().uuidString).\(suffix)")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try run(arguments, file: file)
    }

    /// Runs xmllint with `arguments` followed by `file`.
    public static func run(_ arguments: [String], file: URL) throws -> (status: Int32, output: String)? {
        guard let path else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments + [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
