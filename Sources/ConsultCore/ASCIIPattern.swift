import Foundation

/// A rule pattern compiled to a small backtracking program that matches lower-cased ASCII text
/// without ICU, with exactly `NSRegularExpression`'s results for the patterns it accepts.
///
/// Why: an ICU call costs ~100 k instructions on a 70-character segment (copying the string to
/// UTF-16, trying a look-behind at every start, allocating result objects), which kept the coder
/// at ~8,000 segments/s per core. This program tries only the positions whose byte can begin a
/// match and compares bytes. It follows ICU's backtracking order (alternatives left to right,
/// greedy and lazy quantifiers) and its way of stepping from one match to the next, so the
/// leftmost-first matches, and the codings built on them, are the same; `ASCIIPatternTests`
/// compares the two engines on every codebook pattern, and the golden digests pin the codings.
///
/// The caller keeps ICU for texts with a non-ASCII character and for patterns
/// ``ASCIIPatternSyntax`` does not accept.
struct ASCIIPattern: Sendable {
    private enum Operation: UInt8 {
        /// Consume the byte `a`.
        case byte
        /// Consume a byte of set `a`.
        case set
        /// Continue at `a`; on failure at `b`.
        case split
        case jump
        /// `\b` (`a` = 0) or `\B` (`a` = 1).
        case boundary
        /// Look-around number `a`.
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

    private struct Instruction {
        var operation: Operation
        var a: Int32 = 0
        var b: Int32 = 0
        /// For a split: the bytes the path through `a` can consume first (bits 0–63 and 64–127),
        /// and whether it must consume one; a byte outside them goes straight to `b`.
        var low: UInt64 = ~0
        var high: UInt64 = ~0
        var consumes = false
    }

    /// The first bytes a path from an instruction can consume, and whether it must consume one.
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
    }

    private struct Look {
        /// Where its body's program starts in ``instructions``.
        var program: Int
        var behind: Bool
        var negated: Bool
        var minimum: Int
        var maximum: Int
    }

    /// Every program, one after the other: the pattern's from 0, then its look-arounds' bodies;
    /// jump targets are absolute.
    private var instructions: [Instruction] = []
    /// Byte sets, 128 entries each, one after the other.
    private var members: [Bool] = []
    private var looks: [Look] = []
    /// Bytes a match can begin with; nil when a match may be empty.
    private var firstBytes: [Bool]?

    private static let alphanumeric: [Bool] = (0..<128).map { ASCIIPatternSyntax.isAlphanumeric(UInt8($0)) }

    /// Compiles an expanded rule pattern wrapped in the rule's word boundaries; nil when the
    /// pattern is outside ``ASCIIPatternSyntax``.
    init?(expanded pattern: String) {
        guard let node = ASCIIPatternSyntax.parse(pattern) else { return nil }
        var main = [Instruction(operation: .startOfWord)]
        var bodies: [[Instruction]] = []
        emit(node, into: &main, bodies: &bodies)
        main.append(Instruction(operation: .endOfWord))
        main.append(Instruction(operation: .match))
        for program in [main] + bodies {
            let offset = Int32(instructions.count)
            instructions += program.map { instruction in
                var placed = instruction
                if instruction.operation == .split || instruction.operation == .jump {
                    placed.a += offset
                    placed.b += offset
                }
                return placed
            }
        }
        var entry = main.count
        for index in looks.indices {
            looks[index].program = entry
            entry += bodies[index].count
        }
        let first = Self.firstBytes(of: instructions, members: members)
        for pc in instructions.indices where instructions[pc].operation == .split {
            let branch = first[Int(instructions[pc].a)]
            instructions[pc].low = branch.low
            instructions[pc].high = branch.high
            instructions[pc].consumes = branch.consumes
        }
        firstBytes = first[0].consumes ? (0..<128).map { $0 < 64 ? first[0].low >> UInt64($0) & 1 == 1 : first[0].high >> UInt64($0 - 64) & 1 == 1 } : nil
    }

    // MARK: Compiling

