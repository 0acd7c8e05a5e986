import ConsultationModel
import FileReading
import Foundation
import PersonalData
import Statistics
import SurveyExports
import TestSupport
import Testing

/// Random and mutated inputs for every parser that reads a file staff hand us: CSV exports (and the
/// row checks behind them), focus-group notes, instrument and codebook YAML. Whatever the bytes, a
/// parser returns or throws an error that prints as one line; it never traps (a trap would end this
/// test process, failing the run). Bounded: a fixed number of seeded cases per parser, each also cut
/// off after a time budget so a slow machine stays inside CI's limits; a failure replays from its seed.
@Suite struct ParserFuzzTests {
    static let budget: TimeInterval = 3

    /// Bytes that break parsers: quotes, separators, line ends, invalid UTF-8, NUL, BOMs, multi-byte.
    static let hostile: [[UInt8]] = [
        [0x22], [0x2C], [0x0A], [0x0D], [0x0D, 0x0A], [0x00], [0xFF], [0xC3], [0xE2, 0x80], [0xEF, 0xBB, 0xBF],
        [0x3A], [0x2D, 0x2D, 0x2D, 0x0A], [0x7B], [0x5B], [0x26], [0x2A], [0x21], [0x7C], [0x09], [0x20, 0x20],
        Array("P3:".utf8), Array("Facilitator:".utf8), Array("- ".utf8), Array("id: ".utf8), Array("\"\"".utf8),
        Array("😀".utf8), Array("é".utf8),
    ]

    /// A copy of `seed` with a few random edits: flips, hostile insertions, deletions, duplication, truncation.
    static func mutate(_ seed: [UInt8], _ generator: inout SplitMix64) -> [UInt8] {
        var bytes = seed
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &generator)
            case 1: bytes.insert(contentsOf: hostile.randomElement(using: &generator) ?? [], at: position)
            case 2 where !bytes.isEmpty: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...40, using: &generator)))
            case 3 where !bytes.isEmpty: bytes.insert(contentsOf: bytes[position..<min(bytes.count, position + 60)], at: position)
            case 4: bytes = Array(bytes.prefix(position))
            default: bytes.append(contentsOf: (0..<Int.random(in: 1...20, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) })
            }
        }
        return bytes
    }

    /// Runs `body` on mutations of `seed` (and some pure noise) until `cases` or the time budget is spent.
    func fuzz(_ seed: [UInt8], cases: Int, seedValue: UInt64, _ body: ([UInt8]) throws -> Void) {
        var generator = SplitMix64(seed: seedValue)
        let deadline = Date().addingTimeInterval(Self.budget)
        var ran = 0
        while ran < cases, Date() < deadline {
            let input = ran % 10 == 9
                ? (0..<Int.random(in: 0...200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                : Self.mutate(seed, &generator)
            do {
                try body(input)
            } catch {
                let message = "\(error)"
                #expect(!message.isEmpty && !message.contains("\n"), "seed \(seedValue) case \(ran): \(message)")
            }
            ran += 1
        }
        #expect(ran >= 20, "only \(ran) cases ran within the time budget")
    }

    func fileBytes(_ path: String, lines: Int) throws -> [UInt8] {
        let text = try String(contentsOfFile: ProjectRoot.path(path), encoding: .utf8)
        return Array(text.split(separator: "\n", omittingEmptySubsequences: false).prefix(lines).joined(separator: "\n").utf8)
    }

    @Test(arguments: [1, 2]) func csvExportsAndRowChecks(seed: UInt64) throws {
        let optionSets = try InstrumentParser.optionSets(yaml: String(contentsOfFile: ProjectRoot.path("surveys/option-sets.yaml"), encoding: .utf8),
                                                         file: "option-sets.yaml")
        let instrument = try InstrumentParser.instrument(yaml: String(contentsOfFile: ProjectRoot.path("surveys/community-survey.yaml"), encoding: .utf8),
                                                         file: "community-survey.yaml", optionSets: optionSets)
        let pseudonymiser = Pseudonymiser(key: Array(repeating: 1, count: 32))
        fuzz(try fileBytes("surveys/sample/community-responses.csv", lines: 25), cases: 1500, seedValue: seed) { bytes in
            var reader = CSVReader(bytes: bytes, name: "fuzz.csv")
            guard let header = try reader.next() else { return }
            let plan = try ColumnPlan(header: header, second: nil, matcher: try HeaderMatcher(instrument: instrument), file: "fuzz.csv")
            let preparer = try SurveyRowPreparer(instrument: instrument, file: "fuzz.csv", redactor: Redactor(), pseudonymiser: pseudonymiser)
            while let record = try reader.next() {
                let prepared = plan.cells(of: record).flatMap { preparer.prepare($0, line: record.line) }
                if case .failure(let rejected) = prepared {
                    #expect(!"\(rejected)".isEmpty)
                }
            }
        }
    }

    @Test(arguments: [3, 4]) func focusGroupNotes(seed: UInt64) throws {
        let folder = ProjectRoot.path("surveys/sample/focus-groups")
        let first = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).sorted().first { $0.hasSuffix(".md") })
        fuzz(try fileBytes("surveys/sample/focus-groups/" + first, lines: 60), cases: 1500, seedValue: seed) { bytes in
            _ = try Transcript.parse(String(decoding: bytes, as: UTF8.self), file: "fuzz.md")
        }
    }

    @Test(arguments: [5]) func instrumentYAML(seed: UInt64) throws {
        let optionSets = try InstrumentParser.optionSets(yaml: String(contentsOfFile: ProjectRoot.path("surveys/option-sets.yaml"), encoding: .utf8),
                                                         file: "option-sets.yaml")
        fuzz(try fileBytes("surveys/community-survey.yaml", lines: 400), cases: 600, seedValue: seed) { bytes in
            _ = try InstrumentParser.instrument(yaml: String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml", optionSets: optionSets)
        }
    }

    @Test(arguments: [6]) func codebookYAML(seed: UInt64) throws {
        fuzz(try fileBytes("surveys/codebook.yaml", lines: 250), cases: 300, seedValue: seed) { bytes in
            _ = try Codebook.parse(yaml: String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml")
        }
    }
}
