import ArgumentParser
import ConsultReport
import ConsultStore
import Foundation

extension Consult {
    struct Chapter: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the perception chapter (Markdown, self-contained HTML, DOCX through pandoc) from the database.",
            discussion: "The prose comes from the templates in surveys/templates, which analysts may edit. The same database and templates give byte-identical files.")
        @Option(help: "Directory to write the chapter (and charts/ for the Markdown) into.") var out = "out"
        @Option(help: "Suppress counts of fewer respondents than this.") var minCell = 10
        @Option(help: "Formats to write, comma-separated: md, html, docx (docx needs pandoc).") var format = "md,html"
        @Option(help: "Directory of the chapter templates (default: surveys/templates).") var templates: String?

        func run() throws {
            let formats = try ChapterRequest.parse(format)
            let directory = try templates ?? ChapterWriter.defaultTemplates()
            let written = try ChapterWriter.write(store: try DatabaseAccess.open(), directory: out, minimumCell: minCell,
                                                  request: formats, templates: directory)
            for path in written.paths { Terminal.write("wrote \(path)\n") }
            if let note = written.note { Terminal.note(note) }
        }
    }
}

/// Which files `consult chapter --format` asked for.
struct ChapterRequest: Equatable {
    var formats: [ChapterTemplates.Format]
    var docx: Bool

    static func parse(_ list: String) throws -> ChapterRequest {
        var request = ChapterRequest(formats: [], docx: false)
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            if name == "docx" {
                request.docx = true
            } else if let format = ChapterTemplates.Format(rawValue: name) {
                if !request.formats.contains(format) { request.formats.append(format) }
            } else {
                throw CommandFailure("--format: unknown format '\(name)' (use md, html, docx)")
            }
        }
        guard request.docx || !request.formats.isEmpty else { throw CommandFailure("--format: name at least one of md, html, docx") }
        return request
    }
}

/// Writes the chapter files (shared by `chapter` and the demo).
enum ChapterWriter {
    struct Written {
        var paths: [String]
        /// Said on stderr: e.g. that pandoc is missing and DOCX was skipped.
        var note: String?
    }

    static func defaultTemplates() throws -> String {
        (try ProjectFiles.surveys() as NSString).appendingPathComponent("templates")
    }

    /// Renders, checks every document with `PublicationCheck`, and only then writes anything.
    /// DOCX is converted by pandoc from the Markdown; without pandoc it is skipped with a note, and
    /// fails only when it was the only format asked for.
    static func write(store: Store, directory: String, minimumCell: Int, request: ChapterRequest, templates: String) throws -> Written {
        let pandoc = Pandoc.executable
        if request.docx && pandoc == nil && request.formats.isEmpty {
            throw CommandFailure("pandoc is not installed; cannot write docx (install pandoc, or ask for --format md,html)")
        }
        let loaded = try ChapterTemplates.load(directory: templates)
        let view = ChapterView.build(try ChapterData.gather(from: store, minimumCell: minimumCell))
        var formats = request.formats
        if request.docx && pandoc != nil && !formats.contains(.markdown) { formats.append(.markdown) }
        let chapter = PerceptionChapter.render(view, templates: loaded, formats: formats)
        for format in formats {
            let document = chapter.documents[format] ?? ""
            let findings = format == .html ? PublicationCheck.scanHTML(document) : PublicationCheck.scan(document)
            if let first = findings.first {
                throw CommandFailure("\(PerceptionChapter.fileName(format)) \(first) (\(findings.count) finding(s) in all); nothing written: check the quotes and templates, redact, and run again")
            }
        }
        var paths = try writeFiles(chapter, formats: formats, directory: directory)
        var note: String?
        if request.docx, let pandoc {
            let root = URL(fileURLWithPath: directory, isDirectory: true)
            let docx = root.appendingPathComponent("\(PerceptionChapter.baseName).docx")
            try Pandoc.docx(from: root.appendingPathComponent(PerceptionChapter.fileName(.markdown)), to: docx, pandoc: pandoc)
            paths.append(docx.path)
        } else if request.docx {
            note = "pandoc is not installed; wrote \(request.formats.map(\.rawValue).joined(separator: " and ")) only"
        }
        try store.audit(.chapter, ["files": .strings(paths.map { ($0 as NSString).lastPathComponent }), "charts": .int(chapter.charts.count)])
        return Written(paths: paths, note: note)
    }

    private static func writeFiles(_ chapter: PerceptionChapter.Rendered, formats: [ChapterTemplates.Format], directory: String) throws -> [String] {
        do {
            let root = URL(fileURLWithPath: directory, isDirectory: true)
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            if formats.contains(.markdown) {
                for chart in chapter.charts {
                    let url = root.appendingPathComponent(chart.path)
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try chart.svg.write(to: url, atomically: true, encoding: .utf8)
                }
            }
            return try formats.map { format in
                let path = root.appendingPathComponent(PerceptionChapter.fileName(format)).path
                try (chapter.documents[format] ?? "").write(toFile: path, atomically: true, encoding: .utf8)
                return path
            }
        } catch {
            throw CommandFailure("\(directory): cannot write the chapter (\(error.localizedDescription))")
        }
    }
}
