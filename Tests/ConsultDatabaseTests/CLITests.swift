import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The `consult` executable end to end, as staff and scripts use it: exit codes, one-line errors,
/// the JSON contract, idempotent demo, and an external `DATABASE_URL` that leaves `$CONSULT_HOME` alone.
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built executable beside the test bundle (`swift test` builds it with the tests).
    static let binary: String? = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("consult").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return nil
    }()

    let home = FileManager.default.temporaryDirectory.appendingPathComponent("consult-cli-\(UUID().uuidString)")

    /// A `consult` process started and not yet waited for (to interrupt it part-way).
    struct Running {
        var pid: pid_t
        var out: String
        var err: String

        /// Waits for the process to end and collects its exit status and output. A process still
        /// running after `limit` seconds is killed and recorded as an issue: a command that never ends
        /// (a server that should have refused to start) fails its test instead of holding the thread
        /// it waits on, which the suite's other tests need, for ever.
        func finish(limit: Double = 600) -> Run {
            var status: Int32 = 0
            let deadline = Date().addingTimeInterval(limit)
            var pause: useconds_t = 1_000
            while true {
                let ended = waitpid(pid, &status, WNOHANG)
                if ended == pid || (ended == -1 && errno != EINTR) { break }
                if Date() > deadline {
                    Issue.record("consult (pid \(pid)) still running after \(Int(limit)) s: killed")
                    kill(pid, SIGKILL)
                    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                    break
                }
                usleep(pause)
                pause = min(pause * 2, 50_000)
            }
            return Run(status: (status >> 8) & 0xff,
                       stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
                       stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
        }
    }

    func consult(_ arguments: [String], databaseURL: String?) throws -> Run {
        try start(arguments, databaseURL: databaseURL).finish()
    }

    /// Starts the executable with `arguments` against `databaseURL`, stdin from /dev/null and output
    /// to files, the way staff's scripts run it (no terminal, so no progress line).
    func start(_ arguments: [String], databaseURL: String?) throws -> Running {
        let binary = try #require(Self.binary, "consult executable not built")
        var environment = ProcessInfo.processInfo.environment
        environment["DATABASE_URL"] = databaseURL
        environment["PGHOST"] = nil
        environment["CONSULT_HOME"] = home.appendingPathComponent("home").path
        environment["CONSULT_KEY_FILE"] = home.appendingPathComponent("key").path
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let out = home.appendingPathComponent("out-\(UUID().uuidString)").path
        let err = home.appendingPathComponent("err-\(UUID().uuidString)").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        try #require(posix_spawn(&pid, binary, &actions, nil, argv, envp) == 0)
        return Running(pid: pid, out: out, err: err)
    }

    func freshURL() throws -> String {
        let db = try TestDatabase.fresh()
        let name = try db.query("SELECT current_database() AS d").rows[0].string("d")
        return try TestDatabase.cluster().cluster.url(database: name)
    }

    func rows(_ json: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return try #require(object?["rows"] as? [[String: Any]])
    }

    @Test func demoOnAnExternalDatabaseIsIdempotentFollowsTheContractAndCreatesNothingLocally() throws {
        let url = try freshURL()
        let outDir = home.appendingPathComponent("chapter").path
        let first = try consult(["demo", "--out", outDir], databaseURL: url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("awareness.aware"))
        #expect(FileManager.default.fileExists(atPath: outDir + "/perceptions-chapter.md"))
        #expect(FileManager.default.fileExists(atPath: outDir + "/perceptions-chapter.html"))
        let themes = try consult(["themes", "--format", "json"], databaseURL: url)
        let firstRows = try rows(themes.stdout)
        #expect(firstRows.count == 32)
        for key in ["theme", "label", "respondents", "segments", "percent"] { #expect(firstRows[0][key] != nil, "\(key)") }

        #expect(try consult(["demo", "--out", outDir], databaseURL: url).status == 0)
        #expect(try consult(["themes", "--format", "json"], databaseURL: url).stdout == themes.stdout)

        let byGroup = try rows(try consult(["themes", "--by", "group", "--format", "json"], databaseURL: url).stdout)
        #expect(Set(byGroup.compactMap { $0["group"] as? String }) == ["community", "partner", "focus_group"])
        for row in byGroup where row["suppressed"] as? Bool == true { #expect(row["respondents"] is NSNull) }

        let segments = try rows(try consult(["segments", "--limit", "5", "--format", "json"], databaseURL: url).stdout)
        #expect(segments.count == 5)
        for key in ["segment", "respondent", "survey", "question", "text"] { #expect(segments[0][key] != nil, "\(key)") }

        let questions = try rows(try consult(["questions", "--survey", "community", "--format", "json"], databaseURL: url).stdout)
        for key in ["question", "option", "count", "percent", "ci_low", "ci_high"] { #expect(questions[0][key] != nil, "\(key)") }
        let quotes = try rows(try consult(["quotes", "--theme", "fairness.racial", "--limit", "3", "--format", "json"], databaseURL: url).stdout)
        #expect(quotes.count == 3)

        try checkCodingAndRoleCommands(url: url, segments: segments.compactMap { $0["segment"] as? Int })
        try checkChapterFormats(url: url, segments: segments.compactMap { $0["segment"] as? Int })

        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("home").path))
    }

    /// `consult chapter --format`: md and html by default; docx only through pandoc, said plainly when
    /// it is missing; with a second human coder the methods report agreement per theme.
    func checkChapterFormats(url: String, segments: [Int]) throws {
        let decisions = home.appendingPathComponent("decisions-bob.csv").path
        try (["segment,theme,coder,applied"] + segments.map { "\($0),trust.low,bob,1" }).joined(separator: "\n")
            .write(toFile: decisions, atomically: true, encoding: .utf8)
        #expect(try consult(["code", "import", decisions], databaseURL: url).status == 0)
        let outDir = home.appendingPathComponent("formats").path
        let both = try consult(["chapter", "--out", outDir], databaseURL: url)
        #expect(both.status == 0, "\(both.stderr)")
        let markdown = try String(contentsOfFile: outDir + "/perceptions-chapter.md", encoding: .utf8)
        #expect(FileManager.default.fileExists(atPath: outDir + "/perceptions-chapter.html"))
        #expect(markdown.contains("2 human coders coded the same segments") && !markdown.contains("No segment has been coded by two human coders yet"))

        let pandocInstalled = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/pandoc") }
        let withDocx = try consult(["chapter", "--out", outDir, "--format", "md,html,docx"], databaseURL: url)
        #expect(withDocx.status == 0, "\(withDocx.stderr)")
        let docxOnly = try consult(["chapter", "--out", outDir, "--format", "docx"], databaseURL: url)
        if pandocInstalled {
            #expect(docxOnly.status == 0 && FileManager.default.fileExists(atPath: outDir + "/perceptions-chapter.docx"))
        } else {
            #expect(withDocx.stderr.contains("pandoc is not installed; wrote md and html only"))
            #expect(docxOnly.status != 0 && docxOnly.stderr.contains("pandoc is not installed"))
        }
        #expect(try consult(["chapter", "--format", "pdf"], databaseURL: url).stderr.contains("unknown format 'pdf'"))
    }

    /// Human coding, agreement and evaluation in their JSON shapes, and running as a role.
    func checkCodingAndRoleCommands(url: String, segments: [Int]) throws {
        let decisions = home.appendingPathComponent("decisions.csv").path
        try (["segment,theme,coder,applied"] + segments.map { "\($0),trust.low,alice,1" } + segments.map { "\($0),fairness.racial,alice,0" })
            .joined(separator: "\n").write(toFile: decisions, atomically: true, encoding: .utf8)
        let imported = try consult(["code", "import", decisions], databaseURL: url)
        #expect(imported.status == 0, "\(imported.stderr)")

        let agreement = try consult(["code", "agreement", "--coders", "rules,alice", "--format", "json"], databaseURL: url)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(agreement.stdout.utf8)) as? [String: Any], "\(agreement.stderr)")
        #expect(object["coders"] as? [String] == ["rules", "alice"])
        let themes = try #require(object["themes"] as? [[String: Any]])
        #expect(themes.count == 32)
        for key in ["theme", "kappa", "agreement", "n"] { #expect(themes[0][key] != nil, "\(key)") }
        let overall = try #require(object["overall"] as? [String: Any])
        for key in ["kappa", "alpha", "n"] { #expect(overall[key] != nil, "\(key)") }
        #expect(overall["n"] as? Int == segments.count * 32)

        let evaluation = try consult(["code", "evaluate", "--gold", "alice", "--format", "json"], databaseURL: url)
        let scores = try #require(try JSONSerialization.jsonObject(with: Data(evaluation.stdout.utf8)) as? [String: Any], "\(evaluation.stderr)")
        let rows = try #require(scores["themes"] as? [[String: Any]])
        for key in ["theme", "precision", "recall", "f1", "support"] { #expect(rows[0][key] != nil, "\(key)") }
        for key in ["precision", "recall", "f1"] { #expect((scores["micro"] as? [String: Any])?[key] != nil, "\(key)") }
        #expect((scores["macro"] as? [String: Any])?["f1"] != nil)

        #expect(try consult(["roles", "setup"], databaseURL: url).status == 0)
        let reader = try consult(["--role", "reader", "themes"], databaseURL: url)
        #expect(reader.status == 1)
        #expect(reader.stderr.contains("permission denied") && reader.stderr.contains("consult_public"), "\(reader.stderr)")
        let analyst = try consult(["segments", "--limit", "1", "--role=analyst", "--format", "json"], databaseURL: url)
        #expect(analyst.status == 0, "\(analyst.stderr)")
        #expect(try consult(["--role", "janitor", "themes"], databaseURL: url).stderr.contains("unknown role 'janitor'"))
    }

    @Test(arguments: [
        (["import", "responses", "/nonexistent/file.csv", "--survey", "community"], "consult: /nonexistent/file.csv: no such file"),
        (["import", "responses", "Package.swift", "--survey", "nope"], "unknown survey id 'nope'"),
        (["themes", "--by", "shoe_size"], "unknown --by field 'shoe_size'"),
        (["themes", "--by", "x'; DROP TABLE consult.segment; --"], "unknown --by field 'x'; DROP TABLE consult.segment; --'"),
        (["erase", "--respondent", "'; DROP TABLE consult.respondent; --"], "no respondent with that id is held"),
        (["quotes", "--theme", "' OR '1'='1"], "unknown theme ''"),
        (["questionz"], "unknown command 'questionz'"),
        (["db", "start"], "DATABASE_URL is set, so consult uses that server"),
        (["themes", "--estimate"], "no validation sample yet"),
        (["themes", "--sample", "check"], "--sample goes with --estimate"),
        (["code", "sample", "status", "nope"], "no validation sample named 'nope'"),
        (["code", "queue", "--sample", "nope"], "no validation sample named 'nope'"),
        (["code", "sample", "create", "bad name!", "--size", "5"], "must be 1-64 letters"),
        (["code", "auto", "--with-model"], "no suggestion model for the current codebook yet"),
    ])
    func badInputGivesOneLineAndNonZeroExit(_ arguments: [String], _ message: String) throws {
        let url = try freshURL()
        #expect(try consult(["survey", "load"], databaseURL: url).status == 0)
        let run = try consult(arguments, databaseURL: url)
        #expect(run.status != 0)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("backtrace"))
    }

    @Test func aStoppedOrMissingServerIsOneClearLine() throws {
        let run = try consult(["themes"], databaseURL: "postgresql:///consult?host=/nonexistent-socket&connect_timeout=2")
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("consult: cannot connect to the database"))
        #expect(run.stderr.contains("DATABASE_URL"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test func surveyValidateNamesFileAndLine() throws {
        let broken = home.appendingPathComponent("broken.yaml")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try "id: x\ntitle: X\nkind: survey\nrespondent_group: g\nid_column: rid\nquestions:\n  - id: q\n    type: essay\n    wording: W\n"
            .write(to: broken, atomically: true, encoding: .utf8)
        let run = try consult(["survey", "validate", broken.path], databaseURL: nil)
        #expect(run.status == 1)
        #expect(run.stderr.contains("broken.yaml:8: questions[1].type: unknown question type 'essay'"), "\(run.stderr)")
        let ok = try consult(["survey", "validate"], databaseURL: nil)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("codebook 2018.3"))
    }
}
