import ArgumentParser
import FileReading
import SurveyExports

/// `consult import responses --format`: the human report (one line per problem) or the JSON one.
enum ImportReportFormat: String, ExpressibleByArgument {
    case text, json
}

extension InputEncoding: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
