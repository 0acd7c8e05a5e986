import Foundation

/// DOCX through pandoc, when it is installed: consult does not ship or download it.
enum Pandoc {
    /// pandoc on `PATH`, or nil.
    static var executable: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("pandoc") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Converts the Markdown file `markdown` to `docx`; relative image paths resolve from the
    /// Markdown's directory.
    ///
    /// - Throws: `CommandFailure` with pandoc's own message when it fails.
    static func docx(from markdown: URL, to docx: URL, pandoc: URL) throws {
        let process = Process()
        process.executableURL = pandoc
        process.arguments = ["--from", "markdown", "--to", "docx", "--resource-path", markdown.deletingLastPathComponent().path,
                             "--output", docx.path, markdown.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailure("pandoc could not write \(docx.lastPathComponent): \(message.split(separator: "\n").first ?? "exit \(process.terminationStatus)")")
        }
    }
}
