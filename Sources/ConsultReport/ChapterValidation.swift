import ConsultStore

/// The validation sample behind the chapter's theme shares, when there is one: the latest sample
/// drawn, its estimates by respondent group (for the tables, charts and differences) and overall (for
/// the methods' per-theme precision and recall of the automatic coding).
public struct ChapterValidation: Sendable, Equatable {
    public var sample: ValidationSampleInfo
    public var validated: Int
    /// Whether the suggestion model counts with the rules (`code auto --with-model`).
    public var withModel: Bool
    public var byGroup: [ThemeEstimate]
    public var overall: [ThemeEstimate]

    /// Nil when no validation sample was drawn.
    static func gather(from store: Store, counts: [ThemeCount], minimumCell: Int) throws -> ChapterValidation? {
        guard let info = try store.validationSamples().last else { return nil }
        var seen = Set<String>()
        let themes = counts.map(\.theme).filter { seen.insert($0).inserted }
        let hidden = Dictionary(counts.map { ("\($0.theme)|\($0.group ?? "")", $0.suppressed) }, uniquingKeysWith: { $0 || $1 })
        let byGroup = ThemeEstimation.estimate(try store.validationData(sample: info.name, by: "group", survey: nil), themes: themes,
                                               suppressed: { hidden["\($0)|\($1 ?? "")"] ?? true }, minimumCell: minimumCell)
        let overallData = try store.validationData(sample: info.name, by: nil, survey: nil)
        let overall = ThemeEstimation.estimate(overallData, themes: themes, suppressed: { _, _ in false }, minimumCell: minimumCell)
        return ChapterValidation(sample: info, validated: overallData.validated.count, withModel: try store.automaticCodingModel() != nil,
                                 byGroup: byGroup, overall: overall)
    }
}
