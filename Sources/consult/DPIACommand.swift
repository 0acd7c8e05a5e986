import ArgumentParser
import ConsultIngest
import ConsultReport
import ConsultStore
import Foundation

extension Consult {
    struct DPIA: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dpia",
            abstract: "The facts a data-protection impact assessment needs, read from the system: what is held, where, how long, who can read it.")
        @OptionGroup var output: FormatOption

        /// The facts plus where the pseudonymisation key lives (which the database cannot know).
        struct Report: Encodable {
            var facts: DataProtectionFacts
            var keyLocation: String
            enum CodingKeys: String, CodingKey {
                case facts
                case keyLocation = "pseudonym_key_location"
            }
        }

        func run() throws {
            let facts = try DatabaseAccess.open().dataProtectionFacts()
            let key = PseudonymKeySource.location(environment: DatabaseAccess.environment, home: DatabaseAccess.home.path) + " (outside the database; never logged)"
            if output.resolved == .json {
                try JSONOutput.print(Report(facts: facts, keyLocation: key), pretty: true)
                return
            }
            let retention = facts.retentionMonths.map { "\($0) months after import" } ?? "NOT SET (add retention_months to consultation.yaml)"
            var lines = ["Retention: \(retention)"]
            if let oldest = facts.oldestImport {
                lines.append("Oldest respondent-level data imported \(oldest)" + (facts.oldestDue.map { ", due for deletion \($0)" } ?? ""))
            }
            lines.append("Pseudonymisation key: \(key)")
            if !facts.missingRoles.isEmpty {
                lines.append("Roles not set up: \(facts.missingRoles.joined(separator: ", ")) (run `consult roles setup`)")
            }
            Terminal.write(lines.joined(separator: "\n") + "\n\nPersonal data held\n")
            output.print(ResultTable(columns: ["category", "location", "rows", "note"], rows: facts.categories.map {
                [.text($0.category), .text($0.location), .int($0.rows), .text($0.note)]
            }))
            Terminal.write("\nWho can read or change it (besides the owner)\n")
            output.print(ResultTable(columns: ["role", "relation", "select", "insert", "update", "delete"], rows: facts.access.map {
                [.text($0.role), .text($0.relation), .bool($0.select), .bool($0.insert), .bool($0.update), .bool($0.delete)]
            }))
        }
    }
}
