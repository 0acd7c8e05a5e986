import ArgumentParser
import ConsultReport
import ConsultStore
import Foundation

/// `--respondent ID [--survey ID]`: a respondent as staff know them, by the id in the source file.
struct RespondentOption: ParsableArguments {
    @Option(help: "The respondent's id in the source file (for a focus-group participant: SESSION/P3).") var respondent: String
    @Option(help: "The survey the id belongs to (default: look in every survey).") var survey: String?

    /// The keyed pseudonyms this source id would have: the source id itself never reaches the database.
    func keys(_ store: Store) throws -> [RespondentKey] {
        let pseudonymiser = try DatabaseAccess.pseudonymiser()
        let surveys = try survey.map { [try store.instrument($0).id] } ?? store.instrumentIDs()
        return surveys.map { RespondentKey(survey: $0, pseudonym: pseudonymiser.pseudonym(scope: $0, sourceID: respondent)) }
    }
}

extension Consult {
    struct Roles: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Database roles for staff, analysts and readers.", subcommands: [Setup.self])

        struct Setup: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Create consult_staff, consult_analyst and consult_reader and (re)apply their grants (run as the owner).")
            func run() throws {
                let store = try DatabaseAccess.open()
                try store.setupRoles(script: try ProjectFiles.migrations() + "/roles/grants.sql")
                Terminal.write("roles ready: \(AccessRole.allCases.map(\.databaseRole).joined(separator: ", ")) (connect with --role staff|analyst|reader)\n")
            }
        }
    }

    struct Erase: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase everything held about a respondent (answers, free text, codings, memos, pseudonym) in one transaction.",
            discussion: "The erasure is recorded in the audit log with counts only. Re-importing the source file does not bring the respondent back.")
        @OptionGroup var who: RespondentOption

        func run() throws {
            let store = try DatabaseAccess.open()
            let removed = try store.erase(try who.keys(store))
            Terminal.write("erased \(removed.respondents) respondent(s): \(removed.answers) answers, \(removed.segments) segments, \(removed.codings) codings, \(removed.memos) memos\n")
        }
    }

    struct SAR: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sar", abstract: "Export everything held about a respondent as JSON (subject-access request).")
        @OptionGroup var who: RespondentOption
        @Option(help: "Write the JSON to this file (default: standard output).") var out: String?

        func run() throws {
            let store = try DatabaseAccess.open()
            let record = try store.subjectAccess(try who.keys(store))
            let data = try JSONOutput.data(record, pretty: true)
            if let out {
                guard FileManager.default.createFile(atPath: out, contents: data, attributes: [.posixPermissions: 0o600]) else {
                    throw CommandFailure("\(out): cannot write the subject-access export")
                }
                Terminal.note("consult: wrote \(out) (\(record.segments.count) segments, \(record.answers.count) answers)")
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }

    struct Consent: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a respondent withdrawing (or giving) consent to be quoted, without erasing anything.",
            subcommands: [Withdraw.self, Give.self])

        struct Withdraw: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Stop quoting this respondent in any chapter.")
            @OptionGroup var who: RespondentOption
            func run() throws { try Consent.set(false, who) }
        }

        struct Give: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Record that this respondent consents to be quoted.")
            @OptionGroup var who: RespondentOption
            func run() throws { try Consent.set(true, who) }
        }

        static func set(_ consent: Bool, _ who: RespondentOption) throws {
            let store = try DatabaseAccess.open()
            let changed = try store.setQuoteConsent(try who.keys(store), consent: consent)
            Terminal.write("consent to be quoted \(consent ? "given" : "withdrawn") for \(changed) respondent(s)\n")
        }
    }

    struct Retention: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete identifiable data past the consultation's retention period.",
                                                        subcommands: [Apply.self])

        struct Apply: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Delete respondent-level data imported more than retention_months ago; report what was removed.")
            @Flag(help: "Report what would be removed without deleting it.") var dryRun = false
            @Option(help: "Measure from this date (YYYY-MM-DD, UTC) instead of now.") var asOf: String?
            @OptionGroup var output: FormatOption

            func run() throws {
                let date = try asOf.map(Self.parseDate) ?? Date()
                let report = try DatabaseAccess.open().applyRetention(asOf: date, dryRun: dryRun)
                let r = report.removed
                output.print(ResultTable(
                    columns: ["retention_months", "cutoff", "dry_run", "respondents", "answers", "segments", "codings", "memos", "sessions", "batches"],
                    rows: [[.int(report.retentionMonths), .text(report.cutoff), .bool(report.dryRun), .int(r.respondents), .int(r.answers),
                            .int(r.segments), .int(r.codings), .int(r.memos), .int(report.sessions),
                            .text(report.batches.map(String.init).joined(separator: " "))]]))
            }

            static func parseDate(_ text: String) throws -> Date {
                let formatter = ISO8601DateFormatter()
                formatter.formatOptions = [.withFullDate]
                guard let date = formatter.date(from: text) else { throw CommandFailure("--as-of '\(text)' is not a date (YYYY-MM-DD)") }
                return date
            }
        }
    }

    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The audit log, newest first: who did what, when (no personal data).")
        @Option(help: "At most this many entries.") var limit = 50
        @OptionGroup var output: FormatOption

        func run() throws {
            let entries = try DatabaseAccess.open().auditLog(limit: limit)
            output.print(ResultTable(columns: ["id", "at", "actor", "os_user", "action", "detail"], rows: entries.map {
                [.int($0.id), .text($0.at), .text($0.actor), $0.osUser.map(ResultValue.text) ?? .null, .text($0.action), .text($0.detail)]
            }))
        }
    }
}
