import ConsultReport
import Foundation
import Testing

/// A broken template stops the chapter with one line naming the file and line.
@Suite struct ChapterTemplateErrorTests {
    /// A directory holding the shipped templates, with `changes` applied (nil removes the file).
    func templates(_ changes: [String: String?]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("consult-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: ChapterFixtures.templatesDirectory) {
            try FileManager.default.copyItem(atPath: ChapterFixtures.templatesDirectory + "/" + name, toPath: dir.appendingPathComponent(name).path)
        }
        for (name, text) in changes {
            let url = dir.appendingPathComponent(name)
            if let text { try text.write(to: url, atomically: true, encoding: .utf8) } else { try FileManager.default.removeItem(at: url) }
        }
        return dir.path
    }

    func error(_ changes: [String: String?]) throws -> ChapterTemplateError? {
        let dir = try templates(changes)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        do {
            _ = try ChapterTemplates.load(directory: dir)
            return nil
        } catch {
            return error
        }
    }

    @Test func shippedTemplatesLoad() throws {
        #expect(try error([:]) == nil)
    }

    @Test func missingChapterTemplateIsNamed() throws {
        let failure = try #require(try error(["chapter.html.mustache": nil]))
        #expect(failure.file.hasSuffix("/chapter.html.mustache"))
        #expect(failure.line == nil)
        #expect(failure.description.hasSuffix("chapter.html.mustache: template file not found"))
    }

    @Test func badTagNamesFileAndLine() throws {
        let failure = try #require(try error(["section.md.mustache": "## {{title}}\n\n{{#quotes}}\n> {{text}}\n{{/quote}}\n"]))
        #expect(failure.file.hasSuffix("/section.md.mustache"))
        #expect(failure.line == 5)
        #expect(failure.description.contains("section.md.mustache:5: a section is closed with a different name"))
        #expect(!failure.description.contains("\n"))
    }

    @Test func missingPartialNamesFileAndLine() throws {
        let failure = try #require(try error(["chapter.md.mustache": "# {{title}}\n\n{{> nowhere.md}}\n"]))
        #expect(failure.description.hasSuffix("chapter.md.mustache:3: partial 'nowhere.md' not found (no nowhere.md.mustache beside it)"))
    }

    @Test func missingDirectoryIsNamed() {
        #expect(throws: ChapterTemplateError(file: "/nonexistent/templates", message: "template directory not found")) {
            _ = try ChapterTemplates.load(directory: "/nonexistent/templates")
        }
    }
}
