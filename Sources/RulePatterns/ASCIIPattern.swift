import Foundation

/// A rule pattern compiled to a small backtracking program that matches lower-cased ASCII text
/// without ICU, with exactly `NSRegularExpression`'s results for the patterns it accepts.
///
/// Why: an ICU call costs ~100 k instructions on a 70-character segment (copying the string to
/// UTF-16, trying a look-behind at every start, allocating result objects), which kept the coder
/// at ~8,000 segments/s per core. This program tries only the positions whose byte can begin a
/// match, and at each alternation only the branches that can begin with the next byte. It follows
/// ICU's backtracking order (alternatives left to right, greedy and lazy quantifiers) and its way
/// of stepping from one match to the next, so the leftmost-first matches, and the codings built on
/// them, are the same; `ASCIIPatternTests` compares the two engines on every codebook pattern, and
/// the golden digests pin the codings.
///
/// The caller keeps ICU for texts with a non-ASCII character and for patterns
/// ``ASCIIPatternSyntax`` does not accept. A class, immutable once compiled, so a rule trying a
/// pattern does not copy (and reference-count) its arrays.
package final class ASCIIPattern: Sendable {
    private enum Operation: UInt8 {
        /// Consume the byte `a`.
        case byte
        /// Consume a byte of the set starting at `a` in ``members``.
        case set
        /// Continue at `a`; on failure at `b` (a quantifier's choice).
        case split
        /// Try the branches ``branches[a..<a+b]`` in order.
        case alternation
        case jump
        /// `\b` (`a` = 0) or `\B` (`a` = 1).
        case boundary
        /// Look-around number `a`; its body follows the jump after this instruction.
        case look
        /// No letter or digit before (the rule's word boundary at the start of a match).
        case startOfWord
        /// No letter or digit after.
        case endOfWord
        /// `^` and `$`.
        case textStart
        case textEnd
        case match
    }

    /// One step; 32 bytes (the first-byte set's tail padding holds the rest), so that the program
    /// stays small in cache.
    private struct Instruction {
        /// For a split: what the path through `a` can consume first; a byte it does not admit goes
        /// straight to `b`.
        var first = FirstBytes.any
        var operation: Operation
        var a: Int32 = 0
        var b: Int32 = 0
    }

    /// A branch of an alternation: where it starts and what it can consume first.
    private struct Branch {
        var start: Int32
        var first = FirstBytes.any
    }

    /// The first bytes a path from an instruction can consume (bits 0–63 and 64–127), and whether
    /// it must consume one.
    private struct FirstBytes {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var consumes = true

        static let any = FirstBytes(low: ~0, high: ~0, consumes: false)

        mutating func insert(_ byte: Int) {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }

        func union(_ other: FirstBytes) -> FirstBytes {
            FirstBytes(low: low | other.low, high: high | other.high, consumes: consumes && other.consumes)
        }

        func contains(_ byte: UInt8) -> Bool {
            (byte < 64 ? low >> UInt64(byte) : high >> UInt64(byte - 64)) & 1 == 1
        }

        /// Whether the path can go on at a position whose next byte is `byte` (nil: the end).
        func admits(_ byte: UInt8?) -> Bool {
            byte.map(contains) ?? !consumes
        }
    }

    private struct Look {
        /// Where its body starts in ``instructions``.
        var start: Int
        var behind: Bool
        var negated: Bool
        var minimum: Int
        var maximum: Int
    }

    /// The program, from instruction 0; look-around bodies sit inside it, jumped over.
    private let instructions: [Instruction]
    private let branches: [Branch]
    /// Byte sets, 128 entries each, one after the other.
    private let members: [Bool]
    private let looks: [Look]
    /// What a match can begin with (a match may be empty when it need not consume).
    private let first: FirstBytes
    /// Every match begins with a letter or digit, so only word starts need trying.
    private let startsWithWord: Bool

    /// Compiles an expanded rule pattern wrapped in the rule's word boundaries; nil when the
    /// pattern is outside ``ASCIIPatternSyntax``.
    package init?(expanded pattern: String) {
        guard let node = ASCIIPatternSyntax.parse(pattern) else { return nil }
        var compiler = Compiler()
        compiler.append(.startOfWord)
        compiler.emit(node)
        compiler.append(.endOfWord)
        compiler.append(.match)
        var instructions = compiler.instructions
        var branches = compiler.branches
        let first = Self.firstBytes(of: instructions, branches: branches, members: compiler.members)
        for pc in instructions.indices where instructions[pc].operation == .split {
            instructions[pc].first = first[Int(instructions[pc].a)]
        }
        for index in branches.indices {
            branches[index].first = first[Int(branches[index].start)]
        }
        self.instructions = instructions
        self.branches = branches
        members = compiler.members
        looks = compiler.looks
        self.first = first[0]
        startsWithWord = first[0].consumes && (0..<128).allSatisfy { !first[0].contains(UInt8($0)) || ASCIIPatternSyntax.isAlphanumeric(UInt8($0)) }
    }

    /// The offsets in lower-cased ASCII text where a letter or digit follows anything else (or
    /// starts the text): the only starts a pattern that begins with a letter or digit can match
    /// at, given the rule's word boundary. Computed once per text, shared by every pattern.
    package static func wordStarts(of text: [UInt8]) -> [Int32] {
        var starts: [Int32] = []
        var previous = false
        for (offset, byte) in text.enumerated() {
            let current = ASCIIPatternSyntax.isAlphanumeric(byte)
            if current, !previous { starts.append(Int32(offset)) }
            previous = current
        }
        return starts
    }

    // MARK: Compiling

    /// Builds the program of a parsed pattern, appending as it walks the syntax tree.
    private struct Compiler {
        var instructions: [Instruction] = []
        var branches: [Branch] = []
        var members: [Bool] = []
        var looks: [Look] = []

        mutating func append(_ operation: Operation, _ a: Int = 0, _ b: Int = 0) {
            instructions.append(Instruction(operation: operation, a: Int32(a), b: Int32(b)))
        }

        mutating func emit(_ node: ASCIIPatternSyntax.Node) {
            switch node {
            case .byte(let byte):
                append(.byte, Int(byte))
            case .set(let set):
                append(.set, members.count)
                members += set
            case .sequence(let items):
                for item in items { emit(item) }
            case .alternation(let alternatives):
                let dispatch = instructions.count
                append(.alternation)
                var starts: [Int32] = []
                var exits: [Int] = []
                for alternative in alternatives {
                    starts.append(Int32(instructions.count))
                    emit(alternative)
                    exits.append(instructions.count)
                    append(.jump)
                }
                for exit in exits { instructions[exit].a = Int32(instructions.count) }
                instructions[dispatch].a = Int32(branches.count)
                instructions[dispatch].b = Int32(starts.count)
                branches += starts.map { Branch(start: $0) }
            case .repeated(let body, let minimum, let maximum, let lazy):
                for _ in 0..<minimum { emit(body) }
                if let maximum {
                    var splits: [Int] = []
                    for _ in minimum..<maximum {
                        splits.append(instructions.count)
                        append(.split)
                        emit(body)
                    }
                    for split in splits { choose(at: split, enter: split + 1, skip: instructions.count, lazy: lazy) }
                } else {
                    let loop = instructions.count
                    append(.split)
                    emit(body)
                    append(.jump, loop)
                    choose(at: loop, enter: loop + 1, skip: instructions.count, lazy: lazy)
                }
            case .wordBoundary(let negated):
                append(.boundary, negated ? 1 : 0)
            case .textStart:
                append(.textStart)
            case .textEnd:
                append(.textEnd)
            case .lookahead(let body, let negated), .lookbehind(let body, let negated):
                var behind = false
                if case .lookbehind = node { behind = true }
                let lengths = body.lengths
                append(.look, looks.count)
                looks.append(Look(
                    start: instructions.count + 1, behind: behind, negated: negated,
                    minimum: lengths.minimum, maximum: lengths.maximum ?? 0))
                let over = instructions.count
                append(.jump)
                emit(body)
                append(.match)
                instructions[over].a = Int32(instructions.count)
            }
        }

        mutating func choose(at split: Int, enter: Int, skip: Int, lazy: Bool) {
            instructions[split].a = Int32(lazy ? skip : enter)
            instructions[split].b = Int32(lazy ? enter : skip)
        }
    }

    /// What each instruction's paths consume first, following splits, alternations, jumps and
    /// zero-width checks (a check is assumed to pass, so the sets can only be too large). Every
    /// loop consumes a byte (see ``ASCIIPatternSyntax``), so following paths without consuming ends.
    private static func firstBytes(of program: [Instruction], branches: [Branch], members: [Bool]) -> [FirstBytes] {
        var result = [FirstBytes?](repeating: nil, count: program.count)
        var pending = Array(program.indices.reversed())
        while let pc = pending.last {
            if result[pc] != nil {
                pending.removeLast()
                continue
            }
            let instruction = program[pc]
            var needed: [Int] = []
            switch instruction.operation {
            case .byte:
                var first = FirstBytes()
                first.insert(Int(instruction.a))
                result[pc] = first
            case .set:
                var first = FirstBytes()
                for member in 0..<128 where members[Int(instruction.a) + member] { first.insert(member) }
                result[pc] = first
            case .split:
                needed = [Int(instruction.a), Int(instruction.b)]
            case .alternation:
                needed = branches[Int(instruction.a)..<Int(instruction.a + instruction.b)].map { Int($0.start) }
            case .jump:
                needed = [Int(instruction.a)]
            case .look:
                // The path goes on after the body, which the next instruction jumps over.
                needed = [pc + 1]
            case .boundary, .startOfWord, .endOfWord, .textStart, .textEnd:
                needed = [pc + 1]
            case .match:
                result[pc] = .any
            }
            let missing = needed.filter { result[$0] == nil }
            if result[pc] == nil, missing.isEmpty {
                result[pc] = needed.map { result[$0]! }.reduce(FirstBytes()) { $0.union($1) }
            }
            if result[pc] != nil { pending.removeLast() } else { pending += missing }
        }
        return result.map { $0 ?? .any }
    }

    // MARK: Matching

    /// Every match in `text` (lower-cased ASCII), in order, as `NSRegularExpression.matches`
    /// reports them: each search starts where the last match ended, one further after an empty one.
    /// `wordStarts` is ``wordStarts(of:)`` of the same text.
    package func matches(in text: [UInt8], wordStarts: [Int32]) -> [NSRange] {
        var ranges: [NSRange] = []
        var nextWord = 0
        instructions.withUnsafeBufferPointer { code in
            branches.withUnsafeBufferPointer { branches in
                members.withUnsafeBufferPointer { sets in
                    text.withUnsafeBufferPointer { bytes in
                        withUnsafeTemporaryAllocation(of: Choice.self, capacity: Machine.initialDepth) { stack in
                            var machine = Machine(code: code, branches: branches, sets: sets, looks: looks, text: bytes, stack: stack)
                            defer { machine.release() }
                            var from = 0
                            while from <= bytes.count {
                                let found: (Int, Int)?
                                if startsWithWord {
                                    while nextWord < wordStarts.count, Int(wordStarts[nextWord]) < from { nextWord += 1 }
                                    found = machine.search(wordStarts: wordStarts[nextWord...], first: first)
                                } else {
                                    found = machine.search(from: from, first: first)
                                }
                                guard let (start, end) = found else { break }
                                ranges.append(NSRange(location: start, length: end - start))
                                from = end == start ? end + 1 : end
                            }
                        }
                    }
                }
            }
        }
        return ranges
    }

    /// A choice to come back to: instruction and text position.
    private struct Choice {
        var pc: Int32
        var position: Int32
    }

    /// One search's view of the program and text, and its backtracking stack (on the call stack
    /// until it outgrows it).
    private struct Machine {
        static let initialDepth = 256

        let code: UnsafeBufferPointer<Instruction>
        let branches: UnsafeBufferPointer<Branch>
        let sets: UnsafeBufferPointer<Bool>
        let looks: [Look]
        let text: UnsafeBufferPointer<UInt8>
        private var stack: UnsafeMutableBufferPointer<Choice>
        private var depth = 0
        private var ownsStack = false

        init(
            code: UnsafeBufferPointer<Instruction>, branches: UnsafeBufferPointer<Branch>, sets: UnsafeBufferPointer<Bool>,
            looks: [Look], text: UnsafeBufferPointer<UInt8>, stack: UnsafeMutableBufferPointer<Choice>
        ) {
            self.code = code
            self.branches = branches
            self.sets = sets
            self.looks = looks
            self.text = text
            self.stack = stack
        }

        /// Frees a stack that outgrew the initial one.
        func release() {
            if ownsStack { stack.deallocate() }
        }

        private mutating func push(_ pc: Int32, _ position: Int32) {
            if depth == stack.count {
                let larger = UnsafeMutableBufferPointer<Choice>.allocate(capacity: stack.count * 2)
                _ = larger.initialize(fromContentsOf: stack)
                release()
                stack = larger
                ownsStack = true
            }
            stack[depth] = Choice(pc: pc, position: position)
            depth += 1
        }

        /// The leftmost match starting at one of `wordStarts` (for a pattern whose matches all
        /// begin with a letter or digit, so begin at a word start).
        mutating func search(wordStarts: ArraySlice<Int32>, first: FirstBytes) -> (Int, Int)? {
            for start in wordStarts where first.contains(text[Int(start)]) {
                if let end = run(0, at: Int(start), endingAt: nil) { return (Int(start), end) }
            }
            return nil
        }

        /// The leftmost match starting at or after `from`. Only starts that pass the pattern's
        /// first instruction (no letter or digit before) and whose byte can begin a match are run.
        mutating func search(from: Int, first: FirstBytes) -> (Int, Int)? {
            var start = from
            while start <= text.count {
                if first.consumes {
                    while start < text.count, !first.contains(text[start]) || (start > 0 && ASCIIPatternSyntax.isAlphanumeric(text[start - 1])) {
                        start += 1
                    }
                    if start == text.count { return nil }
                }
                if let end = run(0, at: start, endingAt: nil) { return (start, end) }
                start += 1
            }
            return nil
        }

        /// Runs the program from instruction `entry` at `position`; the end of its first match in
        /// priority order (one ending exactly at `required`, when given), or nil.
        private mutating func run(_ entry: Int, at position: Int, endingAt required: Int?) -> Int? {
            let base = depth
            var pc = Int32(entry)
            var pos = Int32(position)
            while true {
                thread: while true {
                    let instruction = code[Int(pc)]
                    switch instruction.operation {
                    case .byte:
                        guard pos < text.count, text[Int(pos)] == UInt8(instruction.a) else { break thread }
                        pc += 1
                        pos += 1
                    case .set:
                        guard pos < text.count, sets[Int(instruction.a) + Int(text[Int(pos)])] else { break thread }
                        pc += 1
                        pos += 1
                    case .split:
                        guard instruction.first.admits(Int(pos) < text.count ? text[Int(pos)] : nil) else {
                            pc = instruction.b
                            continue
                        }
                        push(instruction.b, pos)
                        pc = instruction.a
                    case .alternation:
                        // Highest priority taken now, the rest pushed so the next best comes back first.
                        var chosen: Int32 = -1
                        var index = Int(instruction.a + instruction.b) - 1
                        let byte = Int(pos) < text.count ? text[Int(pos)] : nil
                        while index >= Int(instruction.a) {
                            let branch = branches[index]
                            if branch.first.admits(byte) {
                                if chosen >= 0 { push(chosen, pos) }
                                chosen = branch.start
                            }
                            index -= 1
                        }
                        guard chosen >= 0 else { break thread }
                        pc = chosen
                    case .jump:
                        pc = instruction.a
                    case .boundary:
                        let before = pos > 0 && ASCIIPatternSyntax.isWordByte(text[Int(pos) - 1])
                        let after = Int(pos) < text.count && ASCIIPatternSyntax.isWordByte(text[Int(pos)])
                        guard (before != after) == (instruction.a == 0) else { break thread }
                        pc += 1
                    case .look:
                        guard holds(looks[Int(instruction.a)], at: Int(pos)) else { break thread }
                        pc += 1
                    case .startOfWord:
                        guard pos == 0 || !ASCIIPatternSyntax.isAlphanumeric(text[Int(pos) - 1]) else { break thread }
                        pc += 1
                    case .endOfWord:
                        guard Int(pos) == text.count || !ASCIIPatternSyntax.isAlphanumeric(text[Int(pos)]) else { break thread }
                        pc += 1
                    case .textStart:
                        guard pos == 0 else { break thread }
                        pc += 1
                    case .textEnd:
                        guard isTextEnd(Int(pos)) else { break thread }
                        pc += 1
                    case .match:
                        guard required.map({ $0 == Int(pos) }) != false else { break thread }
                        depth = base
                        return Int(pos)
                    }
                }
                guard depth > base else { return nil }
                depth -= 1
                pc = stack[depth].pc
                pos = stack[depth].position
            }
        }

        /// ICU's `$` without multi-line mode: the end, or before a line terminator (or CR LF) ending the text.
        private func isTextEnd(_ position: Int) -> Bool {
            let rest = text.count - position
            if rest == 0 { return true }
            if rest == 1 { return (10...13).contains(text[position]) }
            return rest == 2 && text[position] == 13 && text[position + 1] == 10
        }

        /// Whether a look-around holds at `position`: its body matches there (ahead), or ends there
        /// from some start within its possible lengths (behind).
        private mutating func holds(_ look: Look, at position: Int) -> Bool {
            var found = false
            if look.behind {
                var start = max(position - look.maximum, 0)
                while start <= position - look.minimum, !found {
                    found = run(look.start, at: start, endingAt: position) != nil
                    start += 1
                }
            } else {
                found = run(look.start, at: position, endingAt: nil) != nil
            }
            return found != look.negated
        }
    }
}
