/// The subset of ICU regular-expression syntax that ``ASCIIPattern`` matches without ICU, parsed
/// from an expanded rule pattern (see ``RulePatternCompiler``).
///
/// Parsing answers nil for anything outside the subset (`\p{…}`, atomic groups, inline flags,
/// possessive quantifiers, nested classes, backreferences, a repeated part that can match empty
/// text, a non-ASCII character that case folding relates to an ASCII one, like the Kelvin sign):
/// such a pattern keeps running on ICU, so the subset can only change speed, never a result.
/// Any other non-ASCII character (an emoji in a sarcasm rule) can never match ASCII text. Every pattern is matched case-insensitively, as the
/// coder compiles them, so letters are kept in lower case and classes are closed under case.
package enum ASCIIPatternSyntax {
    /// A parsed pattern.
    indirect enum Node {
        /// One byte, lower case when it is a letter.
        case byte(UInt8)
        /// Any byte whose entry is true (lower-case letters stand for both cases).
        case set([Bool])
        case sequence([Node])
        /// Alternatives in priority order.
        case alternation([Node])
        case repeated(Node, minimum: Int, maximum: Int?, lazy: Bool)
        case wordBoundary(negated: Bool)
        /// `^`: the start of the text.
        case textStart
        /// `$`: the end of the text, or before a line terminator that ends it.
        case textEnd
        case lookahead(Node, negated: Bool)
        case lookbehind(Node, negated: Bool)

        /// Shortest and longest text a match can span; nil longest when unbounded.
        var lengths: (minimum: Int, maximum: Int?) {
            switch self {
            case .byte, .set:
                return (1, 1)
            case .wordBoundary, .lookahead, .lookbehind, .textStart, .textEnd:
                return (0, 0)
            case .sequence(let items):
                var minimum = 0
                var maximum: Int? = 0
                for item in items {
                    let inner = item.lengths
                    minimum += inner.minimum
                    maximum = maximum.flatMap { total in inner.maximum.map { total + $0 } }
                }
                return (minimum, maximum)
            case .alternation(let branches):
                let all = branches.map(\.lengths)
                let longest = all.contains { $0.maximum == nil } ? nil : all.compactMap(\.maximum).max()
                return (all.map(\.minimum).min() ?? 0, longest)
            case .repeated(let node, let minimum, let maximum, _):
                let inner = node.lengths
                let longest = maximum.flatMap { count in inner.maximum.map { $0 * count } }
                return (inner.minimum * minimum, inner.maximum == 0 ? 0 : longest)
            }
        }
    }

    /// The byte sets of `\s`, `\w` and `\d` on ASCII text, as ICU defines them (`\s` is tab, line
    /// feed, vertical tab, form feed, carriage return and space; `\w` letters, digits and `_`).
    static let space = table { [9, 10, 11, 12, 13, 32].contains($0) }
    static let word = table(isWordByte)
    static let digit = table { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    /// `.`: everything but the line terminators.
    static let dot = table { !(10...13).contains($0) }
    static let nothing = table { _ in false }
    /// Stands in the parsed pattern for a non-ASCII character: no ASCII pattern character has it.
    private static let foreign: UInt8 = 0xFF

    /// An ASCII letter (either case) or digit, by comparison rather than through a table: the
    /// matcher's inner loop asks this, and a global table costs a lazy-initialisation check on
    /// every access.
    @inline(__always) package static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
    }

    /// `\w` on ASCII: letters, digits and `_`.
    @inline(__always) package static func isWordByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "_")
    }

    private static func table(_ member: (UInt8) -> Bool) -> [Bool] {
        (0..<128).map { member(UInt8($0)) }
    }

    /// The pattern's syntax tree, or nil when it uses anything outside the subset.
    static func parse(_ pattern: String) -> Node? {
        var bytes: [UInt8] = []
        for scalar in pattern.unicodeScalars {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else {
                let mappings = [scalar.properties.lowercaseMapping, scalar.properties.uppercaseMapping, scalar.properties.titlecaseMapping]
                guard !mappings.joined().unicodeScalars.contains(where: \.isASCII) else { return nil }
                bytes.append(foreign)
            }
        }
        var parser = Parser(bytes: bytes)
        guard let node = parser.alternation(), parser.index == parser.bytes.count else { return nil }
        return node
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func alternation() -> Node? {
            guard let first = sequence() else { return nil }
            var branches = [first]
            while current == UInt8(ascii: "|") {
                index += 1
                guard let branch = sequence() else { return nil }
                branches.append(branch)
            }
            return branches.count == 1 ? first : .alternation(branches)
        }

        private mutating func sequence() -> Node? {
            var items: [Node] = []
            while let byte = current, byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
                guard let atom = atom(), let item = quantified(atom) else { return nil }
                items.append(item)
            }
            return .sequence(items)
        }

        private mutating func quantified(_ atom: Node) -> Node? {
            var minimum = 0
            var maximum: Int?
            switch current {
            case UInt8(ascii: "?"): maximum = 1
            case UInt8(ascii: "*"): break
            case UInt8(ascii: "+"): minimum = 1
            case UInt8(ascii: "{"):
                guard let (low, high) = braces() else { return nil }
                minimum = low
                maximum = high
            default:
                return atom
            }
            index += 1
            var lazy = false
            if current == UInt8(ascii: "?") {
                lazy = true
                index += 1
            } else if current == UInt8(ascii: "+") {
                return nil
            }
            switch atom {
            case .wordBoundary, .lookahead, .lookbehind, .textStart, .textEnd: return nil
            default: break
            }
            // A repeated part that can match empty text loops differently in each engine.
            guard atom.lengths.minimum > 0, maximum.map({ $0 >= minimum }) != false else { return nil }
            return .repeated(atom, minimum: minimum, maximum: maximum, lazy: lazy)
        }

        /// `{m}`, `{m,}` or `{m,n}`; leaves `index` on the closing brace.
        private mutating func braces() -> (Int, Int?)? {
            index += 1
            guard let low = number() else { return nil }
            var high: Int? = low
            if current == UInt8(ascii: ",") {
                index += 1
                high = current == UInt8(ascii: "}") ? nil : number()
                if high == nil, current != UInt8(ascii: "}") { return nil }
            }
            guard current == UInt8(ascii: "}") else { return nil }
            return (low, high)
        }

        private mutating func number() -> Int? {
            var value: Int?
            while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                value = (value ?? 0) * 10 + Int(byte - UInt8(ascii: "0"))
                guard value! < 1_000 else { return nil }
                index += 1
            }
            return value
        }

        private mutating func atom() -> Node? {
            guard let byte = current else { return nil }
            index += 1
            switch byte {
            case UInt8(ascii: "("): return group()
            case UInt8(ascii: "["): return characterClass()
            case UInt8(ascii: "\\"): return escape()
            case UInt8(ascii: "."): return .set(ASCIIPatternSyntax.dot)
            case UInt8(ascii: "^"): return .textStart
            case UInt8(ascii: "$"): return .textEnd
            case ASCIIPatternSyntax.foreign: return .set(ASCIIPatternSyntax.nothing)
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"),
                 UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "]"):
                return nil
            default: return .byte(Self.lower(byte))
            }
        }

        private mutating func group() -> Node? {
            var kind: (lookahead: Bool, lookbehind: Bool, negated: Bool)?
            if current == UInt8(ascii: "?") {
                index += 1
                switch current {
                case UInt8(ascii: ":"):
                    index += 1
                case UInt8(ascii: "="), UInt8(ascii: "!"):
                    kind = (true, false, current == UInt8(ascii: "!"))
                    index += 1
                case UInt8(ascii: "<"):
                    index += 1
                    guard current == UInt8(ascii: "=") || current == UInt8(ascii: "!") else { return nil }
                    kind = (false, true, current == UInt8(ascii: "!"))
                    index += 1
                default:
                    return nil
                }
            }
            guard let inner = alternation(), current == UInt8(ascii: ")") else { return nil }
            index += 1
            guard let kind else { return inner }
            if kind.lookbehind {
                // ICU requires a bounded look-behind; so does matching it backwards here.
                guard inner.lengths.maximum != nil else { return nil }
                return .lookbehind(inner, negated: kind.negated)
            }
            return .lookahead(inner, negated: kind.negated)
        }

        private mutating func escape() -> Node? {
            guard let byte = current else { return nil }
            index += 1
            switch byte {
            case UInt8(ascii: "b"): return .wordBoundary(negated: false)
            case UInt8(ascii: "B"): return .wordBoundary(negated: true)
            default: return classEscape(byte).map { .set($0) } ?? literalEscape(byte).map { .byte($0) }
            }
        }

        /// `\s`, `\w`, `\d` and their negations.
        private func classEscape(_ byte: UInt8) -> [Bool]? {
            switch byte {
            case UInt8(ascii: "s"): ASCIIPatternSyntax.space
            case UInt8(ascii: "w"): ASCIIPatternSyntax.word
            case UInt8(ascii: "d"): ASCIIPatternSyntax.digit
            case UInt8(ascii: "S"): ASCIIPatternSyntax.space.map { !$0 }
            case UInt8(ascii: "W"): ASCIIPatternSyntax.word.map { !$0 }
            case UInt8(ascii: "D"): ASCIIPatternSyntax.digit.map { !$0 }
            default: nil
            }
        }

        /// An escaped punctuation character, `\t`, `\n` or `\r`; nil for other letters and digits.
        private func literalEscape(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "t"): 9
            case UInt8(ascii: "n"): 10
            case UInt8(ascii: "r"): 13
            default: ASCIIPatternSyntax.isAlphanumeric(byte) || byte < 32 ? nil : byte
            }
        }

        /// A `[...]` class (the `[` already read), closed under case before any negation, as ICU
        /// does for case-insensitive patterns.
        private mutating func characterClass() -> Node? {
            var members = [Bool](repeating: false, count: 128)
            let negated = current == UInt8(ascii: "^")
            if negated { index += 1 }
            var first = true
            while let byte = current, byte != UInt8(ascii: "]") || first {
                first = false
                index += 1
                var low: UInt8
                switch byte {
                case UInt8(ascii: "["), UInt8(ascii: "]"): return nil
                case ASCIIPatternSyntax.foreign:
                    // A non-ASCII member adds nothing on ASCII text; a range to or from one is refused.
                    if current == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "]") { return nil }
                    continue
                case UInt8(ascii: "&") where current == UInt8(ascii: "&"): return nil
                case UInt8(ascii: "-") where current == UInt8(ascii: "-"): return nil
                case UInt8(ascii: "\\"):
                    guard let escaped = current else { return nil }
                    index += 1
                    if let set = classEscape(escaped) {
                        for member in 0..<128 where set[member] { members[member] = true }
                        if current == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "]") { return nil }
                        continue
                    }
                    guard let literal = literalEscape(escaped) else { return nil }
                    low = literal
                default:
                    low = byte
                }
                var high = low
                if current == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "]") {
                    index += 1
                    guard let end = current, end != UInt8(ascii: "["), end != UInt8(ascii: "\\"), end != ASCIIPatternSyntax.foreign,
                          end >= low else { return nil }
                    index += 1
                    high = end
                }
                for member in low...high { members[Int(member)] = true }
            }
            guard current == UInt8(ascii: "]") else { return nil }
            index += 1
            for member in 0..<128 where members[member] {
                members[Int(Self.lower(UInt8(member)))] = true
                members[Int(Self.upper(UInt8(member)))] = true
            }
            return .set(negated ? members.map { !$0 } : members)
        }

        static func lower(_ byte: UInt8) -> UInt8 {
            byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
        }

        static func upper(_ byte: UInt8) -> UInt8 {
            byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
        }
    }
}
