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
        var labels = DiscardingStream()
        writeCommunityCSV(count: count, to: &out, labels: &labels)
    }

    /// As `writeCommunityCSV(count:to:)`, and streams the rows' theme labels (lines of
    /// `generator-labels.csv`, no header) to `labels`; the CSV bytes are the same either way.
    public func writeCommunityCSV(count: Int, to out: inout some TextOutputStream, labels: inout some TextOutputStream) {
        var header = CSVRow(capacity: 256)
        header.fields(InstrumentColumns.community)
        out.write(header.line())
        for index in 0..<max(0, count) {
            let row = communityRow(index)
            out.write(row.line)
            labels.write(row.labels)
        }
    }

    /// Streams `count` partner rows (header first) to `out`; same guarantees as the community file.
    public func writePartnerCSV(count: Int, to out: inout some TextOutputStream) {
        var labels = DiscardingStream()
        writePartnerCSV(count: count, to: &out, labels: &labels)
    }

    /// As `writePartnerCSV(count:to:)`, and streams the rows' theme labels to `labels`.
    public func writePartnerCSV(count: Int, to out: inout some TextOutputStream, labels: inout some TextOutputStream) {
        var header = CSVRow(capacity: 256)
        header.fields(InstrumentColumns.partner)
        out.write(header.line())
        for index in 0..<max(0, count) {
            let row = partnerRow(index)
            out.write(row.line)
            labels.write(row.labels)
        }
    }

    /// Focus-group transcripts: file name ("fg-01.md"), Markdown text and the participant turns'
    /// theme labels (lines of `generator-labels.csv`, no header), in session order.
    public func focusGroupTranscripts(count: Int) -> [(fileName: String, markdown: String, labels: String)] {
        FocusGroupPlan.sessions(count: count, seed: seed).map { plan in
            var rng = SeededRandom(seed: seed, stream: Self.focusGroupStream, index: UInt64(plan.number))
            let session = FocusGroupWriter(plan: plan).session(&rng)
            return (plan.id + ".md", session.markdown, session.labels)
        }
    }

    /// A generated record: the CSV line (LF-terminated) and its label lines.
    struct Row: Equatable {
        let line: String
        let labels: String
    }

    /// One community record for zero-based `index`.
    func communityRow(_ index: Int) -> Row {
        var rng = SeededRandom(seed: seed, stream: Self.communityStream, index: UInt64(index))
        let person = CommunityRespondent.draw(&rng)
        let writer = CommunityAnswerWriter(person: person)
        let id = Self.responseID("C-", index)
        var labels = GeneratorLabelLines(survey: "community")
        var row = CSVRow()
        row.field(id)
        row.field(SubmissionTime.draw(online: person.online, &rng))
        row.field(person.online ? "online" : "paper")
        row.field(person.aware)
        row.field(labels.answer(id, "what_is", writer.whatIs(&rng)))
        row.field(person.understanding)
        row.field(person.sources.joined(separator: ";"))
        row.field(labels.answer(id, "sources_detail", writer.sourcesDetail(&rng)))
        row.field(person.trustCell)
        row.field(labels.answer(id, "concerns", writer.concerns(&rng)))
        row.field(labels.answer(id, "other_tools", writer.otherTools(&rng)))
        row.field(labels.answer(id, "help", writer.help(&rng)))
        row.fields([person.ageBand, person.gender, person.ethnicity, person.borough, person.consent])
        return Row(line: row.line(), labels: labels.text)
    }

    /// One partner record for zero-based `index`.
    func partnerRow(_ index: Int) -> Row {
        var rng = SeededRandom(seed: seed, stream: Self.partnerStream, index: UInt64(index))
        let person = PartnerRespondent.draw(&rng)
        let writer = PartnerAnswerWriter(person: person)
        let id = Self.responseID("P-", index)
        var labels = GeneratorLabelLines(survey: "partner")
        var row = CSVRow()
        row.field(id)
        row.field(SubmissionTime.draw(online: person.online, &rng))
        row.field(person.online ? "online" : "paper")
        row.fields([person.sector, person.familiarityCell, person.briefed])
        row.field(labels.answer(id, "purpose", writer.purpose(&rng)))
        row.field(labels.answer(id, "sharing", writer.sharing(&rng)))
        row.field(person.confidenceCell)
        row.field(labels.answer(id, "other_tools", writer.otherTools(&rng)))
        row.field(labels.answer(id, "help", writer.help(&rng)))
        row.fields([person.borough, person.consent])
        return Row(line: row.line(), labels: labels.text)
    }

    /// "C-000001" for index 0: one-based, zero-padded to six digits (wider past 999,999).
    static func responseID(_ prefix: String, _ index: Int) -> String {
        let digits = String(index + 1)
        return prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}
