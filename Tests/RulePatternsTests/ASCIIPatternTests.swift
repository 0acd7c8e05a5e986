import Foundation
@testable import RulePatterns
import Testing

/// ``ASCIIPattern`` must find exactly what ICU finds: the same matches, in the same order, for
/// every pattern it accepts. These tests run both engines side by side, on syntax chosen to
/// expose differences in backtracking order and case handling. `CodebookPatternEngineTests` (in
/// `RuleCodingTests`) does the same for every pattern of the shipped codebook.
@Suite struct ASCIIPatternTests {
    /// ICU's matches of `pattern` as the coder compiles it (word-bounded, case-insensitive).
    static func icu(_ expanded: String, _ text: String) -> [NSRange] {
        let regex = try! NSRegularExpression(
            pattern: #"(?<![\p{L}\p{N}])(?:"# + expanded + #")(?![\p{L}\p{N}])"#, options: [.caseInsensitive])
        return regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)).map(\.range)
    }

    static func lowered(_ text: String) -> [UInt8] {
        text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }

    static let syntaxCases: [(pattern: String, texts: [String])] = [
        ("a|ab", ["xab ab", "a ab abc AB"]),
        ("ab|a", ["ab a AB"]),
        ("told(?:[\\s\\-]+)(?:(?:[\\s\\-]+)[^\\s.!?;]+){0,3}?(?:[\\s\\-]+)on it", ["told him he was on it", "told on it", "TOLD  - me. on it"]),
        ("told(?:(?:[\\s\\-]+)[^\\s.!?;]+){0,3}(?:[\\s\\-]+)on(?:[\\s\\-]+)it", ["told him he was on it on it", "told a b c d on it"]),
        ("stop(?:[\\s\\-]+)and(?:[\\s\\-]+)search(?:ed|es)?", ["Stop-and-Search", "stop and searched x", "stop andsearch"]),
        ("gang\\w*", ["gangs gangster gang_land Gang9", "gangs' list"]),
        ("\\w+ed", ["stopped searched", "ed"]),
        ("matri(?:x|ces)", ["Matrix matrices MATRICES matrixes"]),
        ("[sz]ecure", ["secure zecure Secure cecure"]),
        ("[^a]b", ["ab Ab bb .b"]),
        ("[^\\W]x", ["ax _x .x"]),
        ("[a-c]+d", ["abcd ABCD aed"]),
        ("[- ]x", ["-x  x"]),
        ("\\bon\\b", ["on one on_ on"]),
        ("o\\Bn", ["on o n"]),
        ("(?<!not )aware", ["not aware aware", "Not Aware"]),
        ("(?<=very )aware", ["very aware aware"]),
        ("(?<!no|never )told", ["no told never told told"]),
        ("aware(?! of)", ["aware of it, aware", "aware"]),
        ("aware(?= of)", ["aware of it, aware"]),
        ("a.c", ["abc a\nc a c a\tc"]),
        ("\\d{2,3}", ["1 12 123 1234"]),
        ("\\d{2,}", ["1 12 123 1234"]),
        ("x{2}", ["x xx xxx"]),
        ("(?:ab){1,2}?", ["abab ab"]),
        ("a?", ["a b a"]),
        ("\\s\\S", ["a b\tc\u{0B}d\u{0C}e"]),
        ("it's", ["It's its it s"]),
        ("\\.", [". a.b"]),
        ("(police|cops)(?:[\\s\\-]+)(?:told|said)", ["Police told, cops said, police  said"]),
        ("^\\W*from", ["from x", "  from", "x from"]),
        ("list(?=\\s*([.!?,;]|$))", ["a list", "a list.", "a list\n", "a list\r\n", "a list\n\n", "a list x", "list\u{0B}"]),
        ("it$", ["it", "it\n", "it\r", "it\u{0C}", "it\r\n", "it\n\r", "it x"]),
        ("as if|\u{1F644}", ["as if", "as if x"]),
        ("[a\u{E9}]b", ["ab eb"]),
        ("(?:x|)y", ["xy y zy"]),
        ("(?:|x)y", ["xy y"]),
        ("(?:a|ab)(?:c|bcd)", ["abcd abc"]),
        ("(?:police|pol|p)(?:ice)?(?:[\\s\\-]+)(?:told|t)", ["police told", "pol t", "p ice told"]),
        ("(?:(?:ab)*?)c|abd", ["ababc abd"]),
        ("(?<=(?:no|not|never) )told", ["not told", "never told", "no told", "told"]),
        ("(?=\\w*ed)\\w+", ["stopped walk searched"]),
    ]

    @Test(arguments: syntaxCases.indices) func matchesLikeICU(_ index: Int) throws {
        let (pattern, texts) = Self.syntaxCases[index]
        let ascii = try #require(ASCIIPattern(expanded: pattern), "\(pattern) should be in the subset")
        for text in texts {
            #expect(ascii.matches(in: Self.lowered(text), wordStarts: ASCIIPattern.wordStarts(of: Self.lowered(text))) == Self.icu(pattern, text), "\(pattern) on \(text)")
        }
    }

    /// The comparison form of the letter-or-digit test agrees with the plain definition on every byte.
    @Test func alphanumericTestAgreesOnEveryByte() {
        for value in 0...255 {
            let byte = UInt8(value)
            let plain = (65...90).contains(value) || (97...122).contains(value) || (48...57).contains(value)
            #expect(ASCIIPatternSyntax.isAlphanumeric(byte) == plain, "byte \(value)")
            #expect(ASCIIPatternSyntax.isWordByte(byte) == (plain || value == 95), "byte \(value)")
        }
    }

    /// Syntax outside the subset is left to ICU rather than guessed at.
    @Test(arguments: [
        "\u{212A}elvin", "\u{17F}o", "\u{FB00}", "\\p{L}+", "(?i)x", "[a-\u{E9}]", "(?>ab)", "a++", "[[a-z]]", "[a-z&&[^b]]",
        "(?:a?)*", "(?<!a+)b", "\\1", "\\Qx\\E", "{2}", "a{2",
    ]) func leavesOtherSyntaxToICU(_ pattern: String) {
        #expect(ASCIIPattern(expanded: pattern) == nil)
    }
}
