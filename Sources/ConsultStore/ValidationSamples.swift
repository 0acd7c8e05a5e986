import Foundation
import Postgres
import Statistics

/// A validation sample as stored: how it was drawn and how many respondents it holds now.
public struct ValidationSampleInfo: Sendable, Equatable {
    public var name: String
    public var size: Int
    /// The `--by` field it was stratified by; nil for a simple random sample.
    public var stratifiedBy: String?
    public var seed: Int
    /// Respondents in the frame it was drawn from.
    public var population: Int
    public var dataVersion: Int
    public var createdAt: String
    /// Sampled respondents still held (erasure removes them from the sample too).
    public var members: Int
    /// Per design stratum: respondents now and sampled ("" for a simple random sample).
    public var strata: [DesignStratum]
}

/// One stratum of a validation sample's design.
public struct DesignStratum: Sendable, Equatable {
    public var stratum: String
    public var population: Int
    public var sampled: Int
    public init(stratum: String, population: Int, sampled: Int) {
        self.stratum = stratum
        self.population = population
        self.sampled = sampled
    }
}

/// How far one coder (or, `coder == nil`, the human coders together) is with a validation sample.
public struct ValidationProgress: Sendable, Equatable {
    /// nil: every human coder's decisions together (what the estimates use).
    public var coder: String?
    /// Sampled respondents whose every segment has this coder's decision on every leaf theme.
    public var coded: Int
    public var sampled: Int
    public init(coder: String?, coded: Int, sampled: Int) {
        self.coder = coder
        self.coded = coded
        self.sampled = sampled
    }
}

extension Store {
    /// Draws and stores a validation sample of `size` respondents: simple random, or stratified by
    /// `field` (a `--by` field) with proportional allocation; seeded, so the same data, size and seed
    /// give the same sample. Records the data version drawn from. Refuses an existing name.
    public func createValidationSample(name: String, size: Int, by field: String?, seed: UInt64) throws -> ValidationSampleInfo {
        guard name.range(of: "^[A-Za-z0-9._-]{1,64}$", options: .regularExpression) != nil else {
            throw StoreError("sample name '\(name)' must be 1-64 letters, digits, '.', '_' or '-'")
        }
        guard size > 0 else { throw StoreError("--size must be at least 1") }
        try checkGroupingField(field)
        return try db.transaction { db in
            let store = Store(db: db)
            if try !db.query("SELECT 1 FROM consult.validation_sample WHERE name = $1", name).rows.isEmpty {
                throw StoreError("a validation sample named '\(name)' exists already (see `consult code sample list`)")
            }
            var frame: [String: [Int]] = [:]
            for row in try db.query("WITH resp AS (\(Self.respondentsByField)) SELECT id, grp FROM resp", field, nil as String?).rows {
                frame[row["grp"] ?? "", default: []].append(try row.int("id"))
            }
            let population = frame.values.reduce(0) { $0 + $1.count }
            guard let drawn = StratifiedDraw.draw(frame, size: size, seed: seed) else {
                throw StoreError("cannot sample \(size) of \(population) respondents")
            }
            let version = try db.query("SELECT version FROM consult.data_version").rows[0].int("version")
            try db.query("""
                INSERT INTO consult.validation_sample (name, size, stratified_by, seed, population, data_version)
                VALUES ($1, $2::int, $3, $4::bigint, $5::int, $6::bigint)
                """, name, size, field, Int64(bitPattern: seed), population, version)
            let members = drawn.sorted { $0.key < $1.key }.flatMap { stratum, ids in ids.map { (String($0), stratum) } }
            try db.query("""
                INSERT INTO consult.validation_sample_member (sample_name, respondent_id, stratum)
                SELECT $1, m.id, m.stratum FROM unnest($2::bigint[], $3::text[]) AS m(id, stratum)
                """, name, TextArray(members.map(\.0)), TextArray(members.map(\.1)))
            return try store.validationSample(name)
        }
    }

    /// Every validation sample, oldest first.
    public func validationSamples() throws -> [ValidationSampleInfo] {
        try db.query("SELECT name FROM consult.validation_sample ORDER BY created_at, name").rows.map { try validationSample(try $0.string("name")) }
    }

