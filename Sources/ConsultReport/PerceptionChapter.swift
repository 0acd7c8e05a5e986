/// The perception chapter rendered from the editable templates.
///
/// Contract: the output depends only on the view model and the templates (no clock, no randomness),
/// so the same database and templates give the same files byte for byte; Markdown and HTML come
/// from one `ChapterView`, so they carry the same numbers. The Markdown links its charts as files
/// under `charts/`; the HTML carries them inline and needs nothing else.
public enum PerceptionChapter {
    public static let baseName = "perceptions-chapter"

    /// An SVG chart the Markdown links to; `path` is relative to the chapter's directory.
    public struct Chart: Sendable, Equatable {
        public var path: String
        public var svg: String
    }

    /// The chapter in each requested format, and the chart files the Markdown links to.
    public struct Rendered: Sendable, Equatable {
        public var documents: [ChapterTemplates.Format: String]
        public var charts: [Chart]
    }

    public static func render(_ view: ChapterView, templates: ChapterTemplates, formats: [ChapterTemplates.Format]) -> Rendered {
        var documents: [ChapterTemplates.Format: String] = [:]
        for format in formats { documents[format] = templates.render(view, format: format) }
        let charts = view.sections.compactMap(\.chart).map { Chart(path: $0.path, svg: $0.svg) }
        return Rendered(documents: documents, charts: charts)
    }

    /// The file name of the chapter in `format`.
    public static func fileName(_ format: ChapterTemplates.Format) -> String { "\(baseName).\(format.rawValue)" }
}
