import Foundation
import RulePatterns

/// The checks a codebook must pass before anything codes with it: well-formed unique theme ids,
/// parents defined before their children, every core theme the file lists (`core_themes`) listed once
/// and present with a rule, unique rule ids,
/// implied themes defined, theme groups (`theme_groups`) with unique ids naming defined leaf themes, and every pattern compiling without matching empty text. Stops at the first problem, whose
/// error names the file, line, theme and rule.
///
/// Parent cycles cannot get through: a theme's id must extend its parent's id ("a.b" under
/// "a") and the parent must come earlier in the file, so a theme that is its own ancestor
/// fails one of those checks at the first theme of the cycle (a theme naming itself as parent
/// gets its own message).
struct CodebookValidator {
    let file: String

    func validate(_ codebook: Codebook, lines: CodebookSourceLines) throws {
        try validateNegation(codebook.negation, line: lines.negation)
        let compiler = RulePatternCompiler(vocabulary: codebook.vocabulary)
        try validateVocabulary(codebook.vocabulary, compiler: compiler, lines: lines)
        var themeLines: [String: Int?] = [:]
        var ruleThemes: [String: (theme: String, line: Int?)] = [:]
        for (index, theme) in codebook.themes.enumerated() {
            let line = lines.themes[index]
            try validateTheme(theme, line: line, seen: themeLines, all: codebook.themes)
            themeLines[theme.id] = line
            for (ruleIndex, rule) in theme.rules.enumerated() {
                let ruleLine = lines.rules[index][ruleIndex]
                if let first = ruleThemes[rule.id] {
                    throw error("rule id repeats (first used in theme '\(first.theme)'\(Self.at(first.line)))",
                                line: ruleLine, theme: theme.id, rule: rule.id)
                }
                ruleThemes[rule.id] = (theme.id, ruleLine)
                try validateRule(rule, compiler: compiler, line: ruleLine)
            }
        }
        for (index, theme) in codebook.themes.enumerated() {
            for implied in theme.implies where implied == theme.id || themeLines[implied] == nil {
                let reason = implied == theme.id ? "a theme cannot imply itself" : "implied theme '\(implied)' is not defined"
                throw error(reason, line: lines.themes[index], theme: theme.id)
            }
        }
        try validateCoreList(codebook.coreThemeIDs, line: lines.coreThemes)
        let missing = codebook.coreThemeIDs.filter { themeLines[$0] == nil }
        if !missing.isEmpty {
            throw error("missing core theme(s): \(missing.joined(separator: ", "))", line: lines.coreThemes)
        }
        let core = Set(codebook.coreThemeIDs)
        for (index, theme) in codebook.themes.enumerated() where core.contains(theme.id) && theme.rules.isEmpty {
            throw error("core theme has no rules; every core theme needs at least one", line: lines.themes[index], theme: theme.id)
        }
        try validateThemeGroups(codebook, lines: lines.themeGroups)
    }

    /// Keys a theme group's id may not take: the other fields of a group's entry in
    /// `summary --format json`, where each theme group's figures stand under its id.
    static let reservedThemeGroupIDs: Set<String> = ["group", "respondents", "sessions", "leading", "answers"]

    private func validateThemeGroups(_ codebook: Codebook, lines: [Int?]) throws {
        var seen: Set<String> = []
        for (index, group) in codebook.themeGroups.enumerated() {
            let line = lines[index]
            guard Self.isVocabularyName(group.id) else {
                throw error("theme group id '\(group.id)' must be lower-case letters, digits and _, starting with a letter", line: line)
            }
            guard !Self.reservedThemeGroupIDs.contains(group.id) else {
                let reserved = Self.reservedThemeGroupIDs.sorted().joined(separator: ", ")
                throw error("theme group id '\(group.id)' is taken by the summary (not one of: \(reserved))", line: line)
            }
            guard seen.insert(group.id).inserted else {
                throw error("theme group '\(group.id)' is defined twice", line: line)
            }
            guard !group.themeIDs.isEmpty else {
                throw error("theme group '\(group.id)' lists no themes", line: line)
            }
            var members: Set<String> = []
            for id in group.themeIDs {
                guard members.insert(id).inserted else {
                    throw error("theme group '\(group.id)' lists '\(id)' twice", line: line)
                }
                guard codebook.theme(id) != nil else {
                    throw error("theme group '\(group.id)': theme '\(id)' is not defined", line: line)
                }
                guard codebook.children(of: id).isEmpty else {
                    throw error("theme group '\(group.id)': '\(id)' has sub-themes; list the themes coders apply (its leaves)", line: line)
                }
            }
        }
    }

