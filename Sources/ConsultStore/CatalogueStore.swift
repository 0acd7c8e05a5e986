import ConsultationModel
import Foundation
import Postgres

/// What `consult survey load` changed.
public struct LoadSummary: Sendable {
    public var consultation: String
    public var instruments: [String]
    public var codebookVersion: String
    public var themes: Int
}

extension Store {
    /// Stores the consultation, its instruments and its codebook (made current), in one transaction.
    ///
    /// Loading the same files again changes nothing. An instrument whose file changed is refused once
    /// responses were imported against it, and a codebook whose content changed under the same
    /// `version` is refused once people have coded with it: reports cite versions, so a version must
    /// mean one content. Automatic codings of a replaced codebook are removed (`code auto` remakes them).
    public func load(_ consultation: Consultation) throws -> LoadSummary {
        try db.transaction { db in
            try db.query("""
                INSERT INTO consult.consultation (id, title, questions, option_sets, population, retention_months)
                VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6::int)
                ON CONFLICT (id) DO UPDATE SET title = excluded.title, questions = excluded.questions,
                    option_sets = excluded.option_sets, population = excluded.population,
                    retention_months = excluded.retention_months
                """, consultation.id, consultation.title, try json(consultation.strandQuestions), try json(consultation.optionSets),
                try json(consultation.population), consultation.retentionMonths)
            for instrument in consultation.instruments {
                try save(instrument, consultation: consultation.id, db: db)
            }
            try save(consultation.codebook, sha256: consultation.codebookSHA256, text: consultation.codebookText, db: db)
            return LoadSummary(consultation: consultation.id, instruments: consultation.instruments.map(\.id),
                               codebookVersion: consultation.codebook.version, themes: consultation.codebook.themes.count)
        }
    }

    private func save(_ instrument: Instrument, consultation: String, db: Connection) throws {
        let existing = try db.query("""
            SELECT i.source_sha256, (SELECT count(*) FROM consult.respondent r WHERE r.instrument_id = i.id) AS respondents
            FROM consult.instrument i WHERE i.id = $1
            """, instrument.id).rows.first
        if let existing {
            if try existing.string("source_sha256") == instrument.sourceSHA256 { return }
            let respondents = try existing.int("respondents")
            guard respondents == 0 else {
                throw StoreError("instrument '\(instrument.id)' changed, but \(respondents) responses were imported with the loaded version; give the changed instrument a new id")
            }
        }
        try db.query("""
            INSERT INTO consult.instrument (id, consultation_id, kind, respondent_group, title, definition, source_sha256)
            VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)
            ON CONFLICT (id) DO UPDATE SET consultation_id = excluded.consultation_id, kind = excluded.kind,
                respondent_group = excluded.respondent_group, title = excluded.title,
                definition = excluded.definition, source_sha256 = excluded.source_sha256
            """, instrument.id, consultation, instrument.kind.rawValue, instrument.respondentGroup, instrument.title,
            try json(instrument), instrument.sourceSHA256)
        try db.query("DELETE FROM consult.question WHERE instrument_id = $1", instrument.id)
        for (position, question) in instrument.questions.enumerated() {
            try db.query("""
                INSERT INTO consult.question (instrument_id, id, position, type, wording, options)
                VALUES ($1, $2, $3::int, $4, $5, $6::jsonb)
                """, instrument.id, question.id, position + 1, question.type.rawValue, question.wording, try json(question.options))
        }
    }

    private func save(_ codebook: Codebook, sha256: String, text: String, db: Connection) throws {
        let existingSHA = try db.query("SELECT source_sha256 FROM consult.codebook WHERE version = $1", codebook.version)
            .rows.first.map { try $0.string("source_sha256") }
        if let existingSHA, existingSHA != sha256 {
            let human = try db.query("""
                SELECT count(*) AS n FROM consult.coding WHERE codebook_version = $1 AND kind = 'human'
                """, codebook.version).rows[0].int("n")
            guard human == 0 else {
                throw StoreError("codebook version \(codebook.version) is already loaded with different content and \(human) human codings use it; change `version` in the codebook file")
            }
            try db.query("DELETE FROM consult.codebook WHERE version = $1", codebook.version)
        }
        try db.query("UPDATE consult.codebook SET is_current = false WHERE is_current AND version <> $1", codebook.version)
        if existingSHA != sha256 {
            try db.query("""
                INSERT INTO consult.codebook (version, title, source_sha256, source_text, theme_groups, is_current)
                VALUES ($1, $2, $3, $4, $5::jsonb, true)
                """, codebook.version, codebook.title, sha256, text, try json(codebook.themeGroups))
            for (position, theme) in codebook.themes.enumerated() {
                try db.query("""
                    INSERT INTO consult.theme (codebook_version, id, parent_id, position, label, description, include_note, exclude_note, examples)
                    VALUES ($1, $2, $3, $4::int, $5, $6, $7, $8, $9::jsonb)
                    """, codebook.version, theme.id, theme.parent, position + 1, theme.label, theme.description,
                    theme.include, theme.exclude, try json(theme.examples))
            }
        } else {
            // The same file again: its theme groups too, for a codebook loaded before they were kept.
            try db.query("UPDATE consult.codebook SET is_current = true, theme_groups = $2::jsonb WHERE version = $1",
                         codebook.version, try json(codebook.themeGroups))
        }
    }

