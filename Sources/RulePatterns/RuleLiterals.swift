/// Finds literal text that every match of a regular expression must contain, so the coder can
/// skip a pattern whose literals are absent from a segment without running the expression.
///
/// The answer is a conjunction of groups: every match contains at least one string of each
/// group. The analysis is conservative: it understands literals, groups, alternation and
/// quantifiers, and treats everything else (classes, `\w`, `.`, lookarounds, anchors) as "could
/// be anything". When it can prove nothing it answers no groups, and the pattern always runs.
/// Literals are lower case; letters in them are ASCII only, because lower-casing outside ASCII
/// does not always agree with the regular-expression engine's case folding.
package enum RuleLiterals {
    /// Groups of lower-case strings such that every match of `pattern` (an expanded ICU
    /// pattern) contains a string of each group; empty when nothing is known.
    package static func required(_ pattern: String) -> [Set<String>] {
        var parser = Parser(characters: Array(pattern))
        let node = parser.alternation()
        guard parser.isAtEnd, !parser.unsupported else { return [] }
        return node.groups
    }

    /// Lower-case strings one of which every match of `pattern` starts with (`atStart`) or ends
    /// with; nil when unknown. A pattern is matched at word boundaries, so a leading string that
    /// begins with a letter or digit can only occur where no letter or digit precedes it, and a
    /// trailing one that ends with either only where none follows (see ``AutoCoderKeywords``).
    package static func edge(_ pattern: String, atStart: Bool) -> Set<String>? {
        var parser = Parser(characters: Array(pattern))
        let node = parser.alternation()
        guard parser.isAtEnd, !parser.unsupported else { return nil }
        return node.edge(atStart: atStart)
    }

    /// The parsed shape of a pattern, as far as requirements go.
    indirect enum Node {
        case literal(Character)
        case opaque
        /// A lookaround: matches no text, so it requires nothing and does not start a match.
        case zeroWidth
        case sequence([Node])
        case alternation([Node])
        case repeated(Node, minimum: Int)

        /// Every group must be met by a match (a conjunction).
        var groups: [Set<String>] {
            switch self {
            case .literal(let character):
                return [[String(character)]]
            case .opaque, .zeroWidth:
                return []
            case .repeated(let node, let minimum):
                return minimum >= 1 ? node.groups : []
            case .alternation(let branches):
                var union: Set<String> = []
                for branch in branches {
                    guard let best = Self.mostSelective(branch.groups) else { return [] }
                    union.formUnion(best)
                }
                return [union]
            case .sequence(let items):
                var result: [Set<String>] = []
                var run = ""
                for item in items {
                    if case .literal(let character) = item {
                        run.append(character)
                        continue
                    }
                    if !run.isEmpty { result.append([run]) }
                    run = ""
                    result.append(contentsOf: item.groups)
                }
                if !run.isEmpty { result.append([run]) }
                return result
            }
        }

        /// Strings one of which every match starts with (`atStart`) or ends with: the literal run
        /// at that end of a sequence (lookarounds aside), or the union over alternatives; nil
        /// when any path is unknown.
        func edge(atStart: Bool) -> Set<String>? {
            switch self {
            case .literal(let character):
                return [String(character)]
            case .opaque, .zeroWidth:
                return nil
            case .repeated(let node, let minimum):
                return minimum >= 1 ? node.edge(atStart: atStart) : nil
            case .alternation(let branches):
                var union: Set<String> = []
                for branch in branches {
                    guard let strings = branch.edge(atStart: atStart) else { return nil }
                    union.formUnion(strings)
                }
                return union
            case .sequence(let items):
                let ordered = atStart ? items : items.reversed()
                return Self.edge(of: ordered.drop { if case .zeroWidth = $0 { true } else { false } }, atStart: atStart)
            }
        }

        /// ``edge(atStart:)`` of a sequence given from that end, lookarounds there dropped: the
        /// literal run it opens with, or an optional part's strings joined with those of the rest.
        private static func edge(of items: ArraySlice<Node>, atStart: Bool) -> Set<String>? {
            guard let outermost = items.first else { return nil }
            switch outermost {
            case .literal:
                var run: [Character] = []
                for item in items {
                    guard case .literal(let character) = item else { break }
                    run.append(character)
                }
                return [String(atStart ? run : run.reversed())]
            case .repeated(let node, 0):
                guard let optional = node.edge(atStart: atStart),
                      let rest = edge(of: items.dropFirst(), atStart: atStart) else { return nil }
                return optional.union(rest)
            default:
                return outermost.edge(atStart: atStart)
            }
        }

        /// The group least likely to be met by chance: longest shortest member, then fewest
        /// members.
        private static func mostSelective(_ groups: [Set<String>]) -> Set<String>? {
            groups.max { lhs, rhs in
                let left = lhs.map(\.count).min() ?? 0
                let right = rhs.map(\.count).min() ?? 0
                return left != right ? left < right : lhs.count > rhs.count
            }
        }
    }

    /// A recursive-descent reader of ICU pattern syntax.
    struct Parser {
        let characters: [Character]
        var index = 0
        /// Set when the pattern uses syntax that changes how literals read (free-spacing mode).
        var unsupported = false

        var isAtEnd: Bool { index >= characters.count }

        mutating func alternation() -> Node {
            var branches = [sequence()]
            while !isAtEnd, characters[index] == "|" {
                index += 1
                branches.append(sequence())
            }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        private mutating func sequence() -> Node {
            var items: [Node] = []
            while !isAtEnd, characters[index] != "|", characters[index] != ")" {
                let atom = self.atom()
                items.append(quantified(atom))
            }
            return .sequence(items)
        }

        private mutating func quantified(_ atom: Node) -> Node {
            guard !isAtEnd else { return atom }
            var minimum: Int?
            switch characters[index] {
            case "?", "*":
                minimum = 0
                index += 1
            case "+":
                minimum = 1
                index += 1
            case "{":
                if let (low, end) = braces(from: index) {
                    minimum = low
                    index = end
                }
            default:
                break
            }
            guard let minimum else { return atom }
            if !isAtEnd, characters[index] == "?" || characters[index] == "+" { index += 1 }
            return .repeated(atom, minimum: minimum)
        }

        /// `{m}`, `{m,}` or `{m,n}` at `start`: the minimum and the index after `}`.
        private func braces(from start: Int) -> (Int, Int)? {
            var cursor = start + 1
            var digits = ""
            while cursor < characters.count, characters[cursor].isASCII, characters[cursor].isNumber {
                digits.append(characters[cursor])
                cursor += 1
            }
            guard let low = Int(digits) else { return nil }
            while cursor < characters.count, characters[cursor] != "}" {
                guard characters[cursor] == "," || (characters[cursor].isASCII && characters[cursor].isNumber) else { return nil }
                cursor += 1
            }
            return cursor < characters.count ? (low, cursor + 1) : nil
        }

        private mutating func atom() -> Node {
            let character = characters[index]
            index += 1
            switch character {
            case "(":
                return group()
            case "[":
                skipClass()
                return .opaque
            case "\\":
                return escape()
            case ".", "^", "$":
                return .opaque
            default:
                if character.isLetter {
                    return character.isASCII ? .literal(Character(character.lowercased())) : .opaque
                }
                return .literal(character)
            }
        }

        private mutating func group() -> Node {
            var zeroWidth = false
            if !isAtEnd, characters[index] == "?" {
                index += 1
                let kind = isAtEnd ? " " : characters[index]
                switch kind {
                case ":", ">":
                    index += 1
                case "=", "!":
                    index += 1
                    zeroWidth = true
                case "<":
                    index += 1
                    if !isAtEnd, characters[index] == "=" || characters[index] == "!" {
                        index += 1
                        zeroWidth = true
                    } else {
                        while !isAtEnd, characters[index] != ">" { index += 1 }
                        index += 1
                    }
                case "#":
                    while !isAtEnd, characters[index] != ")" { index += 1 }
                    index += 1
                    return .opaque
                default:
                    var flags = ""
                    while !isAtEnd, characters[index] != ":", characters[index] != ")" {
                        flags.append(characters[index])
                        index += 1
                    }
                    if flags.contains("x") { unsupported = true }
                    if !isAtEnd, characters[index] == ")" {
                        index += 1
                        return .opaque
                    }
                    index += 1
                }
            }
            let inner = alternation()
            if !isAtEnd, characters[index] == ")" { index += 1 } else { unsupported = true }
            return zeroWidth ? .zeroWidth : inner
        }

        private mutating func skipClass() {
            var depth = 1
            if !isAtEnd, characters[index] == "^" { index += 1 }
            if !isAtEnd, characters[index] == "]" { index += 1 }
            while !isAtEnd, depth > 0 {
                switch characters[index] {
                case "\\": index += 1
                case "[": depth += 1
                case "]": depth -= 1
                default: break
                }
                index += 1
            }
        }

        private mutating func escape() -> Node {
            guard !isAtEnd else {
                unsupported = true
                return .opaque
            }
            let character = characters[index]
            index += 1
            guard character.isLetter || character.isNumber else { return .literal(character) }
            switch character {
            case "Q":
                while index + 1 < characters.count, !(characters[index] == "\\" && characters[index + 1] == "E") { index += 1 }
                index += 2
            case "p", "P", "N", "x", "u":
                if !isAtEnd, characters[index] == "{" {
                    while !isAtEnd, characters[index] != "}" { index += 1 }
                    index += 1
                } else if character == "u" {
                    index += 4
                } else if character == "x" {
                    index += 2
                } else if character == "p" || character == "P" {
                    index += 1
                }
            default:
                break
            }
            return .opaque
        }
    }
}
