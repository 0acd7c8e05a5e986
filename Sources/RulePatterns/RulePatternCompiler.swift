import Foundation

/// Why a pattern cannot be used; the message is what staff read after "invalid pattern '...':".
package struct RulePatternProblem: Error {
    package var message: String
}

/// Turns codebook patterns into regular expressions.
///
/// The pattern language is ICU regular-expression syntax, matched case-insensitively and only at
/// word boundaries (no letter or digit may touch either end of a match), with three additions:
/// - `{name}` stands for the codebook vocabulary list `name`, as an alternation;
/// - a space matches one or more spaces or hyphens ("stop and search" matches "stop-and-search");
/// - ` ~N ` between two words allows up to N other words there, within one sentence
///   ("told ~3 on it" matches "told him he was on it").
/// Backreferences are refused: `unless` patterns are joined into one expression, which would
/// renumber groups, and staff should not have to know which lists are joined.
package struct RulePatternCompiler: Sendable {
    let vocabulary: [String: [String]]

    /// A compiler for patterns that may name the codebook's vocabulary lists.
    package init(vocabulary: [String: [String]]) {
        self.vocabulary = vocabulary
    }

    /// Deepest nesting of vocabulary references; deeper means a cycle.
    private static let maxDepth = 8
    /// Grouped so that a quantifier written after a space ("was ?on") applies to the whole run.
    private static let space = #"(?:[\s\-]+)"#
    private static let wordBoundaryBefore = #"(?<![\p{L}\p{N}])"#
    private static let wordBoundaryAfter = #"(?![\p{L}\p{N}])"#

    /// One pattern compiled on its own, with the literal groups every match meets and the
    /// strings every match starts and ends with, if known (see ``RuleLiterals``).
    package struct Compiled: Sendable {
        package let expression: RuleExpression
        package let literals: [Set<String>]
        package let leading: Set<String>?
        package let trailing: Set<String>?
    }

    /// Compiles each pattern into its own word-bounded expression.
    package func compileEach(_ patterns: [String]) throws(RulePatternProblem) -> [Compiled] {
        var compiled: [Compiled] = []
        for pattern in patterns {
            let expansion = try expand(pattern, depth: 0)
            compiled.append(Compiled(
                expression: try Self.expression(expansion, original: pattern), literals: RuleLiterals.required(expansion),
                leading: RuleLiterals.edge(expansion, atStart: true), trailing: RuleLiterals.edge(expansion, atStart: false)))
        }
        return compiled
    }

    /// Compiles patterns into one word-bounded alternation, or nil for an empty list.
    package func compile(_ patterns: [String]) throws(RulePatternProblem) -> RuleExpression? {
        guard !patterns.isEmpty else { return nil }
        var expanded: [String] = []
        for pattern in patterns {
            expanded.append(try expand(pattern, depth: 0))
        }
        return try Self.expression(expanded.joined(separator: "|"), original: patterns.joined(separator: " | "))
    }

    private static func expression(_ expanded: String, original: String) throws(RulePatternProblem) -> RuleExpression {
        RuleExpression(regex: try regex(expanded, original: original), ascii: ASCIIPattern(expanded: expanded))
    }

    /// Checks one pattern on its own: it expands, compiles, and cannot match empty text (such a
    /// pattern would code every segment).
    package func check(_ pattern: String) throws(RulePatternProblem) {
        guard !pattern.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw RulePatternProblem(message: "empty pattern")
        }
        let regex = try Self.regex(try expand(pattern, depth: 0), original: pattern)
        if regex.firstMatch(in: "", range: NSRange(location: 0, length: 0)) != nil {
            throw RulePatternProblem(message: "invalid pattern '\(pattern)': it matches empty text")
        }
    }

    private static func regex(_ expanded: String, original: String) throws(RulePatternProblem) -> NSRegularExpression {
        let wrapped = wordBoundaryBefore + "(?:" + expanded + ")" + wordBoundaryAfter
        do {
            return try NSRegularExpression(pattern: wrapped, options: [.caseInsensitive])
        } catch {
            throw RulePatternProblem(message: "invalid pattern '\(original)': \(diagnose(original))")
        }
    }

    /// Rewrites codebook additions into plain ICU syntax.
    private func expand(_ pattern: String, depth: Int) throws(RulePatternProblem) -> String {
        guard depth <= Self.maxDepth else {
            throw RulePatternProblem(message: "vocabulary references nest too deeply (is there a cycle?)")
        }
        let characters = Array(pattern)
        var output = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\":
                guard index + 1 < characters.count else {
                    throw RulePatternProblem(message: "invalid pattern '\(pattern)': ends with a lone \\")
                }
                let escaped = characters[index + 1]
                if escaped.isNumber, escaped != "0" {
                    throw RulePatternProblem(message: "invalid pattern '\(pattern)': backreferences are not supported")
                }
                output.append(character)
                output.append(escaped)
                index += 2
            case "[":
                let end = Self.classEnd(characters, from: index)
                output += String(characters[index..<end])
                index = end
            case "{":
                if let (name, end) = Self.reference(characters, from: index) {
                    output += try expandReference(name, in: pattern, depth: depth)
                    index = end
                } else {
                    output.append(character)
                    index += 1
                }
            case " ":
                if let (words, end) = Self.gap(characters, from: index) {
                    output += "(?:" + Self.space + #"[^\s.!?;]+){0,"# + String(words) + "}?" + Self.space
                    index = end
                } else {
                    var end = index
                    while end < characters.count, characters[end] == " " { end += 1 }
                    output += Self.space
                    index = end
                }
            default:
                output.append(character)
                index += 1
            }
        }
        return output
    }

    private func expandReference(_ name: String, in pattern: String, depth: Int) throws(RulePatternProblem) -> String {
        guard let entries = vocabulary[name], !entries.isEmpty else {
            throw RulePatternProblem(message: "invalid pattern '\(pattern)': unknown vocabulary '{\(name)}'")
        }
        var parts: [String] = []
        for entry in entries {
            parts.append(try expand(entry, depth: depth + 1))
        }
        return "(?:" + parts.joined(separator: "|") + ")"
    }

    /// Index one past the `]` closing the class that opens at `start` (or the end of the pattern).
    private static func classEnd(_ characters: [Character], from start: Int) -> Int {
        var index = start + 1
        if index < characters.count, characters[index] == "^" { index += 1 }
        if index < characters.count, characters[index] == "]" { index += 1 }
        while index < characters.count {
            switch characters[index] {
            case "\\": index += 2
            case "]": return index + 1
            default: index += 1
            }
        }
        return characters.count
    }

    /// A `{name}` vocabulary reference at `start`: the name and the index after `}`.
    private static func reference(_ characters: [Character], from start: Int) -> (String, Int)? {
        var index = start + 1
        var name = ""
        while index < characters.count, characters[index] != "}" {
            let character = characters[index]
            let allowed = character == "_" || (character.isASCII && (character.isLowercase || (character.isNumber && !name.isEmpty)))
            guard allowed else { return nil }
            name.append(character)
            index += 1
        }
        guard index < characters.count, !name.isEmpty else { return nil }
        return (name, index + 1)
    }

    /// A ` ~N ` gap at `start` (which is a space): the word count and the index after it.
    private static func gap(_ characters: [Character], from start: Int) -> (Int, Int)? {
        var index = start
        while index < characters.count, characters[index] == " " { index += 1 }
        guard index < characters.count, characters[index] == "~" else { return nil }
        index += 1
        var digits = ""
        while index < characters.count, characters[index].isASCII, characters[index].isNumber {
            digits.append(characters[index])
            index += 1
        }
        guard let words = Int(digits), index < characters.count, characters[index] == " " else { return nil }
        while index < characters.count, characters[index] == " " { index += 1 }
        return (words, index)
    }

    /// A short reason for a compile failure: Foundation on Linux reports none of its own.
    static func diagnose(_ pattern: String) -> String {
        var depth = 0
        var inClass = false
        var escaped = false
        var previous: Character?
        for character in pattern {
            if escaped {
                escaped = false
                previous = "a"
                continue
            }
            if character == "\\" {
                escaped = true
                continue
            }
            if inClass {
                if character == "]" { inClass = false }
                previous = "a"
                continue
            }
            switch character {
            case "[":
                inClass = true
            case "(":
                depth += 1
            case ")":
                if depth == 0 { return "unmatched )" }
                depth -= 1
            case "*", "+":
                if previous == nil || previous == "(" || previous == "|" { return "nothing to repeat before '\(character)'" }
            case "?":
                if previous == nil || previous == "|" { return "nothing to repeat before '?'" }
            default:
                break
            }
            previous = character
        }
        if escaped { return "ends with a lone \\" }
        if inClass { return "missing ]" }
        if depth > 0 { return "missing )" }
        return "not a valid regular expression"
    }
}
