import Foundation
import TestSupport
import Testing

/// Runs `xmllint --noout --schema` so tests check exports against the REFI-QDA schemas with an
/// independent validator. When xmllint is missing the test records an issue instead of passing
/// without having checked anything.
enum XMLLint {
    /// A schema of `/work/shared/interop/refi-qda/`.
    static func schema(_ name: String) throws -> URL {
        try #require(ProjectRoot.shared("interop/refi-qda/\(name)"), "REFI-QDA schema \(name) not found")
    }

    /// Whether `file` is valid against `schema`, with xmllint's output; nil (and an issue
    /// recorded) when xmllint is not installed.
    static func validate(_ file: URL, schema: URL) throws -> (valid: Bool, output: String)? {
        guard let result = try XMLLintRunner.run(["--noout", "--schema", schema.path], file: file) else {
            Issue.record("xmllint not installed (apt-get install libxml2-utils): schema validation not run")
            return nil
        }
        return (result.status == 0, result.output)
    }

    /// Validates XML text by writing it to a temporary file.
    static func validate(xml: String, schema: URL) throws -> (valid: Bool, output: String)? {
        guard let result = try XMLLintRunner.run(["--noout", "--schema", schema.path], text: xml, suffix: "qdc") else {
            Issue.record("xmllint not installed (apt-get install libxml2-utils): schema validation not run")
            return nil
        }
        return (result.status == 0, result.output)
    }
}
