/// Lines of `generator-labels.csv`: the themes the generator meant each free-text answer or
/// focus-group turn to express, one line per (segment, theme), so the generator can act as a coder.
///
/// Columns: `survey,respondent,question,position,theme`. A segment is named the way the importers
/// name it: survey answers by the instrument id, the row's `response_id`, the question id and
/// position 1; focus-group turns by `focus_groups`, `SESSION/P<n>`, the session id and the turn's
/// 1-based number among all turns (facilitator included). A segment without themes has no line.
struct GeneratorLabelLines {
    /// The header line, LF-terminated.
    static let header = "survey,respondent,question,position,theme\n"

    let survey: String
    /// The lines added so far, LF-terminated.
    private(set) var text = ""

    init(survey: String) {
        self.survey = survey
    }

    /// Records the themes of one segment.
    mutating func add(respondent: String, question: String, position: Int, themes: ThemeSet) {
        for theme in themes.themes {
            var row = CSVRow(capacity: 96)
            row.fields([survey, respondent, question, String(position), theme.rawValue])
            text += row.line()
        }
    }

    /// Records a free-text survey answer (position 1) and returns its text for the CSV row.
    mutating func answer(_ respondent: String, _ question: String, _ coded: CodedText) -> String {
        add(respondent: respondent, question: question, position: 1, themes: coded.themes)
        return coded.text
    }
}

/// A `TextOutputStream` that drops what it is given: for callers that want rows without labels.
struct DiscardingStream: TextOutputStream {
    mutating func write(_ string: String) {}
}
