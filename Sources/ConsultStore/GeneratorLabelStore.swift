import Postgres

/// A label placed on a stored segment: which segment the (survey, pseudonym, question, position) of
/// a generator label names.
public struct PlacedLabel: Sendable, Equatable {
    public var survey: String
    public var pseudonym: String
    public var question: String
    public var position: Int
    public var theme: String
    public var line: Int
    public init(survey: String, pseudonym: String, question: String, position: Int, theme: String, line: Int) {
        self.survey = survey
        self.pseudonym = pseudonym
        self.question = question
        self.position = position
        self.theme = theme
        self.line = line
    }
}

/// What storing generator labels did.
public struct LabelSummary: Sendable, Equatable {
    public var stored: Int
    /// Labels whose respondent or segment is not in the database (e.g. a survey not imported).
    public var unplaced: Int
}

extension Store {
    /// The coder name of the synthetic generator's own theme labels.
    public static let generatorCoder = "generator"

    /// Replaces the generator's labels under the current codebook with `labels`, in one transaction.
    /// Labels naming a theme not in the codebook are refused (file line named); labels whose segment is
    /// not stored are counted, not stored.
    public func replaceGeneratorLabels(_ labels: [PlacedLabel], file: String) throws -> LabelSummary {
        let codebook = try currentCodebook()
        let themes = Set(codebook.themes.map(\.id))
        if let unknown = labels.first(where: { !themes.contains($0.theme) }) {
            throw StoreError("\(file):\(unknown.line): theme: '\(unknown.theme)' is not a theme of codebook \(codebook.version); nothing stored")
        }
        let placed = try db.query("""
            SELECT s.id, l.theme FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) AS l(survey, pseudonym, question, position, theme)
            JOIN consult.respondent r ON r.instrument_id = l.survey AND r.pseudonym = l.pseudonym
            JOIN consult.segment s ON s.respondent_id = r.id AND s.question_id = l.question AND s.position = l.position
            ORDER BY s.id, l.theme
            """, TextArray(labels.map(\.survey)), TextArray(labels.map(\.pseudonym)), TextArray(labels.map(\.question)),
            TextArray(labels.map { String($0.position) }), TextArray(labels.map(\.theme))).rows.map {
            (segment: try $0.int("id"), theme: try $0.string("theme"))
        }
        let stored = try replaceCodings(coder: Store.generatorCoder, kind: .generator, codebookVersion: codebook.version) { _, emit in
            for label in placed {
                try emit(NewCoding(segment: label.segment, theme: label.theme, rule: nil, start: nil, end: nil, matched: nil))
            }
        }
        return LabelSummary(stored: stored, unplaced: labels.count - placed.count)
    }
}
