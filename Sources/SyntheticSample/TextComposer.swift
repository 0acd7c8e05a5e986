/// Builds one free-text answer from ideas, in one writer's style, as UTF-8 bytes.
///
/// Contract: `add` joins ideas with a connective chosen for the voice; `lead` puts a discourse
/// marker ("Honestly,") before the next idea; `finish` ends the answer, applies the writer's
/// orthography (case, apostrophes, one possible typo) and returns the text with the union of the
/// themes of every fragment rendered into it (slot values, spelling, case and typing slips never
/// change a theme). Everything is byte appends and single passes, because this runs up to five
/// times per row for a million rows.
struct TextComposer {
    let style: WritingStyle
    let borough: [UInt8]
    private(set) var bytes: [UInt8] = []
    private var lowerNext = false
    private var sentenceOpen = false
    private(set) var ideas = 0
    /// Themes of every fragment rendered so far.
    private(set) var themes: ThemeSet = []
    /// Themes of the first idea (after any lead-in): what survives when a speaker is cut off.
    private(set) var firstIdeaThemes: ThemeSet = []
    /// Phrasings used in this answer (never repeated) and before it (avoided where possible).
    private(set) var used: [String] = []
    private let avoiding: Set<String>

    /// `avoiding` lists phrasings said earlier (in a focus group) that a redraw should dodge.
    init(style: WritingStyle, borough: [UInt8], avoiding: Set<String> = []) {
        self.style = style
        self.borough = borough
        self.avoiding = avoiding
        bytes.reserveCapacity(256)
    }

    /// Appends one phrasing of `phrases`, joined to what came before. A phrasing already used in this
    /// answer or listed in `avoiding` is redrawn; if every redraw repeats, the idea is left out.
    mutating func add(_ phrases: Phrases, _ rng: inout SeededRandom) {
        var fragment = phrases.pick(style.voice, &rng)
        for _ in 0..<5 where used.contains(fragment.source) || avoiding.contains(fragment.source) {
            fragment = phrases.pick(style.voice, &rng)
        }
        guard !used.contains(fragment.source) && !avoiding.contains(fragment.source) else { return }
        append(fragment, &rng)
    }

    /// Appends a specific fragment, joined to what came before.
    mutating func append(_ fragment: Fragment, _ rng: inout SeededRandom) {
        if !bytes.isEmpty && !lowerNext {
            if sentenceOpen || ideas > 0 {
                join(&rng)
            }
        }
        render(fragment, &rng)
        used.append(fragment.source)
        if ideas == 0 { firstIdeaThemes = fragment.themes }
        ideas += 1
    }

    /// Ends with a sign-off ("Simple as.", "Thank you.") as a sentence of its own.
    mutating func close(_ phrases: Phrases, _ rng: inout SeededRandom) {
        guard !bytes.isEmpty else { return }
        if sentenceOpen && style.fullStops { bytes.append(UInt8(ascii: ".")) }
        bytes.append(contentsOf: style.doubleSpaces ? [32, 32] : [32])
        lowerNext = false
        let fragment = phrases.pick(style.voice, &rng)
        render(fragment, &rng)
        used.append(fragment.source)
    }

    /// Puts a lead-in ("Honestly," "tbh") before the next idea, which then continues its sentence.
    mutating func lead(_ phrases: Phrases, _ rng: inout SeededRandom) {
        append(phrases.pick(style.voice, &rng), &rng)
        ideas -= 1
        if sentenceOpen {
            bytes.append(UInt8(ascii: " "))
            lowerNext = true
        } else {
            bytes.append(contentsOf: style.doubleSpaces ? Array("  ".utf8) : [UInt8(ascii: " ")])
        }
    }

    /// Ends the answer and returns it in the writer's orthography with its themes, or "" (no
    /// themes) if nothing was added.
    mutating func finish(_ rng: inout SeededRandom) -> CodedText {
        guard !bytes.isEmpty else { return CodedText(text: "", themes: []) }
        while bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
        if sentenceOpen && style.fullStops {
            let u = rng.unit()
            bytes.append(contentsOf: u < 0.06 ? Array("!".utf8) : u < 0.09 ? Array("...".utf8) : [UInt8(ascii: ".")])
        }
        ByteStyler.apply(style, to: &bytes, &rng)
        return CodedText(text: String(decoding: bytes, as: UTF8.self), themes: themes)
    }

