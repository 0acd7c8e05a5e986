import SurveyExports

/// Each tool's own column names (compared normalised, see `HeaderText`) and what they hold. The
/// evidence for every name is in `../shared/survey-exports/SHAPES.md` (real files, exporters' code
/// and help pages); Citizen Space's names are assumptions from its help pages (README, "Survey tools").
enum ToolColumns {
    static let ip = ToolColumn.personalData("IP address")
    static let email = ToolColumn.personalData("e-mail")
    static let name = ToolColumn.personalData("name")
    static let recipient = ToolColumn.personalData("recipient field")
    static let location = ToolColumn.personalData("location")
    static let device = ToolColumn.personalData("device or account")
    static let contact = ToolColumn.personalData("contact details")

    /// Qualtrics: the export-tag row (current and 2016 formats) or the label row of the legacy format.
    static let qualtrics: [String: ToolColumn] = table([
        (["ResponseId", "ResponseID", "V1"], .respondentID),
        (["RecordedDate"], .submittedAt),
        (["Status", "V7"], .status),
        (["Finished", "V10"], .finished),
        (["IPAddress", "V6"], ip),
        (["RecipientEmail", "EmailAddress", "V5"], email),
        (["RecipientLastName", "RecipientFirstName", "Name", "V3"], name),
        (["ExternalReference", "ExternalDataReference", "V4"], recipient),
        (["LocationLatitude", "LocationLongitude", "LocationAccuracy"], location),
        (["StartDate", "V8"], .metadata("start time")),
        (["EndDate", "V9"], .metadata("end time")),
        (["Progress"], .metadata("progress")),
        (["Duration (in seconds)"], .metadata("duration")),
        (["DistributionChannel"], .metadata("channel")),
        (["UserLanguage"], .metadata("language")),
        (["ResponseSet", "V2"], .metadata("response set")),
    ])

    static let surveyMonkey: [String: ToolColumn] = table([
        (["Respondent ID", "RespondentID"], .respondentID),
        (["End Date", "EndDate"], .submittedAt),
        (["Start Date", "StartDate"], .metadata("start time")),
        (["Collector ID", "CollectorID"], .metadata("collector")),
        (["IP Address"], ip),
        (["Email Address"], email),
        (["First Name", "Last Name"], name),
        (["Custom Data", "Custom Data 1", "Custom Data 2", "Custom Data 3"], recipient),
    ])

    static let googleForms: [String: ToolColumn] = table([
        (["Timestamp", "Tijdstempel", "Marca temporal", "Horodateur", "Zeitstempel", "Informazioni cronologiche"], .submittedAt),
        (["Email Address", "Email", "Username"], email),
        (["Score", "Total score"], .metadata("quiz score")),
    ])

    static let microsoftForms: [String: ToolColumn] = table([
        (["ID", "Id"], .respondentID),
        (["Completion time"], .submittedAt),
        (["Start time"], .metadata("start time")),
        (["Last modified time"], .metadata("last modified time")),
        (["Email"], email),
        (["Name"], name),
        (["Total points", "Quiz feedback", "Grade posted time"], .metadata("quiz")),
    ])

    /// KoboToolbox (KPI and KoBoCAT) and ODK Central; group paths are stripped before lookup.
    static let koboToolbox: [String: ToolColumn] = table([
        (["_uuid", "KEY", "instanceID", "meta/instanceID"], .respondentID),
        (["_submission_time", "SubmissionDate"], .submittedAt),
        (["_id", "_index", "rootUuid", "_validation_status", "_notes", "_status", "_tags", "__version__", "_version", "_xform_id",
          "_parent_table_name", "_parent_index", "_duration", "_attachments", "AttachmentsPresent", "AttachmentsExpected", "Status",
          "ReviewState", "Edits", "FormVersion", "instanceName"], .metadata("submission record")),
        (["start", "end", "today"], .metadata("form timing")),
        (["_submitted_by", "SubmitterID", "SubmitterName", "username"], device),
        (["deviceid", "DeviceID", "imei", "simserial", "subscriberid"], device),
        (["phonenumber"], contact),
        (["_geolocation", "location", "gps", "geopoint"], location),
    ])

