import ConsultationModel
import FileReading
import SyntheticSample

/// Free-text answers from the project's synthetic generator, as `consult import` would store them as
/// segments: every non-empty cell of a text question, community and partner rows in the proportion
/// of the committed sample set (1,500 : 300). Not redacted: the benchmark measures the coder alone.
enum SyntheticSegments {
    /// The first `count` segments (fewer only if `count` is not positive), deterministic for a seed.
    static func make(count: Int, consultation: Consultation, seed: UInt64 = SampleGenerator.defaultSeed) throws -> [String] {
        guard count > 0 else { return [] }
        let generator = SampleGenerator(seed: seed)
        let partnerShare = Double(SampleGenerator.defaultPartnerCount)
            / Double(SampleGenerator.defaultCommunityCount + SampleGenerator.defaultPartnerCount)
        let partnerWanted = Int((Double(count) * partnerShare).rounded())
        let community = try texts(count - partnerWanted, survey: "community", consultation: consultation) { rows, out in
            generator.writeCommunityCSV(count: rows, to: &out)
        }
        let partner = try texts(partnerWanted, survey: "partner", consultation: consultation) { rows, out in
            generator.writePartnerCSV(count: rows, to: &out)
        }
        return community + partner
    }

    /// At least `wanted` text cells of one survey, cut to exactly `wanted`: rows are generated in
    /// growing runs (row `i` does not depend on how many are written) until there are enough.
    private static func texts(
        _ wanted: Int, survey: String, consultation: Consultation, write: (Int, inout String) -> Void
    ) throws -> [String] {
        guard wanted > 0 else { return [] }
        guard let instrument = consultation.instrument(survey) else { throw BenchmarkError("no instrument '\(survey)'") }
        let textColumns = Set(instrument.questions.filter { $0.type == .text }.map { $0.id.lowercased() })
        var rows = wanted / 2 + 1
        while true {
            var csv = ""
            write(rows, &csv)
            var reader = CSVReader(bytes: Array(csv.utf8), name: survey)
            guard let header = try reader.next() else { throw BenchmarkError("empty \(survey) file") }
            let columns = header.fields.indices.filter { textColumns.contains(header.fields[$0].lowercased()) }
            var found: [String] = []
            while let record = try reader.next(), found.count < wanted {
                found += columns.map { record.fields[$0] }.filter { !$0.isEmpty }
            }
            if found.count >= wanted { return Array(found.prefix(wanted)) }
            rows *= 2
        }
    }
}

/// A benchmark set-up failure, reported as its message.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