    private mutating func join(_ rng: inout SeededRandom) {
        if ideas >= 2 && rng.chance(style.paragraphRate) {
            if sentenceOpen { bytes.append(UInt8(ascii: ".")) }
            bytes.append(contentsOf: rng.chance(0.5) ? [10] : [10, 10])
            return
        }
        let connective = rng.pick(Connective.forVoice(style.joins))
        var glue = sentenceOpen ? connective.afterOpen : connective.afterSentence
        if style.doubleSpaces && glue.first == UInt8(ascii: ".") && glue.count == 2 { glue.append(UInt8(ascii: " ")) }
        if !sentenceOpen && style.doubleSpaces && glue == [UInt8(ascii: " ")] { glue.append(UInt8(ascii: " ")) }
        bytes.append(contentsOf: glue)
        lowerNext = connective.lowersNext
    }

    private mutating func render(_ fragment: Fragment, _ rng: inout SeededRandom) {
        let start = bytes.count
        for part in fragment.parts(misspelt: style.misspells, textspeak: style.textspeak) {
            switch part {
            case .text(let literal): bytes.append(contentsOf: literal)
            case .slot(let slot): bytes.append(contentsOf: SlotValues.value(slot, voice: style.voice, borough: borough, &rng))
            }
        }
        if lowerNext && !fragment.keepsCapital, start < bytes.count, (65...90).contains(bytes[start]) {
            bytes[start] += 32
        }
        lowerNext = false
        sentenceOpen = !fragment.endsSentence
        themes.formUnion(fragment.themes)
    }
}

/// Single-pass orthography on a finished answer: case, apostrophes and quotes, and finger slips.
enum ByteStyler {
    private static let curlyApostrophe: [UInt8] = [0xE2, 0x80, 0x99]
    private static let curlySingleOpen: [UInt8] = [0xE2, 0x80, 0x98]
    private static let curlyOpen: [UInt8] = [0xE2, 0x80, 0x9C]
    private static let curlyClose: [UInt8] = [0xE2, 0x80, 0x9D]

    static func apply(_ style: WritingStyle, to bytes: inout [UInt8], _ rng: inout SeededRandom) {
        if style.lowercase {
            for i in bytes.indices where (65...90).contains(bytes[i]) { bytes[i] += 32 }
        } else if let first = bytes.first, (97...122).contains(first) {
            bytes[0] -= 32
        }
        switch style.apostrophes {
        case .straight: break
        case .dropped: bytes.removeAll { $0 == UInt8(ascii: "'") }
        case .curly: curl(&bytes)
        }
        let words = bytes.reduce(1) { $0 + ($1 == 32 ? 1 : 0) }
        if rng.chance(style.typoRate * (1 + Double(words) / 25)) { slip(&bytes, &rng) }
    }

    private static func curl(_ bytes: inout [UInt8]) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var openQuote = true
        var previous: UInt8 = 32
        for b in bytes {
            defer { previous = b }
            if b == UInt8(ascii: "'") {
                out.append(contentsOf: previous == 32 || previous == 40 ? curlySingleOpen : curlyApostrophe)
            } else if b == UInt8(ascii: "\"") {
                out.append(contentsOf: openQuote ? curlyOpen : curlyClose)
                openQuote.toggle()
            } else {
                out.append(b)
            }
        }
        bytes = out
    }

    private static let neighbours: [UInt8: [UInt8]] = {
        let rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"].map { Array($0.utf8) }
        var map: [UInt8: [UInt8]] = [:]
        for row in rows {
            for (i, key) in row.enumerated() {
                map[key] = [i > 0 ? row[i - 1] : nil, i + 1 < row.count ? row[i + 1] : nil].compactMap { $0 }
            }
        }
        return map
    }()

    /// One typing slip inside a word of four or more letters: a dropped, doubled, swapped or
    /// neighbouring-key letter.
    private static func slip(_ bytes: inout [UInt8], _ rng: inout SeededRandom) {
        func isLetter(_ i: Int) -> Bool { i >= 0 && i < bytes.count && (97...122).contains(bytes[i] | 0x20) && bytes[i] < 128 }
        for _ in 0..<6 {
            let i = rng.below(bytes.count)
            guard isLetter(i - 1), isLetter(i), isLetter(i + 1), isLetter(i + 2) || isLetter(i - 2) else { continue }
            switch rng.below(4) {
            case 0: bytes.remove(at: i)
            case 1: bytes.insert(bytes[i], at: i)
            case 2: bytes.swapAt(i, i + 1)
            default:
                if let keys = neighbours[bytes[i] | 0x20] { bytes[i] = rng.pick(keys) }
            }
            return
        }
    }
}
