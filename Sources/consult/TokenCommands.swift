import ArgumentParser
import ConsultReport
import ConsultStore

extension ApiAccess: ExpressibleByArgument {}

extension Consult {
    struct Token: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bearer tokens for `consult serve`: create (shown once), list, revoke. Only a token's hash is stored.",
            subcommands: [Create.self, List.self, Revoke.self]
        )

        struct Create: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Make a token and print it once, alone on the last line of stdout.",
                discussion: """
                    ingest tokens submit responses and notes (as consult_staff); analyst tokens read the analysis API \
                    (as consult_analyst); reader tokens read the published, suppressed tables only (as consult_reader). \
                    --survey limits a token to one survey. --public makes the survey's form token: printed into the \
                    form page at /s/SURVEY, so no secret, able only to submit to that survey, rate-limited per address.
                    """)
            @Option(help: "ingest, analyst or reader.") var access: ApiAccess
            @Option(help: "Only this survey id.") var survey: String?
            @Option(help: "Stops working at this date or ISO 8601 time (UTC unless it says).") var expires: String?
            @Flag(help: "The public form token of --survey (an ingest token).") var `public` = false

            func run() throws {
                let issued = try DatabaseAccess.open().createToken(access: access, survey: survey, expires: expires, isPublic: `public`)
                let token = issued.token
                Terminal.note("consult: token \(token.id): \(token.access.rawValue) access, survey \(token.survey ?? "all")\(token.isPublic ? ", public form token" : "")\(token.expiresAt.map { ", expires \($0)" } ?? ""); shown once, only its hash is stored")
                Terminal.write(issued.secret + "\n")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List tokens (never the tokens themselves): id, access, survey, created, expiry, revocation.")
            @OptionGroup var output: FormatOption

            func run() throws {
                let tokens = try DatabaseAccess.open().tokens()
                output.print(ResultTable(columns: ["id", "access", "survey", "public", "created_at", "created_by", "expires_at", "revoked_at"], rows: tokens.map { t in
                    [.int(t.id), .text(t.access.rawValue), t.survey.map(ResultValue.text) ?? .null, .bool(t.isPublic), .text(t.createdAt), .text(t.createdBy),
                     t.expiresAt.map(ResultValue.text) ?? .null, t.revokedAt.map(ResultValue.text) ?? .null]
                }))
            }
        }

        struct Revoke: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Revoke a token by id (see `consult token list`); it stops working at once, on every instance.")
            @Argument(help: "The token's id.") var id: Int

            func run() throws {
                try DatabaseAccess.open().revokeToken(id)
                Terminal.write("token \(id) revoked\n")
            }
        }
    }
}
