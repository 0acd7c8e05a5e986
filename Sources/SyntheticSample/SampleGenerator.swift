/// Seeded, deterministic generator of SYNTHETIC consultation data: community and partner survey
/// CSV files in the instruments' import format, and focus-group transcripts in Markdown.
///
/// Nothing here describes real people. The same generator writes the committed example files
/// (`surveys/sample/`, default seed) and large sets for benchmarks. Row `i` depends only on
/// `(seed, survey, i)`, so the first 1,500 rows of a 1,000,000-row file equal the 1,500-row file;
/// no wall clock, locale or system random source is read.
public struct SampleGenerator: Sendable {
    /// The seed of the committed sample files.
    public static let defaultSeed: UInt64 = 2018
    /// Number of rows or sessions in the committed sample set.
    public static let defaultCommunityCount = 1_500
    public static let defaultPartnerCount = 300
    public static let defaultFocusGroupCount = 8

    /// The seed every output is derived from.
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    private static let communityStream: UInt64 = 0xC0
    private static let partnerStream: UInt64 = 0x9A
    static let focusGroupStream: UInt64 = 0xF6

    /// Streams `count` community rows (header first) to `out` without holding them in memory;
    /// deterministic for (seed, count). UTF-8 text, LF line endings, RFC 4180 quoting.
    public func writeCommunityCSV(count: Int, to out: inout some TextOutputStream) {
        var header = CSVRow(capacity: 256)
        header.fields(InstrumentColumns.community)
        out.write(header.line())
        for index in 0..<max(0, count) {
            out.write(communityRow(index))
        }
    }

    /// Streams `count` partner rows (header first) to `out`; same guarantees as the community file.
    public func writePartnerCSV(count: Int, to out: inout some TextOutputStream) {
        var header = CSVRow(capacity: 256)
        header.fields(InstrumentColumns.partner)
        out.write(header.line())
        for index in 0..<max(0, count) {
            out.write(partnerRow(index))
        }
    }

    /// Focus-group transcripts: file name ("fg-01.md") and Markdown text, in session order.
    public func focusGroupTranscripts(count: Int) -> [(fileName: String, markdown: String)] {
        FocusGroupPlan.sessions(count: count, seed: seed).map { plan in
            var rng = SeededRandom(seed: seed, stream: Self.focusGroupStream, index: UInt64(plan.number))
            return (plan.id + ".md", FocusGroupWriter(plan: plan).markdown(&rng))
        }
    }

    /// One community record (LF-terminated) for zero-based `index`.
    func communityRow(_ index: Int) -> String {
        var rng = SeededRandom(seed: seed, stream: Self.communityStream, index: UInt64(index))
        let person = CommunityRespondent.draw(&rng)
        let writer = CommunityAnswerWriter(person: person)
        var row = CSVRow()
        row.field(Self.responseID("C-", index))
        row.field(SubmissionTime.draw(online: person.online, &rng))
        row.field(person.online ? "online" : "paper")
        row.field(person.aware)
        row.field(writer.whatIs(&rng))
        row.field(person.understanding)
        row.field(person.sources.joined(separator: ";"))
        row.field(writer.sourcesDetail(&rng))
        row.field(person.trustCell)
        row.field(writer.concerns(&rng))
        row.field(writer.otherTools(&rng))
        row.field(writer.help(&rng))
        row.fields([person.ageBand, person.gender, person.ethnicity, person.borough, person.consent])
        return row.line()
    }

    /// One partner record (LF-terminated) for zero-based `index`.
    func partnerRow(_ index: Int) -> String {
        var rng = SeededRandom(seed: seed, stream: Self.partnerStream, index: UInt64(index))
        let person = PartnerRespondent.draw(&rng)
        let writer = PartnerAnswerWriter(person: person)
        var row = CSVRow()
        row.field(Self.responseID("P-", index))
        row.field(SubmissionTime.draw(online: person.online, &rng))
        row.field(person.online ? "online" : "paper")
        row.fields([person.sector, person.familiarityCell, person.briefed])
        row.field(writer.purpose(&rng))
        row.field(writer.sharing(&rng))
        row.field(person.confidenceCell)
        row.field(writer.otherTools(&rng))
        row.field(writer.help(&rng))
        row.fields([person.borough, person.consent])
        return row.line()
    }

    /// "C-000001" for index 0: one-based, zero-padded to six digits (wider past 999,999).
    static func responseID(_ prefix: String, _ index: Int) -> String {
        let digits = String(index + 1)
        return prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