    private func validateCoreList(_ ids: [String], line: Int?) throws {
        var seen: Set<String> = []
        for id in ids where !seen.insert(id).inserted {
            throw error("'core_themes' lists '\(id)' twice", line: line)
        }
    }

    private func validateTheme(_ theme: Theme, line: Int?, seen: [String: Int?], all: [Theme]) throws {
        guard ThemeIDSpelling.isWellFormed(theme.id) else {
            throw error("invalid theme id: use lower-case words of a-z, 0-9 and _ joined by dots", line: line, theme: theme.id)
        }
        if let first = seen[theme.id] {
            throw error("duplicate theme id (first defined\(Self.at(first)))", line: line, theme: theme.id)
        }
        guard let parent = theme.parent else { return }
        guard parent != theme.id else {
            throw error("a theme cannot be its own parent", line: line, theme: theme.id)
        }
        guard theme.id.hasPrefix(parent + ".") else {
            throw error("id must start with its parent's id '\(parent).'", line: line, theme: theme.id)
        }
        guard seen[parent] != nil else {
            let laterInFile = all.contains { $0.id == parent }
            let message = laterInFile
                ? "parent '\(parent)' must come before its children"
                : "parent '\(parent)' is not defined"
            throw error(message, line: line, theme: theme.id)
        }
    }

    private func validateRule(_ rule: CodingRule, compiler: RulePatternCompiler, line: Int?) throws {
        func fail(_ message: String) -> CodebookError {
            error(message, line: line, theme: rule.themeID, rule: rule.id)
        }
        guard !rule.id.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("rule id is empty") }
        guard !rule.any.isEmpty || rule.near != nil else {
            throw fail("rule needs 'any' patterns or a 'near' clause")
        }
        if let near = rule.near {
            guard !near.a.isEmpty, !near.b.isEmpty else { throw fail("'near' needs patterns in both 'a' and 'b'") }
            guard near.within >= 0 else { throw fail("'near.within' must be 0 or more words") }
        }
        let patterns = rule.any + (rule.near?.a ?? []) + (rule.near?.b ?? []) + rule.unless
        for pattern in patterns {
            do {
                try compiler.check(pattern)
            } catch {
                throw fail(error.message)
            }
        }
    }

    private func validateVocabulary(_ vocabulary: [String: [String]], compiler: RulePatternCompiler, lines: CodebookSourceLines) throws {
        for name in vocabulary.keys.sorted() {
            let line = lines.vocabulary[name] ?? nil
            guard Self.isVocabularyName(name) else {
                throw error("vocabulary name '\(name)' must be lower-case letters, digits and _, starting with a letter", line: line)
            }
            guard let entries = vocabulary[name], !entries.isEmpty else {
                throw error("vocabulary '\(name)' is empty", line: line)
            }
            for entry in entries {
                do {
                    try compiler.check(entry)
                } catch {
                    throw self.error("vocabulary '\(name)': \(error.message)", line: line)
                }
            }
        }
    }

    private func validateNegation(_ settings: Codebook.NegationSettings, line: Int?) throws {
        guard settings.window >= 0 else { throw error("'negation.window' must be 0 or more words", line: line) }
        let phrases = settings.cues + settings.deontic + settings.notNegation + settings.clauseBreaks
        if phrases.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw error("'negation' has an empty entry", line: line)
        }
    }

    private func error(_ message: String, line: Int? = nil, theme: String? = nil, rule: String? = nil) -> CodebookError {
        CodebookError(file: file, line: line, themeID: theme, ruleID: rule, message: message)
    }

    private static func at(_ line: Int?) -> String {
        line.map { " at line \($0)" } ?? ""
    }

    private static func isVocabularyName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLowercase else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
    }
}
