import Foundation
import Testing

/// `consult export codebook` and `consult import codebook`: files in, files out, no database.
extension CLITests {
    @Test func codebookExportsToQDCAndImportsBackWithoutADatabase() throws {
        let qdc = home.appendingPathComponent("codebook.qdc").path
        let yaml = home.appendingPathComponent("codebook.yaml").path
        let export = try consult(["export", "codebook", "--format", "qdc", "--out", qdc], databaseURL: "postgresql:///nowhere?host=/nonexistent")
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.hasPrefix("wrote \(qdc): 42 codes from codebook 2018.3"))
        let xml = try String(contentsOfFile: qdc, encoding: .utf8)
        #expect(xml.contains("<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""))

        let back = try consult(["import", "codebook", qdc, "--out", yaml], databaseURL: "postgresql:///nowhere?host=/nonexistent")
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout.hasPrefix("wrote \(yaml): 42 themes (42 kept, 0 new, 0 removed)"))
        #expect(!back.stderr.contains("note:"))

        let again = try consult(["export", "codebook", "--format", "qdc", "--codebook", yaml, "--out", qdc + "2"], databaseURL: nil)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try String(contentsOfFile: qdc + "2", encoding: .utf8) == xml)
    }

    @Test(arguments: [
        (["import", "codebook", "MISSING.qdc", "--out", "x.yaml"], "MISSING.qdc: no such file"),
        (["import", "codebook", "BROKEN.qdc", "--out", "x.yaml"], "BROKEN.qdc:2: <Code>: missing required attribute 'isCodable'"),
        (["export", "codebook", "--format", "qdc", "--codebook", "MISSING.yaml", "--out", "x.qdc"], "MISSING.yaml: no such file"),
    ])
    func codebookExchangeErrorsAreOneLine(_ arguments: [String], _ message: String) throws {
        let broken = home.appendingPathComponent("BROKEN.qdc")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try "<?xml version=\"1.0\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"0D62985D-B147-5D01-A9B5-CAE5DCD98342\" name=\"a\"/></Codes></CodeBook>\n"
            .write(to: broken, atomically: true, encoding: .utf8)
        let paths = arguments.map { $0.hasSuffix(".qdc") || $0.hasSuffix(".yaml") ? home.appendingPathComponent($0).path : $0 }
        let run = try consult(paths, databaseURL: nil)
        #expect(run.status == 1)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    }
}
