import ArgumentParser
import ConsultReport
import ConsultStore
import Foundation

extension Consult {
    struct Chapter: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the perception chapter (Markdown) from the database.")
        @Option(help: "Directory to write perceptions-chapter.md into.") var out = "out"
        @Option(help: "Suppress cells with fewer respondents than this.") var minCell = 10

        func run() throws {
            let path = try ChapterWriter.write(store: try DatabaseAccess.open(), directory: out, minimumCell: minCell)
            Terminal.write("wrote \(path)\n")
        }
    }
}

/// Writes the chapter file (shared by `chapter` and the demo).
enum ChapterWriter {
    static func write(store: Store, directory: String, minimumCell: Int) throws -> String {
        let chapter = PerceptionChapter.render(try ChapterData.gather(from: store, minimumCell: minimumCell))
        let findings = PublicationCheck.scan(chapter.markdown)
        if let first = findings.first {
            throw CommandFailure("\(PerceptionChapter.fileName) \(first) (\(findings.count) finding(s) in all); nothing written: check the quotes and templates, redact, and run again")
        }
        let path = try writeFiles(chapter, directory: directory)
        try store.audit(.chapter, ["file": .string(PerceptionChapter.fileName), "charts": .int(chapter.charts.count)])
        return path
    }

    private static func writeFiles(_ chapter: PerceptionChapter.Rendered, directory: String) throws -> String {
        do {
            let root = URL(fileURLWithPath: directory, isDirectory: true)
            for chart in chapter.charts {
                let url = root.appendingPathComponent(chart.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try chart.svg.write(to: url, atomically: true, encoding: .utf8)
            }
            let path = root.appendingPathComponent(PerceptionChapter.fileName).path
            try chapter.markdown.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        } catch {
            throw CommandFailure("\(directory): cannot write the chapter (\(error.localizedDescription))")
        }
    }
}
