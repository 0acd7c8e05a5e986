import Foundation
import Mustache

/// The chapter's editable templates (`surveys/templates/*.mustache`), parsed and checked up front.
///
/// Each file is registered under its name without `.mustache` (`chapter.md`, `section.html`...), which
/// is also how a template names it as a partial (`{{> section.md}}`). Files ending `.md.mustache` escape
/// values for Markdown, all others for HTML. Loading fails, naming the file and line, when a required
/// template is missing, a tag is malformed, or a partial names a template that does not exist:
/// Mustache itself would render a missing partial as nothing, and a section would quietly vanish.
public struct ChapterTemplates: Sendable {
    /// The output formats rendered from templates (DOCX is made from the Markdown).
    public enum Format: String, Sendable, CaseIterable {
        case markdown = "md"
        case html

        /// The template each format starts from.
        public var templateName: String { "chapter.\(rawValue)" }
    }

    private let library: MustacheLibrary

    /// Parses the templates in `directory`.
    public static func load(directory: String) throws(ChapterTemplateError) -> ChapterTemplates {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else {
            throw ChapterTemplateError(file: directory, message: "template directory not found")
        }
        var texts: [String: (path: String, text: String)] = [:]
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = root.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ChapterTemplateError(file: path, message: "cannot read the template as UTF-8 text")
            }
            texts[String(name.dropLast(".mustache".count))] = (path, text)
        }
        for format in Format.allCases where texts[format.templateName] == nil {
            throw ChapterTemplateError(file: root.appendingPathComponent(format.templateName + ".mustache").path, message: "template file not found")
        }
        return try ChapterTemplates(texts: texts)
    }

    /// Parses templates given as text, keyed by name (`chapter.md`); `path` is what errors name.
    init(texts: [String: (path: String, text: String)]) throws(ChapterTemplateError) {
        _ = Self.markdownRegistered
        var library = MustacheLibrary()
        for name in texts.keys.sorted() {
            let (path, text) = texts[name]!
            // Set on line 1 without a newline, so parser line numbers still match the file.
            let source = name.hasSuffix(".md") ? "{{% CONTENT_TYPE: \(MarkdownContentType.name) }}" + text : text
            do {
                library.register(try MustacheTemplate(string: source), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw ChapterTemplateError(file: path, line: error.context.lineNumber, message: "\(Self.explain(error.error)) near \"\(error.context.line.trimmingCharacters(in: .whitespaces))\"")
            } catch {
                throw ChapterTemplateError(file: path, message: "\(error)")
            }
            for (line, partial) in Self.partials(in: text) where texts[partial] == nil {
                throw ChapterTemplateError(file: path, line: line, message: "partial '\(partial)' not found (no \(partial).mustache beside it)")
            }
        }
        self.library = library
    }

    /// The chapter in `format`.
    public func render(_ view: ChapterView, format: Format) -> String {
        // Both chapter templates exist: `load` checked.
        library.render(view, withTemplate: format.templateName) ?? ""
    }

    private static let markdownRegistered: Void = MustacheContentTypes.register(MarkdownContentType(), named: MarkdownContentType.name)

    /// `{{> name}}` references by 1-based line.
    static func partials(in text: String) -> [(line: Int, name: String)] {
        let pattern = /\{\{>\s*([^}\s]+)\s*\}\}/
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().flatMap { index, line in
            line.matches(of: pattern).map { (index + 1, String($0.output.1)) }
        }
    }

    private static func explain(_ error: any Error) -> String {
        switch "\(error)" {
        case "sectionCloseNameIncorrect": return "a section is closed with a different name than it was opened with"
        case "expectedSectionEnd": return "a section is opened but never closed"
        case "unfinishedName": return "a tag is not closed with }}"
        case "unrecognisedConfigVariable", "invalidConfigVariableSyntax": return "unknown {{% ... }} setting"
        case let other: return "template syntax error (\(other))"
        }
    }
}
