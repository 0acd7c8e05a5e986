import Foundation
import Testing

/// `xmllint --html --noout`, an independent HTML parser, when installed. Its parser knows HTML 4
/// only, so "Tag section invalid" (and other HTML5 elements, inline SVG) are not problems; every
/// other message is.
enum HTMLLint {
    static let path = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The parser's complaints, or nil (with a note) when xmllint is not installed.
    static func problems(_ html: String) throws -> [String]? {
        guard let path else {
            print("xmllint not installed: HTML parser check skipped (XMLParser still ran)")
            return nil
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("consult-chapter-\(UUID().uuidString).html")
        try Data(html.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--html", "--noout", file.path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output.split(separator: "\n").map(String.init)
            .filter { $0.contains("error") && !($0.contains("HTML parser error : Tag ") && $0.hasSuffix(" invalid")) }
    }
}
