import ConsultStore
import PersonalData
import SurveyExports

/// Row-by-row validation state of one file: counts, rejections, and the respondent ids seen so far.
struct RowValidation {
    /// A rejected row three ways: for the report (`row`, with the offending value), for the rejects
    /// file (`original`, the row unchanged) and for the database (`record`: position, field, the
    /// redacted reason and the pseudonym of its source id; no content).
    struct Rejection {
        var row: RejectedRow
        var original: String
        var record: ImportReject
    }

    let preparer: SurveyRowPreparer
    let redactor: Redactor
    private(set) var read = 0
    private(set) var rejections: [Rejection] = []
    private(set) var redactions = 0
    private var firstLine: [String: Int] = [:]

    init(preparer: SurveyRowPreparer, redactor: Redactor) {
        self.preparer = preparer
        self.redactor = redactor
    }

    /// The rejected rows, in file order, as the report shows them.
    var rejected: [RejectedRow] { rejections.map(\.row) }

    /// The prepared respondent of `response`, or nil when it is rejected (and recorded).
    mutating func take(_ response: SourceResponse) -> PreparedRespondent? {
        read += 1
        let cells: [ResponseCell]
        switch response.cells {
        case .success(let read): cells = read
        case .failure(let rejection):
            reject(rejection, response, pseudonym: nil)
            return nil
        }
        if let id = preparer.sourceID(of: cells) {
            if let earlier = firstLine[id] {
                reject(RejectedRow(line: response.line, field: preparer.instrument.idColumn, reason: "repeats the respondent id of line \(earlier)"),
                       response, pseudonym: preparer.pseudonym(of: cells))
                return nil
            }
            firstLine[id] = response.line
        }
        switch preparer.prepare(cells, line: response.line) {
        case .success(let respondent):
            redactions += respondent.redactions
            return respondent
        case .failure(let rejection):
            reject(rejection, response, pseudonym: preparer.pseudonym(of: cells))
            return nil
        }
    }

    /// The reason is redacted like free text before it goes to the database: it may quote the value.
    private mutating func reject(_ row: RejectedRow, _ response: SourceResponse, pseudonym: String?) {
        let record = ImportReject(line: row.line, field: row.field, reason: redactor.redact(row.reason).text, pseudonym: pseudonym)
        rejections.append(Rejection(row: row, original: response.original.rendered, record: record))
    }
}
