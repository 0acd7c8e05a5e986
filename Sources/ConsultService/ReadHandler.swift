import ConsultReport
import ConsultStore
import Foundation
import Hummingbird

/// The read API for dashboards: the CLI's `themes`, `questions`, `crosstab` and `summary`, with the
/// CLI's parameters (`survey`, `question`, `by`, `coder`, `min-cell`) and JSON shapes.
///
/// Disclosure control is the database's: an analyst token's queries run as `consult_analyst`, a reader
/// token's as `consult_reader`, which may read only the suppressed views in `consult_public`. So a
/// reader gets `themes` by group and `questions` without `by`, from those views, with the minimum
/// cell size the database sets; anything else is refused (403), never computed from other data.
struct ReadHandler: Sendable {
    let server: ConsultServer

    enum Query: String, CaseIterable, Sendable {
        case themes, questions, crosstab, summary

        /// The query parameters each accepts (anything else is refused, naming it).
        var parameters: Set<String> {
            switch self {
            case .themes: ["survey", "by", "coder", "min-cell"]
            case .questions: ["survey", "question", "by", "min-cell"]
            case .crosstab: ["survey", "question", "by", "min-cell"]
            case .summary: ["by", "coder", "min-cell"]
            }
        }
    }

    /// The parameters of one request, checked.
    struct Parameters: Sendable {
        var values: [String: String]
        var minimumCell: Int

        init(_ request: Request, query: Query) throws {
            var values: [String: String] = [:]
            for (name, value) in request.uri.queryParameters {
                let name = String(name)
                guard query.parameters.contains(name) else {
                    throw Problem(.invalidRequest, detail: "unknown parameter '\(name)' (\(query.rawValue) takes \(query.parameters.sorted().joined(separator: ", ")))")
                }
                values[name] = String(value)
            }
            self.values = values
            if let text = values["min-cell"] {
                guard let number = Int(text), number >= 1 else { throw Problem(.invalidRequest, detail: "min-cell must be a whole number, at least 1") }
                minimumCell = number
            } else {
                minimumCell = 10
            }
        }

        subscript(_ name: String) -> String? { values[name] }

        func required(_ name: String) throws -> String {
            guard let value = values[name], !value.isEmpty else { throw Problem(.invalidRequest, detail: "parameter '\(name)' is required") }
            return value
        }
    }

    func answer(_ query: Query, _ request: Request, _ context: ServiceRequestContext) async -> Answer {
        do {
            let parameters = try Parameters(request, query: query)
            let token = try await server.authorise(request, allowed: [.analyst, .reader], survey: parameters["survey"])
            if token.survey != nil && query == .summary {
                throw Problem(.forbidden, detail: "the summary covers every survey; this token is for one")
            }
            let role = token.access.databaseRole
            return try await server.pool.withStore(as: role) { store in
                do {
                    return token.access == .reader ? try published(query, parameters, store) : try analysed(query, parameters, store)
                } catch let error as StoreError {
                    throw Problem(.invalidRequest, detail: error.message)
                }
            }
        } catch {
            return server.answer(for: error)
        }
    }

    /// What the analyst role computes: exactly the CLI's tables.
    private func analysed(_ query: Query, _ p: Parameters, _ store: Store) throws -> Answer {
        switch query {
        case .themes:
            return table(try QueryTables.themes(store, survey: p["survey"], by: p["by"], coder: p["coder"], minimumCell: p.minimumCell))
        case .questions:
            return table(try QueryTables.questions(store, survey: p["survey"], question: p["question"], by: p["by"], minimumCell: p.minimumCell))
        case .crosstab:
            let result = try QueryTables.crosstab(store, survey: try p.required("survey"), question: try p.required("question"), by: try p.required("by"),
                                                  minimumCell: p.minimumCell)
            return Answer(status: 200, contentType: "application/json", body: result.json)
        case .summary:
            guard (p["by"] ?? "group") == "group" else { throw Problem(.invalidRequest, detail: "summary by supports 'group' only") }
            return Answer.json(try PerceptionSummary.gather(from: store, minimumCell: p.minimumCell, coder: p["coder"]))
        }
    }

    /// What the reader role may see: the `consult_public` views, in the CLI's shapes.
    private func published(_ query: Query, _ p: Parameters, _ store: Store) throws -> Answer {
        let refusal = "a reader token reads the published tables only: themes?by=group and questions without by, with the database's minimum cell size"
        switch query {
        case .themes:
            guard p["by"] == "group", p["survey"] == nil, p["coder"] == nil, p["min-cell"] == nil else { throw Problem(.forbidden, detail: refusal) }
            return table(ResultTable(columns: ["theme", "label", "group", "respondents", "suppressed"], rows: try store.publicThemeCounts().map { c in
                [.text(c.theme), .text(c.label), .text(c.group), c.respondents.map(ResultValue.int) ?? .null, c.suppressed ? .bool(true) : .absent]
            }))
        case .questions:
            guard p["by"] == nil, p["min-cell"] == nil else { throw Problem(.forbidden, detail: refusal) }
            let rows = try store.publicOptionCounts(survey: p["survey"], question: p["question"])
            return table(ResultTable(columns: ["survey", "question", "option", "count", "suppressed"], rows: rows.map { c in
                [.text(c.survey), .text(c.question), .text(c.option), c.respondents.map(ResultValue.int) ?? .null, c.suppressed ? .bool(true) : .absent]
            }))
        case .crosstab, .summary:
            throw Problem(.forbidden, detail: refusal)
        }
    }

    private func table(_ table: ResultTable) -> Answer {
        Answer(status: 200, contentType: "application/json", body: table.render(.json))
    }
}
