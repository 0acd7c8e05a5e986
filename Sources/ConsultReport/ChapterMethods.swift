import ConsultStore
import ConsultationModel

/// The methods section's facts and the appendix's codebook, from `ChapterData`.
enum ChapterMethods {
    static func view(_ data: ChapterData) -> MethodsView {
        let groups = ChapterGroups.ordered(Set(data.sample.groups.map(\.group)))
        let agreementRows = data.agreement?.themes.map { row in
            AgreementRowView(theme: data.themeLabels[row.theme] ?? row.theme, units: row.units,
                             agreement: row.agreement.map { ChapterNumbers.percent($0 * 100) } ?? "–",
                             kappa: ChapterNumbers.decimal(row.kappa))
        } ?? []
        return MethodsView(
            instruments: data.instruments.map { InstrumentView(id: $0.id, title: $0.title, questions: $0.questions.count + $0.prompts.count) },
            samples: groups.compactMap { name in
                data.sample.groups.first { $0.group == name }.map {
                    SampleGroupView(name: ChapterGroups.name($0.group), respondents: $0.respondents, withText: $0.withText,
                                    segments: $0.segments, consenting: $0.consenting)
                }
            },
            focusGroupSessions: data.sample.focusGroupSessions,
            files: data.batches.map {
                ImportFileView(name: $0.sourceName, survey: $0.instrument, accepted: $0.rowsAccepted, rejected: $0.rowsRejected,
                               hash: String($0.sha256.prefix(12)))
            },
            codebookVersion: data.sample.codebookVersion, codebookHash: String(data.sample.codebookSHA256.prefix(12)),
            codings: data.sample.codings, redactions: data.sample.redactions,
            agreement: agreementRows,
            agreementOverall: data.agreement.map { "kappa \(ChapterNumbers.decimal($0.overall.kappa)), Krippendorff's alpha \(ChapterNumbers.decimal($0.overall.alpha))" } ?? "",
            humanCoderCount: data.humanCoders,
            validation: data.validation.map { validation(data, $0) })
    }

    static func validation(_ data: ChapterData, _ v: ChapterValidation) -> ValidationMethodsView {
        ValidationMethodsView(
            name: v.sample.name, size: v.sample.members,
            design: v.sample.stratifiedBy.map { "a random sample stratified by \($0), with proportional allocation" } ?? "a simple random sample",
            seed: v.sample.seed, drawnAt: String(v.sample.createdAt.prefix(10)), validated: v.validated,
            automaticCoder: v.withModel ? "the rules and the suggestion model" : "the rules",
            themes: v.overall.map { e in
                ValidationThemeView(theme: data.themeLabels[e.theme] ?? e.theme, precision: e.precision.map { ChapterNumbers.percent($0 * 100) } ?? "–",
                                    recall: e.recall.map { ChapterNumbers.percent($0 * 100) } ?? "–")
            })
    }

    static func codebook(_ codebook: Codebook) -> [CodebookThemeView] {
        let parents = Set(codebook.themes.compactMap(\.parent))
        return codebook.themes.map { CodebookThemeView(id: $0.id, label: $0.label, description: $0.description, isGroup: parents.contains($0.id)) }
    }
}