    /// One validation sample with its design; names the known samples when there is none of that name.
    public func validationSample(_ name: String) throws -> ValidationSampleInfo {
        guard let row = try db.query("""
            SELECT v.name, v.size, v.stratified_by, v.seed, v.population, v.data_version, to_char(v.created_at, 'YYYY-MM-DD"T"HH24:MI:SSOF') AS created,
                   (SELECT count(*) FROM consult.validation_sample_member m WHERE m.sample_name = v.name) AS members
            FROM consult.validation_sample v WHERE v.name = $1
            """, name).rows.first else {
            let known = try db.query("SELECT name FROM consult.validation_sample ORDER BY name").rows.map { try $0.string("name") }
            throw StoreError("no validation sample named '\(name)' (\(known.isEmpty ? "none drawn yet: `consult code sample create NAME --size N`" : "known: " + known.joined(separator: ", ")))")
        }
        let field: String? = row["stratified_by"]
        var population: [String: Int] = [:]
        for frameRow in try db.query("WITH resp AS (\(Self.respondentsByField)) SELECT coalesce(grp, '') AS grp, count(*) AS n FROM resp GROUP BY 1",
                                     field, nil as String?).rows where field != nil {
            population[try frameRow.string("grp")] = try frameRow.int("n")
        }
        if field == nil { population[""] = try db.query("SELECT count(*) AS n FROM consult.respondent").rows[0].int("n") }
        let sampled = Dictionary(uniqueKeysWithValues: try db.query("""
            SELECT stratum, count(*) AS n FROM consult.validation_sample_member WHERE sample_name = $1 GROUP BY 1
            """, name).rows.map { (try $0.string("stratum"), try $0.int("n")) })
        let strata = Set(population.keys).union(sampled.keys).sorted().map { DesignStratum(stratum: $0, population: population[$0] ?? 0, sampled: sampled[$0] ?? 0) }
        return ValidationSampleInfo(name: try row.string("name"), size: try row.int("size"), stratifiedBy: field, seed: try row.int("seed"),
                                    population: try row.int("population"), dataVersion: try row.int("data_version"),
                                    createdAt: try row.string("created"), members: try row.int("members"), strata: strata)
    }

    /// SQL: the sampled respondents of sample `$1` fully decided, as rows `(coder, respondent_id)`: for
    /// each human coder, and (coder NULL) for the human coders together, the respondents whose every
    /// segment has a decision on every leaf theme of the current codebook. A respondent without
    /// segments is fully coded by anyone: nothing of theirs can carry a theme.
    static let fullyCodedMembers = """
        WITH cb AS (SELECT version FROM consult.codebook WHERE is_current),
        leaf AS (SELECT t.id FROM consult.theme t JOIN cb ON cb.version = t.codebook_version
                 WHERE NOT EXISTS (SELECT 1 FROM consult.theme ch WHERE ch.codebook_version = t.codebook_version AND ch.parent_id = t.id)),
        member AS (SELECT respondent_id FROM consult.validation_sample_member WHERE sample_name = $1),
        seg AS (SELECT s.id, s.respondent_id FROM consult.segment s JOIN member m ON m.respondent_id = s.respondent_id),
        decided AS (
            SELECT c.coder, c.segment_id, c.theme_id FROM consult.coding c JOIN cb ON cb.version = c.codebook_version
            JOIN seg ON seg.id = c.segment_id JOIN leaf ON leaf.id = c.theme_id WHERE c.kind = 'human'),
        per_coder AS (SELECT coder, segment_id FROM decided GROUP BY coder, segment_id HAVING count(*) = (SELECT count(*) FROM leaf)),
        joint AS (SELECT NULL::text AS coder, segment_id FROM decided GROUP BY segment_id
                  HAVING count(DISTINCT theme_id) = (SELECT count(*) FROM leaf)),
        complete AS (SELECT coder, segment_id FROM per_coder UNION ALL SELECT coder, segment_id FROM joint),
        coders AS (SELECT DISTINCT coder FROM decided UNION ALL SELECT NULL::text),
        segments AS (SELECT respondent_id, count(*) AS n FROM seg GROUP BY respondent_id),
        done AS (SELECT k.coder, seg.respondent_id, count(*) AS n FROM complete k JOIN seg ON seg.id = k.segment_id GROUP BY 1, 2)
        SELECT c.coder, m.respondent_id
        FROM member m CROSS JOIN coders c
        LEFT JOIN segments ON segments.respondent_id = m.respondent_id
        LEFT JOIN done ON done.respondent_id = m.respondent_id AND done.coder IS NOT DISTINCT FROM c.coder
        WHERE coalesce(segments.n, 0) = coalesce(done.n, 0)
        """

    /// Per human coder, and for all of them together (first, `coder` nil), how many sampled
    /// respondents are fully coded.
    public func validationProgress(_ name: String) throws -> [ValidationProgress] {
        let info = try validationSample(name)
        let coded = try db.query("""
            WITH done AS (\(Self.fullyCodedMembers))
            SELECT coder, count(*) AS n FROM done GROUP BY coder ORDER BY coder NULLS FIRST
            """, name).rows.map { ValidationProgress(coder: $0["coder"], coded: try $0.int("n"), sampled: info.members) }
        return coded.isEmpty ? [ValidationProgress(coder: nil, coded: 0, sampled: info.members)] : coded
    }

    /// Every segment of the sampled respondents, without any coding (for blind coding), by respondent.
    public func validationSegments(_ name: String) throws -> [SegmentRow] {
        _ = try validationSample(name)
        return try db.query("""
            SELECT s.id, r.pseudonym, r.instrument_id, s.question_id, s.text
            FROM consult.validation_sample_member m JOIN consult.respondent r ON r.id = m.respondent_id
            JOIN consult.segment s ON s.respondent_id = r.id
            WHERE m.sample_name = $1 ORDER BY r.id, s.id
            """, name).rows.map { row in
            SegmentRow(segment: try row.int("id"), respondent: try row.string("pseudonym"), survey: try row.string("instrument_id"),
                       question: try row.string("question_id"), text: try row.string("text"))
        }
    }
}
