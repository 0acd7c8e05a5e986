/// The survey tools whose response exports are recognised without a mapping file.
public enum SurveyTool: String, Sendable, CaseIterable {
    case qualtrics
    case surveyMonkey = "surveymonkey"
    case googleForms = "google_forms"
    case microsoftForms = "microsoft_forms"
    case koboToolbox = "kobotoolbox"
    case limeSurvey = "limesurvey"
    case citizenSpace = "citizen_space"
    /// No tool's shape: question ids or wordings as headers (our own format, or a hand-made file).
    case plain

    /// The tool's name as staff know it.
    public var name: String {
        switch self {
        case .qualtrics: "Qualtrics"
        case .surveyMonkey: "SurveyMonkey"
        case .googleForms: "Google Forms"
        case .microsoftForms: "Microsoft Forms"
        case .koboToolbox: "KoboToolbox / ODK"
        case .limeSurvey: "LimeSurvey"
        case .citizenSpace: "Citizen Space"
        case .plain: "plain export"
        }
    }
}

/// What a tool's own (non-question) column holds, and so what the importer does with it.
public enum ToolColumn: Sendable, Equatable, CustomStringConvertible {
    /// The tool's response id: the source id (pseudonymised, never stored).
    case respondentID
    /// When the response was submitted: stored as `submitted_at` (ISO 8601).
    case submittedAt
    /// IP address, e-mail, name, recipient field, location, device: never stored; its value is
    /// redacted from the same respondent's free text. The kind is named in the report, never the value.
    case personalData(String)
    /// Other metadata (progress, duration, channel, language...): dropped, and listed.
    case metadata(String)
    /// Qualtrics `Status`: previews, tests and spam are not real responses and are not imported.
    case status
    /// Qualtrics `Finished` (1/True): unfinished responses are imported only with `--include-partial`.
    case finished
    /// An "other (please specify)" text column of the question whose header is given.
    case otherText(of: String)

    public var description: String {
        switch self {
        case .respondentID: "respondent id"
        case .submittedAt: "submitted_at"
        case .personalData(let kind): "dropped: personal data (\(kind))"
        case .metadata(let what): "dropped: metadata (\(what))"
        case .status: "response status (previews, tests and spam are not imported), then dropped"
        case .finished: "finished flag (unfinished responses need --include-partial), then dropped"
        case .otherText(let question): "other text of '\(question)'"
        }
    }
}