    static let limeSurvey: [String: ToolColumn] = table([
        (["Response ID", "id"], .respondentID),
        (["Date submitted", "submitdate"], .submittedAt),
        (["IP address", "ipaddr"], ip),
        (["Email address", "email"], email),
        (["First name", "Last name", "firstname", "lastname"], name),
        (["Token", "Access code", "token"], recipient),
        (["Last page", "lastpage"], .metadata("last page")),
        (["Start language", "startlanguage"], .metadata("language")),
        (["Seed", "seed"], .metadata("seed")),
        (["Date started", "startdate"], .metadata("start time")),
        (["Date last action", "datestamp"], .metadata("last action")),
        (["Referrer URL", "refurl"], .metadata("referrer")),
        (["Total time", "interviewtime"], .metadata("timing")),
    ])

    /// Assumed (no real file was found): Citizen Space's "all responses" workbook, from its help pages.
    static let citizenSpace: [String: ToolColumn] = table([
        (["Response ID"], .respondentID),
        (["Submitted", "Submitted on", "Response submitted", "Date submitted"], .submittedAt),
        (["Started", "Started on", "Last modified", "Last updated"], .metadata("timing")),
        (["First name", "Last name", "Name", "Full name", "Your name"], name),
        (["Email", "Email address", "Your email address"], email),
        (["Postcode", "Address", "Phone", "Telephone", "Phone number"], contact),
        (["IP address"], ip),
    ])

    /// The table of a tool, keyed by normalised header.
    static func table(for tool: SurveyTool) -> [String: ToolColumn] {
        switch tool {
        case .qualtrics: qualtrics
        case .surveyMonkey: surveyMonkey
        case .googleForms: googleForms
        case .microsoftForms: microsoftForms
        case .koboToolbox: koboToolbox
        case .limeSurvey: limeSurvey
        case .citizenSpace: citizenSpace
        case .plain: [:]
        }
    }

    /// Patterns no table can list: Qualtrics `Q_...` system columns, LimeSurvey timings, Microsoft
    /// Forms quiz columns, Kobo/ODK geopoint parts and columns whose name starts with `_`, Citizen Space analyst fields.
    static func pattern(_ header: String, tool: SurveyTool) -> ToolColumn? {
        let text = header.trimmingWhitespace()
        let lower = text.lowercased()
        switch tool {
        case .qualtrics:
            if text.hasPrefix("Q_") { return .metadata("Qualtrics system field") }
            let textIQ = ["topics", "parent topics", "sentiment", "sentiment polarity", "sentiment score", "topic sentiment label", "topic sentiment score"]
            if let dash = text.range(of: " - ", options: .backwards), textIQ.contains(HeaderText.normalise(String(text[dash.upperBound...]))) {
                return .metadata("Text iQ analysis")
            }
        case .limeSurvey:
            if lower.hasPrefix("group time") || lower.hasPrefix("question time") || lower.hasPrefix("grouptime") || lower.hasSuffix("time") && !text.contains(" ") {
                return .metadata("timing")
            }
        case .microsoftForms:
            if text.hasPrefix("Points - ") || text.hasPrefix("Feedback - ") { return .metadata("quiz") }
        case .koboToolbox:
            let last = lastPathComponent(text).lowercased()
            if ["latitude", "longitude", "altitude", "accuracy", "precision"].contains(where: { last.hasSuffix($0) }) { return location }
            if last.hasPrefix("_") { return .metadata("submission record") }
        case .citizenSpace:
            if lower.hasPrefix("analyst") || lower.hasPrefix("analysis") { return .metadata("analyst field") }
        case .surveyMonkey:
            if lower.hasPrefix("custom data") { return recipient }
        case .googleForms, .plain:
            break
        }
        return nil
    }

    /// A header's last group-path component (`group/q`, `group.q`, `group-q` for names without spaces).
    static func lastPathComponent(_ header: String) -> String {
        let separators: Set<Character> = header.contains(" ") ? ["/"] : ["/", ".", "-"]
        return header.split(whereSeparator: separators.contains).last.map(String.init) ?? header
    }

    private static func table(_ rows: [([String], ToolColumn)]) -> [String: ToolColumn] {
        var out: [String: ToolColumn] = [:]
        for (names, column) in rows {
            for name in names { out[HeaderText.normalise(name)] = column }
        }
        return out
    }
}
