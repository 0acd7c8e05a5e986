import ArgumentParser
import ConsultIngest
import ConsultReport
import ConsultStore
import ConsultationModel
import EmbeddedPostgres
import FileReading
import Foundation
import Workbooks
import Postgres
import QDAExchange
import Statistics
import SurveyExports
import ThemeSuggestion
import TransformerCoding
import TransformerEncoder

/// The `consult` command line: a thin layer that parses arguments, opens the database and calls the
/// library modules. Errors print as one line on stderr with a non-zero exit; never a trap.
@main
struct Consult: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse the Gangs Matrix review's perceptions consultation: import, code, count, report.",
        discussion: """
            Uses the database in DATABASE_URL (or the PG* variables); without them, a private PostgreSQL \
            cluster under $CONSULT_HOME/pg (default ./.consult) that consult starts itself.

            Every command takes --role staff|analyst|reader to log in as that database role \
            (see `consult roles setup`); PostgreSQL then enforces what it may read and write. \
            Without --role, consult logs in as the database owner.
            """,
        subcommands: [
            Demo.self, DB.self, Migrate.self, Survey.self, Import.self, Export.self, Imports.self, Rejects.self, Code.self,
            Segments.self, Codings.self, Themes.self, Questions.self, CrosstabCommand.self, Cooccurrence.self, RepresentativenessCommand.self, Quotes.self, Summary.self, Chapter.self, Sample.self,
            Roles.self, Erase.self, SAR.self, Consent.self, Retention.self, Audit.self, DPIA.self, Serve.self, Token.self, Model.self,
        ]
    )

    static func main() {
        do {
            let arguments = try DatabaseAccess.takeRoleOption(from: Array(CommandLine.arguments.dropFirst()))
            try rejectUnknownSubcommand(arguments)
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch where isDomainError(error) {
            FileHandle.standardError.write(Data("consult: \(error)\(roleHint(error))\n".utf8))
            Foundation.exit(1)
        } catch {
            // Usage errors, --help and ArgumentParser's own exits keep its standard handling.
            Self.exit(withError: error)
        }
    }

    /// ArgumentParser answers `consult nosuch --help` with the parent's help and exit 0, which tells a
    /// script the command exists. Refuse a word that names no subcommand before parsing instead.
    private static func rejectUnknownSubcommand(_ arguments: [String]) throws {
        var command: any ParsableCommand.Type = Consult.self
        for word in arguments {
            let subcommands = command.configuration.subcommands
            guard !word.hasPrefix("-"), !subcommands.isEmpty else { return }
            guard let next = subcommands.first(where: { $0._commandName == word }) else {
                let path = ["consult"] + arguments.prefix { $0 != word }
                throw CommandFailure("unknown command '\(word)' (see `\(path.joined(separator: " ")) --help`)")
            }
            command = next
        }
    }

    /// When a role was refused by PostgreSQL's grants, says which role and what it may do instead.
    private static func roleHint(_ error: Error) -> String {
        guard let role = DatabaseAccess.role, let failure = error as? PostgresError, failure.sqlState == "42501" else { return "" }
        switch role {
        case .reader: return " (the reader role may read only the published, suppressed views in schema consult_public)"
        case .analyst: return " (the analyst role may read redacted analysis data and write codings and memos only)"
        case .staff: return " (the staff role may not do this; the database owner can)"
        }
    }

    /// Errors raised by consult's modules: each describes itself in one line naming what to fix.
    private static func isDomainError(_ error: Error) -> Bool {
        error is PostgresError || error is EmbeddedError || error is SurveyFileError || error is CodebookError
            || error is StoreError || error is ImportError || error is Migrator.Failure || error is ProjectFiles.Missing
            || error is CommandFailure || error is QDCError || error is StatisticsError || error is UnmatchedColumns
            || error is SuggestionError || error is ChapterTemplateError || error is WorkbookError || error is ModelInstallError || error is TransformerCodingError || error is TokenizerError || error is SafeTensorsError
    }
}

/// A command's own failure, with its one-line explanation.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