    private mutating func emit(_ node: ASCIIPatternSyntax.Node, into program: inout [Instruction], bodies: inout [[Instruction]]) {
        switch node {
        case .byte(let byte):
            program.append(Instruction(operation: .byte, a: Int32(byte)))
        case .set(let members):
            program.append(Instruction(operation: .set, a: Int32(self.members.count)))
            self.members += members
        case .sequence(let items):
            for item in items { emit(item, into: &program, bodies: &bodies) }
        case .alternation(let branches):
            var exits: [Int] = []
            for (number, branch) in branches.enumerated() {
                if number == branches.count - 1 {
                    emit(branch, into: &program, bodies: &bodies)
                    break
                }
                let split = program.count
                program.append(Instruction(operation: .split, a: Int32(split + 1)))
                emit(branch, into: &program, bodies: &bodies)
                exits.append(program.count)
                program.append(Instruction(operation: .jump))
                program[split].b = Int32(program.count)
            }
            for exit in exits { program[exit].a = Int32(program.count) }
        case .repeated(let body, let minimum, let maximum, let lazy):
            for _ in 0..<minimum { emit(body, into: &program, bodies: &bodies) }
            if let maximum {
                var splits: [Int] = []
                for _ in minimum..<maximum {
                    splits.append(program.count)
                    program.append(Instruction(operation: .split))
                    emit(body, into: &program, bodies: &bodies)
                }
                let end = Int32(program.count)
                for split in splits { program[split] = Self.choice(enter: Int32(split + 1), skip: end, lazy: lazy) }
            } else {
                let loop = program.count
                program.append(Instruction(operation: .split))
                emit(body, into: &program, bodies: &bodies)
                program.append(Instruction(operation: .jump, a: Int32(loop)))
                program[loop] = Self.choice(enter: Int32(loop + 1), skip: Int32(program.count), lazy: lazy)
            }
        case .wordBoundary(let negated):
            program.append(Instruction(operation: .boundary, a: negated ? 1 : 0))
        case .textStart:
            program.append(Instruction(operation: .textStart))
        case .textEnd:
            program.append(Instruction(operation: .textEnd))
        case .lookahead(let body, let negated), .lookbehind(let body, let negated):
            var inner: [Instruction] = []
            emit(body, into: &inner, bodies: &bodies)
            inner.append(Instruction(operation: .match))
            var behind = false
            if case .lookbehind = node { behind = true }
            let lengths = body.lengths
            // Numbered as they complete, so a nested look-around's body comes before its parent's.
            bodies.append(inner)
            looks.append(Look(
                program: 0, behind: behind, negated: negated,
                minimum: lengths.minimum, maximum: lengths.maximum ?? 0))
            program.append(Instruction(operation: .look, a: Int32(looks.count - 1)))
        }
    }

    private static func choice(enter: Int32, skip: Int32, lazy: Bool) -> Instruction {
        lazy ? Instruction(operation: .split, a: skip, b: enter) : Instruction(operation: .split, a: enter, b: skip)
    }

