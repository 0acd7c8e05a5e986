import ConsultCoding
import ConsultStore
import Foundation
import Testing

/// `consult.final_theme` and `consult.respondent_theme`, the final coding kept current at write time
/// (issue 16), against the rule they materialise (`consult.final_coding_rule`, the view the counts read before): after every kind of
/// change the table holds exactly the rule's rows, and the counts read from it are the counts the
/// rule gives.
@Suite struct FinalThemeTests {
    /// Rows in the table but not the rule, plus rows in the rule but not the table (respondent and
    /// who decided included); and the same for the per-respondent table against the rule's rows
    /// counted per respondent and theme.
    static func mismatches(_ store: Store) throws -> Int {
        try store.db.query("""
            WITH rule AS (SELECT f.segment_id, f.codebook_version, f.theme_id, s.respondent_id, f.decided_by
                          FROM consult.final_coding_rule f JOIN consult.segment s ON s.id = f.segment_id),
            kept AS (SELECT segment_id, codebook_version, theme_id, respondent_id, decided_by FROM consult.final_theme),
            rule_respondent AS (SELECT rule.codebook_version, rule.theme_id, rule.respondent_id, r.instrument_id, r.respondent_group,
                                       count(*)::int AS segments
                                FROM rule JOIN consult.respondent r ON r.id = rule.respondent_id GROUP BY 1, 2, 3, 4, 5),
            kept_respondent AS (SELECT codebook_version, theme_id, respondent_id, instrument_id, respondent_group, segments
                                FROM consult.respondent_theme)
            SELECT (SELECT count(*) FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM rule) extra)
                 + (SELECT count(*) FROM (SELECT * FROM rule EXCEPT ALL SELECT * FROM kept) missing)
                 + (SELECT count(*) FROM (SELECT * FROM kept_respondent EXCEPT ALL SELECT * FROM rule_respondent) extra)
                 + (SELECT count(*) FROM (SELECT * FROM rule_respondent EXCEPT ALL SELECT * FROM kept_respondent) missing) AS n
            """).rows[0].int("n")
    }

    /// Respondents and segments per leaf theme and respondent group, straight from the rule: what
    /// `themeCounts(by: "group")` must report.
    static func ruleCounts(_ store: Store) throws -> [String: (respondents: Int, segments: Int)] {
        var counts: [String: (respondents: Int, segments: Int)] = [:]
        for row in try store.db.query("""
            SELECT f.theme_id, r.respondent_group, count(DISTINCT r.id) AS respondents, count(*) AS segments
            FROM consult.final_coding_rule f JOIN consult.codebook cb ON cb.version = f.codebook_version AND cb.is_current
            JOIN consult.segment s ON s.id = f.segment_id JOIN consult.respondent r ON r.id = s.respondent_id
            GROUP BY 1, 2
            """).rows {
            counts["\(try row.string("theme_id")) \(try row.string("respondent_group"))"] =
                (try row.int("respondents"), try row.int("segments"))
        }
        return counts
    }

    static func expectCountsFollowTheRule(_ store: Store, _ step: String) throws {
        #expect(try mismatches(store) == 0, "\(step)")
        let expected = try ruleCounts(store)
        let counted = try store.themeCounts(by: "group", filter: SegmentFilter(), minimumCell: 1)
        for row in counted {
            let want = expected["\(row.theme) \(row.group ?? "")"] ?? (0, 0)
            #expect(row.respondents == want.respondents && row.segments == want.segments, "\(step): \(row.theme) \(row.group ?? "")")
        }
        #expect(counted.reduce(0) { $0 + ($1.segments ?? 0) } == expected.values.reduce(0) { $0 + $1.segments }, "\(step)")
        try TallyCheck.expectTalliesMatchCounts(store, step)
    }

