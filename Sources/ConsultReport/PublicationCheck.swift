import PersonalData

/// The last gate before a chapter leaves the machine: the same personal-data scanner that redacts
/// free text at import reads every line of the rendered output. Anything it finds means something
/// unredacted reached the text (a quote imported before a redaction rule existed, a template edit,
/// a memo), and the chapter must not be written.
///
/// Web addresses are not checked: a chapter cites public sources, and quotes had theirs replaced by
/// `[URL]` at import.
public enum PublicationCheck {
    /// One finding: where, and what kind of personal data (never the matched text itself, which
    /// would repeat the personal data in an error message or log).
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var kind: PersonalDataKind
        public var description: String { "line \(line): looks like \(kind.rawValue) data" }
    }

    static let scanner = Redactor(kinds: PersonalDataKind.allCases.filter { $0 != .url })

    /// Every finding in `text`, by line (1-based).
    public static func scan(_ text: String) -> [Finding] {
        var findings: [Finding] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for finding in scanner.findings(in: String(line)) {
                findings.append(Finding(line: index + 1, kind: finding.kind))
            }
        }
        return findings
    }

    /// Every finding in an HTML document, by line. The `<style>` element's contents are skipped
    /// (blanked, keeping line numbers): CSS at-rules such as `@media` read as social handles, and
    /// stylesheet text is template code, not data. Everything else, markup included, is scanned.
    public static func scanHTML(_ html: String) -> [Finding] {
        var text = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<style>"), let close = rest[open.upperBound...].range(of: "</style>") {
            text += rest[..<open.upperBound]
            text += String(rest[open.upperBound..<close.lowerBound].filter { $0 == "\n" })
            text += rest[close.lowerBound..<close.upperBound]
            rest = rest[close.upperBound...]
        }
        return scan(text + rest)
    }
}
