import FileReading
import Foundation
import PersonalData
import TestSupport
import Testing

/// The readers and the redactor on text real people wrote (`../shared/realdata/`, CC BY 4.0: Polis /
/// The Computational Democracy Project; NaPiRE, Mendez, Wagner, Kalinowski, Felderer et al.). Read in
/// place, never copied. Skipped where the shared folder is not beside the checkout.
@Suite struct RealDataTests {
    static let polis = ProjectRoot.shared("realdata/polis-london-youth-policing/comments.csv")
    static let napire: [URL] = {
        guard let dir = ProjectRoot.shared("realdata/napire2018/freetext_coded"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasSuffix(".csv") }.sorted().map { dir.appendingPathComponent($0) }
    }()

    @Test(.enabled(if: polis != nil)) func polisStatementsReadWhole() throws {
        var reader = try CSVReader(path: Self.polis!.path)
        let header = try #require(try reader.next())
        let body = try #require(header.fields.firstIndex(of: "comment-body"))
        var statements: [String] = []
        while let record = try reader.next() {
            #expect(record.fields.count == header.fields.count, "line \(record.line)")
            statements.append(record.fields[body])
        }
        #expect(statements.count == 39)
        // Plain opinions carry no personal data: the redactor must leave every one untouched.
        let redactor = Redactor()
        for statement in statements { #expect(redactor.redact(statement).text == statement) }
    }

    /// Every NaPiRE file either reads to the end or stops with a located error (mixed encodings,
    /// CRLF, semicolons): the reader never crashes; under `--encoding utf-8` a non-UTF-8 file is
    /// refused, and by default it is converted and says so, never garbled silently.
    @Test(.enabled(if: !napire.isEmpty)) func messyExportsReadOrFailWithLineAndColumn() throws {
        var read = 0, refused = 0, converted = 0
        for url in Self.napire {
            let bytes = [UInt8](try Data(contentsOf: url))
            let isUTF8 = String(validating: bytes, as: UTF8.self) != nil
            var strict = CSVReader(bytes: bytes, name: url.lastPathComponent, encoding: .utf8)
            var detecting = CSVReader(bytes: bytes, name: url.lastPathComponent)
            do {
                while try strict.next() != nil {}
                #expect(isUTF8, "\(url.lastPathComponent) read although not UTF-8")
                read += 1
            } catch let error as SurveyFileError {
                #expect(error.line != nil, "\(error)")
                #expect(error.file == url.lastPathComponent)
                refused += 1
            }
            do {
                while try detecting.next() != nil {}
                #expect((detecting.input.conversion != nil) == !isUTF8, "\(url.lastPathComponent): conversion not reported")
                if !isUTF8 { converted += 1 }
            } catch let error as SurveyFileError {
                #expect(error.line != nil, "\(error)")
            }
        }
        #expect(read + refused == Self.napire.count)
        #expect(refused >= 1)
        #expect(read >= 20)
        #expect(converted >= 1)
    }
}