    /// What each instruction's paths consume first, following splits, jumps and zero-width checks
    /// (a check is assumed to pass, so the sets can only be too large). Every loop consumes a
    /// byte (see ``ASCIIPatternSyntax``), so following paths without consuming ends.
    private static func firstBytes(of program: [Instruction], members: [Bool]) -> [FirstBytes] {
        var result = [FirstBytes?](repeating: nil, count: program.count)
        var pending = [0]
        for pc in program.indices where program[pc].operation == .split { pending.append(pc) }
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
            case .jump:
                needed = [Int(instruction.a)]
            case .boundary, .look, .startOfWord, .endOfWord, .textStart, .textEnd:
                needed = [pc + 1]
            case .match:
                result[pc] = .any
            }
            let missing = needed.filter { result[$0] == nil }
            if !needed.isEmpty, missing.isEmpty {
                result[pc] = needed.map { result[$0]! }.reduce(FirstBytes()) { $0.union($1) }
            }
            if result[pc] != nil { pending.removeLast() } else { pending += missing }
        }
        return result.map { $0 ?? .any }
    }

    // MARK: Matching

    /// Every match in `text` (lower-cased ASCII), in order, as `NSRegularExpression.matches`
    /// reports them: each search starts where the last match ended, one further after an empty one.
    func matches(in text: [UInt8]) -> [NSRange] {
        var ranges: [NSRange] = []
        instructions.withUnsafeBufferPointer { code in
            members.withUnsafeBufferPointer { sets in
                text.withUnsafeBufferPointer { bytes in
                    var machine = Machine(code: code, sets: sets, looks: looks, text: bytes)
                    var from = 0
                    while from <= bytes.count {
                        guard let (start, end) = machine.search(from: from, firstBytes: firstBytes) else { break }
                        ranges.append(NSRange(location: start, length: end - start))
                        from = end == start ? end + 1 : end
                    }
                }
            }
        }
        return ranges
    }

    /// One search's view of the program and text, and its backtracking stack.
    private struct Machine {
        let code: UnsafeBufferPointer<Instruction>
        let sets: UnsafeBufferPointer<Bool>
        let looks: [Look]
        let text: UnsafeBufferPointer<UInt8>
        /// Choices to come back to: instruction and text position.
        var stack: [(Int32, Int32)] = []

        init(code: UnsafeBufferPointer<Instruction>, sets: UnsafeBufferPointer<Bool>, looks: [Look], text: UnsafeBufferPointer<UInt8>) {
            self.code = code
            self.sets = sets
            self.looks = looks
            self.text = text
            stack.reserveCapacity(64)
        }

        /// The leftmost match starting at or after `from`. Only starts that pass the pattern's
        /// first instruction (no letter or digit before) and whose byte can begin a match are run.
        mutating func search(from: Int, firstBytes: [Bool]?) -> (Int, Int)? {
            var start = from
            while start <= text.count {
                if let firstBytes {
                    while start < text.count, !firstBytes[Int(text[start])] || (start > 0 && ASCIIPattern.alphanumeric[Int(text[start - 1])]) {
                        start += 1
                    }
                    if start == text.count { return nil }
                }
                if let end = run(0, at: start, endingAt: nil) { return (start, end) }
                start += 1
            }
            return nil
        }

        /// Runs the program starting at instruction `entry` from `position`; the end of its first
        /// match in priority order (one ending exactly at `required`, when given), or nil.
        private mutating func run(_ entry: Int, at position: Int, endingAt required: Int?) -> Int? {
            let base = stack.count
            defer { stack.removeSubrange(base...) }
            stack.append((Int32(entry), Int32(position)))
            while stack.count > base {
                var (pc, pos) = stack.removeLast()
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
                        if Int(pos) < text.count {
                            let byte = UInt64(text[Int(pos)])
                            let bit = byte < 64 ? instruction.low >> byte : instruction.high >> (byte - 64)
                            if bit & 1 == 0 {
                                pc = instruction.b
                                continue
                            }
                        } else if instruction.consumes {
                            pc = instruction.b
                            continue
                        }
                        stack.append((instruction.b, pos))
                        pc = instruction.a
                    case .jump:
                        pc = instruction.a
                    case .boundary:
                        let word = ASCIIPatternSyntax.word
                        let before = pos > 0 && word[Int(text[Int(pos) - 1])]
                        let after = Int(pos) < text.count && word[Int(text[Int(pos)])]
                        guard (before != after) == (instruction.a == 0) else { break thread }
                        pc += 1
                    case .look:
                        guard holds(looks[Int(instruction.a)], at: Int(pos)) else { break thread }
                        pc += 1
                    case .startOfWord:
                        guard pos == 0 || !ASCIIPattern.alphanumeric[Int(text[Int(pos) - 1])] else { break thread }
                        pc += 1
                    case .endOfWord:
                        guard Int(pos) == text.count || !ASCIIPattern.alphanumeric[Int(text[Int(pos)])] else { break thread }
                        pc += 1
                    case .textStart:
                        guard pos == 0 else { break thread }
                        pc += 1
                    case .textEnd:
                        guard isTextEnd(Int(pos)) else { break thread }
                        pc += 1
                    case .match:
                        guard required.map({ $0 == Int(pos) }) != false else { break thread }
                        return Int(pos)
                    }
                }
            }
            return nil
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
                    found = run(look.program, at: start, endingAt: position) != nil
                    start += 1
                }
            } else {
                found = run(look.program, at: position, endingAt: nil) != nil
            }
            return found != look.negated
        }
    }
}
