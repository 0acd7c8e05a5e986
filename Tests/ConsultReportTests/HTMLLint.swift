import Foundation
import TestSupport

/// `xmllint --html --noout`, an independent HTML parser, when installed. Its parser knows HTML 4
/// only, so "Tag section invalid" (and other HTML5 elements, inline SVG) are not problems; every
/// other message is.
enum HTMLLint {
    /// The parser's complaints, or nil (with a note) when xmllint is not installed.
    static func problems(_ html: String) throws -> [String]? {
        guard let result = try XMLLintRunner.run(["--html", "--noout"], text: html, suffix: "html") else {
            print("xmllint not installed: HTML parser check skipped (XMLParser still ran)")
            return nil
        }
        return result.output.split(separator: "\n").map(String.init)
            .filter { $0.contains("error") && !($0.contains("HTML parser error : Tag ") && $0.hasSuffix(" invalid")) }
    }
}
