import ConsultationModel
import Foundation
import RulePatterns

/// The rule-based automatic coder: proposes themes for a segment from the codebook's rules.
///
/// Fast and explainable (each match names its rule and the words that fired it), but it only
/// sees what rules can reach: paraphrase without the usual words is missed. Create one per
/// codebook and share it; `code(_:)` is pure and safe to call from many tasks at once.
public struct AutoCoder: Sendable {
    /// Version of the codebook the rules came from; codings cite it.
    public let codebookVersion: String
    /// Every rule: themes sorted by id, each theme's rules in file order.
    private let rules: [AutoCoderRule]
    /// For each rule, the number of its theme (themes numbered in `rules` order).
    private let themeNumbers: [Int]
    /// Rules to try whatever keywords a text holds (see ``AutoCoderRule/triggers``).
    private let alwaysTried: [Int]
    /// Keyword id to the rules that keyword can open, so a text tries only the few rules whose
    /// keywords it holds rather than every rule of the codebook.
    private let rulesByKeyword: [[Int]]
    private let negation: AutoCoderNegationLexicon
    /// Every rule literal, for skipping rules that cannot match a segment.
    private let keywords: AutoCoderKeywords
    /// The literal groups of the rules' patterns, numbered.
    private let gates: AutoCoderGates
    /// Theme id to the themes it implies.
    private let implications: [String: [String]]

    /// Compiles every rule of the codebook once.
    /// - Throws: ``CodebookError`` naming the theme and rule whose pattern does not compile
    ///   (only possible for a codebook that did not come from ``Codebook/parse(yaml:file:)``).
    public init(codebook: Codebook) throws {
        let compiler = RulePatternCompiler(vocabulary: codebook.vocabulary)
        var grouped: [(id: String, rules: [AutoCoderRule])] = []
        for theme in codebook.themes where !theme.rules.isEmpty {
            var rules: [AutoCoderRule] = []
            for rule in theme.rules {
                do {
                    rules.append(try AutoCoderRule(rule, compiler: compiler))
                } catch {
                    throw CodebookError(
                        file: "codebook \(codebook.version)", themeID: theme.id, ruleID: rule.id,
                        message: error.message)
                }
            }
            grouped.append((theme.id, rules))
        }
        let literals = Set(grouped.flatMap { $0.rules.flatMap(\.literals) }).sorted()
        let ids = Dictionary(uniqueKeysWithValues: literals.enumerated().map { ($1, $0) })
        var gates = AutoCoderGates(keywordCount: literals.count)
        let themes: [[AutoCoderRule]] = grouped
            .sorted { $0.id < $1.id }
            .map { theme in theme.rules.map { $0.gated(by: ids, gates: &gates) } }
        self.gates = gates
        rules = themes.flatMap { $0 }
        themeNumbers = themes.enumerated().flatMap { number, theme in Array(repeating: number, count: theme.count) }
        var always: [Int] = []
        var byKeyword = [[Int]](repeating: [], count: literals.count)
        for (index, rule) in rules.enumerated() {
            guard let triggers = rule.triggers else {
                always.append(index)
                continue
            }
            for keyword in Set(triggers) { byKeyword[keyword].append(index) }
        }
        alwaysTried = always
        rulesByKeyword = byKeyword
        keywords = AutoCoderKeywords(literals)
        implications = Dictionary(codebook.themes.filter { !$0.implies.isEmpty }.map { ($0.id, $0.implies) }, uniquingKeysWith: +)
        negation = AutoCoderNegationLexicon(codebook.negation)
        codebookVersion = codebook.version
    }

    /// The themes the rules find in `text`: at most one match per theme (from the first rule in
    /// file order that matches, at its earliest accepted position), sorted by theme id. Only the
    /// rules whose keywords occur are tried; the others cannot match.
    ///
    /// A theme implied by a coded theme (``Theme/implies``) and not found by its own rules is
    /// coded too, citing the implying match's rule and span as its evidence.
    public func code(_ text: String) -> [RuleMatch] {
        let prepared = AutoCoderText(text, negation: negation)
        let present = prepared.subject.asciiLowered.map { $0.withUnsafeBufferPointer(keywords.found(inLowercased:)) }
            ?? keywords.found(in: prepared.subject.text)
        let met = present.map(gates.met(by:))
        var tried = [Bool](repeating: present == nil, count: rules.count)
        if let present {
            for index in alwaysTried { tried[index] = true }
            for keyword in present.ids {
                for index in rulesByKeyword[keyword] { tried[index] = true }
            }
        }
        var matches: [RuleMatch] = []
        var codedTheme = -1
        for index in rules.indices where tried[index] && themeNumbers[index] != codedTheme {
            let rule = rules[index]
            guard let range = rule.firstMatch(in: prepared, window: negation.window, present: met) else { continue }
            let start = prepared.scalarOffset(range.location)
            let end = prepared.scalarOffset(NSMaxRange(range))
            matches.append(RuleMatch(
                themeID: rule.themeID, ruleID: rule.ruleID, start: start, end: end,
                matched: prepared.originalText(scalarStart: start, scalarEnd: end)))
            codedTheme = themeNumbers[index]
        }
        return implied(matches)
    }

    /// `matches` with the themes they imply added, sorted by theme id.
    private func implied(_ matches: [RuleMatch]) -> [RuleMatch] {
        guard !implications.isEmpty else { return matches }
        var coded = Set(matches.map(\.themeID))
        var result = matches
        for match in matches {
            for theme in implications[match.themeID] ?? [] where coded.insert(theme).inserted {
                var evidence = match
                evidence.themeID = theme
                result.append(evidence)
            }
        }
        return result.count == matches.count ? matches : result.sorted { $0.themeID < $1.themeID }
    }
}