    @Test func finalThemeFollowsTheRuleThroughEveryKindOfChange() throws {
        let store = try ValidationSampleTests.demoWithGeneratorLabels()
        #expect(try store.db.query("SELECT count(*) AS n FROM consult.final_theme").rows[0].int("n") > 1000)
        try Self.expectCountsFollowTheRule(store, "after code auto")

        // Human decisions: a theme the rules missed, a rule coding overruled, two coders on the same
        // pair (the later decision stands, whichever way), and a decision withdrawn.
        let rule = try #require(try store.codings(coder: Store.ruleCoder).first)
        let other = try #require(try store.codings(coder: Store.ruleCoder).first { $0.segment != rule.segment })
        let missed = try #require(try store.currentCodebook().leafThemeIDs.first { theme in
            try store.codings(coder: Store.ruleCoder).allSatisfy { !($0.segment == other.segment && $0.theme == theme) }
        })
        _ = try store.recordDecisions([CodingDecision(segment: rule.segment, theme: rule.theme, coder: "alice", applied: false),
                                       CodingDecision(segment: other.segment, theme: missed, coder: "alice")], source: nil)
        try Self.expectCountsFollowTheRule(store, "after alice")
        #expect(try store.db.query("SELECT count(*) AS n FROM consult.final_theme WHERE segment_id = $1::bigint AND theme_id = $2",
                                   rule.segment, rule.theme).rows[0].int("n") == 0)
        _ = try store.recordDecisions([CodingDecision(segment: rule.segment, theme: rule.theme, coder: "bob")], source: nil)
        try Self.expectCountsFollowTheRule(store, "after bob overrules alice")
        #expect(try store.db.query("SELECT decided_by FROM consult.final_theme WHERE segment_id = $1::bigint AND theme_id = $2",
                                   rule.segment, rule.theme).rows.map { try $0.string("decided_by") } == ["human"])
        _ = try store.recordDecisions([CodingDecision(segment: rule.segment, theme: rule.theme, coder: "alice", applied: false)], source: nil)
        try Self.expectCountsFollowTheRule(store, "after alice again")
        #expect(try store.removeDecision(segment: rule.segment, theme: rule.theme, coder: "alice"))
        try Self.expectCountsFollowTheRule(store, "after alice withdraws")
        #expect(try store.removeDecision(segment: rule.segment, theme: rule.theme, coder: "bob"))
        #expect(try store.db.query("SELECT decided_by FROM consult.final_theme WHERE segment_id = $1::bigint AND theme_id = $2",
                                   rule.segment, rule.theme).rows.map { try $0.string("decided_by") } == ["rule"])
        try Self.expectCountsFollowTheRule(store, "after bob withdraws")

        // A batch of decisions (a validation sample's sheet), then the model counting and not counting.
        _ = try store.createValidationSample(name: "check", size: 60, by: nil, seed: 5)
        #expect(try ValidationSampleTests.codeFromGeneratorLabels(store, sample: "check") > 0)
        try Self.expectCountsFollowTheRule(store, "after a sheet of decisions")
        _ = try Suggesting.run(store: store, extra: [])
        try Self.expectCountsFollowTheRule(store, "after suggestions that do not count")
        _ = try ModelCoding.run(store: store, consultHome: FileManager.default.temporaryDirectory)
        #expect(try store.db.query("SELECT count(*) AS n FROM consult.final_theme WHERE decided_by = 'model'").rows[0].int("n") > 0)
        try Self.expectCountsFollowTheRule(store, "with the model counting")
        try store.setAutomaticCoding(withModel: nil)
        #expect(try store.db.query("SELECT count(*) AS n FROM consult.final_theme WHERE decided_by = 'model'").rows[0].int("n") == 0)
        try Self.expectCountsFollowTheRule(store, "rules only again")

        // Recoding changes nothing; erasure and retention take their respondents' rows with them.
        let before = try store.themeCounts(by: "ethnicity_group", filter: SegmentFilter(), minimumCell: 1)
        _ = try AutoCoding.run(store: store)
        #expect(try store.themeCounts(by: "ethnicity_group", filter: SegmentFilter(), minimumCell: 1) == before)
        try Self.expectCountsFollowTheRule(store, "after recoding")
        let erased = try store.db.query("""
            SELECT r.instrument_id, r.pseudonym FROM consult.final_theme f JOIN consult.respondent r ON r.id = f.respondent_id
            ORDER BY f.segment_id LIMIT 1
            """).rows[0]
        _ = try store.erase([RespondentKey(survey: try erased.string("instrument_id"), pseudonym: try erased.string("pseudonym"))])
        try Self.expectCountsFollowTheRule(store, "after an erasure")
        try store.db.query("UPDATE consult.import_batch SET imported_at = now() - interval '25 months' WHERE instrument_id = 'partner'")
        #expect(try store.applyRetention(asOf: Date(), dryRun: false).removed.respondents > 0)
        try Self.expectCountsFollowTheRule(store, "after retention")
        #expect(try store.db.query("""
            SELECT count(*) AS n FROM consult.final_theme f JOIN consult.respondent r ON r.id = f.respondent_id
            WHERE r.instrument_id = 'partner'
            """).rows[0].int("n") == 0)
    }

    /// A human decision recounts the theme tables at once, and leaves the closed-answer tables (which
    /// read no coding) served from the cache.
    @Test func aDecisionRecountsThemesButNotClosedAnswers() throws {
        let small = try SmallConsultation()
        let store = small.store
        let themes = try store.themeCounts(by: "group", filter: SegmentFilter(), minimumCell: 1)
        _ = try store.optionCounts(survey: "community", question: "aware", by: "age_band")
        try store.db.query("""
            UPDATE consult.aggregate_cache SET result = jsonb_set(result, '{0,count}', '999') WHERE query = 'options|age_band|community|aware'
            """)
        let segment = try small.segmentIDs(of: "T-1")[0]
        _ = try store.recordDecisions([CodingDecision(segment: segment, theme: "trust.low", coder: "alice")], source: nil)
        #expect(try store.optionCounts(survey: "community", question: "aware", by: "age_band").first?.count == 999)
        let recounted = try store.themeCounts(by: "group", filter: SegmentFilter(), minimumCell: 1)
        #expect(recounted.first { $0.theme == "trust.low" }?.respondents == (themes.first { $0.theme == "trust.low" }?.respondents ?? 0) + 1)
        // A change to the responses recounts both.
        _ = try store.erase([small.key("T-1")])
        #expect(try store.optionCounts(survey: "community", question: "aware", by: "age_band").first?.count != 999)
    }
}
