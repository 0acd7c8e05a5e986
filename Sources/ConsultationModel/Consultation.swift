import Digests
import FileReading
import Foundation

/// The consultation as described by `surveys/consultation.yaml` and the files it names.
public struct Consultation: Sendable {
    /// One of the strand's questions; the perception chapter has a section for each.
    public struct StrandQuestion: Sendable, Equatable, Codable {
        public var id: String
        public var text: String
        /// Theme ids or theme-group ids whose counts answer this question.
        public var themes: [String]
        /// Closed questions reported here, as `survey.question`.
        public var closed: [String]
        /// Themes to draw consented quotes from, one quote each.
        public var quotes: [String]
    }

    public var id: String
    public var title: String
    public var strandQuestions: [StrandQuestion]
    public var instruments: [Instrument]
    public var codebook: Codebook
    /// The codebook file's text, stored with the codebook so later runs re-read the same rules.
    public var codebookText: String
    public var codebookSHA256: String
    /// The population reference (Census ethnicity), for comparing who responded with who lives here.
    public var population: [PopulationGroup]
    /// Shared answer options by set name (`borough`, `ethnicity`...), as in `option-sets.yaml`.
    public var optionSets: [String: [AnswerOption]]
    /// How many months respondent-level data may be kept after its import (`retention_months`);
    /// nil when the file sets no period, which `consult retention apply` reports as an error.
    public var retentionMonths: Int?
    /// The privacy notice shown with the online form (`privacy_notice`): who holds the answers, why,
    /// for how long, and how to ask for them or have them erased. nil when the file has none.
    public var privacyNotice: String? = nil

    public func instrument(_ id: String) -> Instrument? { instruments.first { $0.id == id } }
}

/// Residents of one ethnic category in the reference population.
public struct PopulationGroup: Sendable, Equatable, Codable {
    public var group: String
    public var detail: String
    public var residents: Int

    public init(group: String, detail: String, residents: Int) {
        self.group = group
        self.detail = detail
        self.residents = residents
    }
}

/// Reads a consultation directory (default `surveys/`) and everything `consultation.yaml` names.
public enum ConsultationLoader {
    /// Loads and checks the whole consultation.
    ///
    /// - Throws: `SurveyFileError` (or `CodebookError`) naming the file, line and field at fault.
    public static func load(directory: String) throws -> Consultation {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        let mainFile = root.appendingPathComponent("consultation.yaml").path
        let doc = try YAMLMapping.parse(try readText(mainFile), file: mainFile)
        let optionSets = try doc.optionalString("option_sets").map { name -> [String: [AnswerOption]] in
            let path = root.appendingPathComponent(name).path
            return try InstrumentParser.optionSets(yaml: readText(path), file: path)
        } ?? [:]
        var instruments: [Instrument] = []
        for name in try doc.strings("instruments") {
            let path = root.appendingPathComponent(name).path
            let instrument = try InstrumentParser.instrument(yaml: readText(path), file: path, optionSets: optionSets)
            guard !instruments.contains(where: { $0.id == instrument.id }) else {
                throw SurveyFileError(file: path, field: "id", message: "instrument id '\(instrument.id)' is used by another instrument")
            }
            instruments.append(instrument)
        }
        guard !instruments.isEmpty else { throw doc.error("instruments", "lists no instrument files") }
        let codebookPath = try codebookPath(doc, root: root)
        let codebookText = try readText(codebookPath)
        let codebook = try Codebook.parse(yaml: codebookText, file: codebookPath)
        var questions: [Consultation.StrandQuestion] = []
        for q in try doc.mappings("questions") {
            let question = Consultation.StrandQuestion(
                id: try InstrumentParser.identifier(q, "id"), text: try q.string("text"),
                themes: try q.strings("themes"), closed: try q.strings("closed"), quotes: try q.strings("quotes"))
            for theme in question.themes + question.quotes where codebook.theme(theme) == nil {
                throw q.error("themes", "'\(theme)' is not a theme of the codebook")
            }
            for reference in question.closed {
                let parts = reference.split(separator: ".").map(String.init)
                guard parts.count == 2, let instrument = instruments.first(where: { $0.id == parts[0] }),
                      let closed = instrument.question(parts[1]), closed.type.isClosed
                else { throw q.error("closed", "'\(reference)' is not a closed question (write SURVEY.QUESTION)") }
            }
            questions.append(question)
        }
        var population: [PopulationGroup] = []
        if let reference = doc.node("reference").map({ YAMLMapping(node: $0, file: mainFile, path: "reference") }),
           let file = try reference.optionalString("population") {
            population = try PopulationReader.read(path: root.appendingPathComponent(file).path)
        }
        return Consultation(
            id: try InstrumentParser.identifier(doc, "id"), title: try doc.string("title"),
            strandQuestions: questions, instruments: instruments, codebook: codebook, codebookText: codebookText,
            codebookSHA256: sha256Hex(of: Array(codebookText.utf8)), population: population,
            optionSets: optionSets, retentionMonths: try retentionMonths(doc), privacyNotice: try doc.optionalString("privacy_notice")
        )
    }

    private static func retentionMonths(_ doc: YAMLMapping) throws -> Int? {
        guard try doc.optionalString("retention_months") != nil else { return nil }
        let months = try doc.int("retention_months")
        guard months > 0 else { throw doc.error("retention_months", "must be a positive number of months, found \(months)", at: doc.node("retention_months")) }
        return months
    }

    /// The codebook file a consultation directory's `consultation.yaml` names, without loading
    /// anything else: for commands that work on the codebook file alone.
    /// - Throws: `SurveyFileError` naming `consultation.yaml` when it is missing, or names no codebook.
    public static func codebookPath(directory: String) throws -> String {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        let mainFile = root.appendingPathComponent("consultation.yaml").path
        return try codebookPath(try YAMLMapping.parse(try readText(mainFile), file: mainFile), root: root)
    }

    private static func codebookPath(_ doc: YAMLMapping, root: URL) throws -> String {
        root.appendingPathComponent(try doc.string("codebook")).path
    }

    /// Reads a whole file as UTF-8 text, with a clear error for a missing file or another encoding.
    public static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw SurveyFileError(file: path, message: exists ? "cannot be read (permission?)" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SurveyFileError(file: path, message: "is not UTF-8 text; save it as UTF-8 and try again")
        }
        return text
    }
}

/// Reads a population reference CSV (`group,detail,residents`), such as ONS Census table KS201EW.
public enum PopulationReader {
    public static func read(path: String) throws -> [PopulationGroup] {
        var reader = try CSVReader(path: path)
        guard let header = try reader.next(), header.fields == ["group", "detail", "residents"] else {
            throw SurveyFileError(file: path, line: 1, message: "expected the header group,detail,residents")
        }
        var groups: [PopulationGroup] = []
        while let record = try reader.next() {
            guard record.fields.count == 3, let residents = Int(record.fields[2]), residents >= 0 else {
                throw SurveyFileError(file: path, line: record.line, field: "residents", message: "expected group,detail,residents with a whole number")
            }
            groups.append(PopulationGroup(group: record.fields[0], detail: record.fields[1], residents: residents))
        }
        return groups
    }
}