    /// The loaded instrument with this id.
    ///
    /// - Throws: `StoreError` naming the loaded ids when there is none (or nothing is loaded yet).
    public func instrument(_ id: String) throws -> Instrument {
        let rows = try db.query("SELECT id, definition FROM consult.instrument ORDER BY id").rows
        guard let row = try rows.first(where: { try $0.string("id") == id }) else {
            let known = try rows.map { try $0.string("id") }
            throw StoreError(known.isEmpty
                ? "unknown survey id '\(id)': no consultation is loaded yet (run `consult survey load`)"
                : "unknown survey id '\(id)' (loaded: \(known.joined(separator: ", ")))")
        }
        return try JSONDecoder().decode(Instrument.self, from: Data(try row.string("definition").utf8))
    }

    /// The current codebook, re-read from the text stored when it was loaded.
    public func currentCodebook() throws -> Codebook {
        guard let row = try db.query("SELECT version, source_text FROM consult.codebook WHERE is_current").rows.first else {
            throw StoreError("no codebook is loaded yet (run `consult survey load`)")
        }
        return try Codebook.parse(yaml: try row.string("source_text"), file: "codebook \(try row.string("version")) (as loaded)")
    }

    /// The current codebook's theme groups (``Codebook/themeGroups``), as kept at load: what the
    /// summary shows, without parsing and validating the whole codebook again.
    public func currentThemeGroups() throws -> [Codebook.ThemeGroup] {
        guard let row = try db.query("SELECT theme_groups FROM consult.codebook WHERE is_current").rows.first else {
            throw StoreError("no codebook is loaded yet (run `consult survey load`)")
        }
        return try JSONDecoder().decode([Codebook.ThemeGroup].self, from: Data(try row.string("theme_groups").utf8))
    }

    /// A shared option set of the loaded consultation (e.g. `borough`), or nil if it has none by that name.
    public func optionSet(_ name: String) throws -> [AnswerOption]? {
        guard let row = try db.query("SELECT option_sets -> $1 AS set FROM consult.consultation ORDER BY loaded_at DESC LIMIT 1", name).rows.first,
              let text = row["set"]
        else { return nil }
        return try JSONDecoder().decode([AnswerOption].self, from: Data(text.utf8))
    }

    /// The loaded consultation's id, title, strand questions and reference population.
    public func consultationOverview() throws -> ConsultationOverview {
        guard let row = try db.query("SELECT id, title, questions, population FROM consult.consultation ORDER BY loaded_at DESC LIMIT 1").rows.first else {
            throw StoreError("no consultation is loaded yet (run `consult survey load`)")
        }
        let decoder = JSONDecoder()
        return ConsultationOverview(
            id: try row.string("id"), title: try row.string("title"),
            questions: try decoder.decode([Consultation.StrandQuestion].self, from: Data(try row.string("questions").utf8)),
            population: try decoder.decode([PopulationGroup].self, from: Data(try row.string("population").utf8)))
    }

    /// Records that synthetic sample data was imported, so every chapter made from this database says so.
    public func markSyntheticSample() throws {
        try db.query("INSERT INTO consult.setting (key, value) VALUES ('synthetic_sample', 'true') ON CONFLICT (key) DO NOTHING")
    }

    /// True once synthetic sample data was imported into this database.
    public func holdsSyntheticSample() throws -> Bool {
        !(try db.query("SELECT 1 FROM consult.setting WHERE key = 'synthetic_sample'").rows.isEmpty)
    }
}

/// The consultation as the report needs it.
public struct ConsultationOverview: Sendable {
    public var id: String
    public var title: String
    public var questions: [Consultation.StrandQuestion]
    public var population: [PopulationGroup]
}

extension Store {
    /// The ids of the loaded instruments, sorted.
    public func instrumentIDs() throws -> [String] {
        try db.query("SELECT id FROM consult.instrument ORDER BY id").rows.map { try $0.string("id") }
    }
}

/// JSON text for a `jsonb` parameter.
func json<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
