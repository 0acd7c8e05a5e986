/// Personal names where the context gives them away; the cue itself is kept, only the name goes.
///
/// Contract (cues in `PIINameCues`):
/// - "my name is Jo" / "my name's jo" / "Name: jo bloggs": the next one to three words,
///   capitalised or all in lower case, unless ordinary words ("my name is on the matrix").
/// - "his name is Tyrone", "called Jay", "named Kai", "call me Jo", "known as", "aka", a
///   greeting with "I'm" ("Hi, I'm Sarah"), a relation after a possessive ("my son Jayden",
///   "our eldest daughter, Amira", "my son (Jayden)"), a title ("Mr Smith", "PC J. Jones", "Det Sgt Khan"): the
///   next one to three capitalised words, with initials, stopping at "'s".
/// - A sign-off at the very end ("Thanks, Jo", "- Jo Bloggs", "Kind regards\nSam"): the last
///   one to three capitalised words, when nothing but punctuation or emoji follows (see
///   `signature(in:)`).
/// - A word is never a name when it is a function word or one of this consultation's
///   capitalised words ("Matrix", "Met", "Police", "Worried"); after a comma or in a sign-off,
///   borough, area and ethnic-group words are not names either. "I'm Worried" has no cue.
/// Names without a cue ("Jo was stopped") are not detected.
struct PIINamePattern: PersonalDataPattern {
    let kind = PersonalDataKind.name

    /// What a cue says about the words after it.
    struct Refusals {
        /// "my name is jo": a lower-case name is accepted (the whole run in lower case).
        var lowercaseAllowed = false
        /// Weak cues (comma apposition, "called", sign-offs) also refuse place and group words.
        var placesAreNotNames = false
    }

    /// A cue found at some word: where the name would start and how to read it.
    private struct Cue {
        var firstWord: Int
        var refusals = Refusals()
        /// "my sons Kai and Reece": a second name may follow "and".
        var mayNameTwo = false
    }

    func appendMatches(in scan: PIIScan, to matches: inout [PIIMatch]) {
        let words = scan.words
        guard words.count >= 2 else { return }
        var i = 0
        while i < words.count {
            if let cue = cue(at: i, in: scan), let run = nameRun(from: cue.firstWord, cue.refusals, in: scan) {
                matches.append(PIIMatch(kind: kind, range: run.bytes))
                var last = run.lastWord
                if cue.mayNameTwo, words.matches(["and"], at: last + 1), PIIWords.isSpaces(words.gap(before: last + 1)),
                   last + 2 < words.count, PIIWords.isSpaces(words.gap(before: last + 2)),
                   let second = nameRun(from: last + 2, cue.refusals, in: scan) {
                    matches.append(PIIMatch(kind: kind, range: second.bytes))
                    last = second.lastWord
                }
                i = last + 1
            } else {
                i += 1
            }
        }
        if let signature = signature(in: scan) {
            matches.append(PIIMatch(kind: kind, range: signature))
        }
    }

    /// The cue that word `i` begins, if any.
    private func cue(at i: Int, in scan: PIIScan) -> Cue? {
        let words = scan.words
        let roles = words[i].roles
        guard !roles.isDisjoint(with: .nameCue) else { return nil }
        let key = words[i].key
        for phrase in PIINameCues.selfStatements where words.matches(phrase, at: i) {
            let refusals = Refusals(lowercaseAllowed: true)
            return after(i + phrase.count - 1, in: scan).map { Cue(firstWord: $0, refusals: refusals) }
        }
        if key == "name", i + 1 < words.count, isLabelGap(words.gap(after: i)) {
            return Cue(firstWord: i + 1, refusals: Refusals(lowercaseAllowed: true))
        }
        for phrase in PIINameCues.labels where words.matches(phrase, at: i) {
            let refusals = Refusals(placesAreNotNames: !phrase.contains("name") && !phrase.contains("name's"))
            return after(i + phrase.count - 1, in: scan).map { Cue(firstWord: $0, refusals: refusals) }
        }
        if roles.contains(.greeting), let intro = introduction(after: i, in: scan) {
            return Cue(firstWord: intro)
        }
        if !roles.isDisjoint(with: [.relation, .pluralRelation]), i + 1 < words.count,
           hasPossessive(before: i, in: scan) {
            let gap = words.gap(before: i + 1)
            let plural = roles.contains(.pluralRelation)
            if PIIWords.isSpaces(gap) { return Cue(firstWord: i + 1, mayNameTwo: plural) }
            if isCommaGap(gap) || isOpeningBracketGap(gap) {
                return Cue(firstWord: i + 1, refusals: Refusals(placesAreNotNames: true), mayNameTwo: plural)
            }
            return nil
        }
        if isTitle(words[i], in: scan) {
            var j = i
            while j + 1 < words.count, isTitle(words[j + 1], in: scan), isTitleGap(words.gap(before: j + 1)) { j += 1 }
            guard j + 1 < words.count, isTitleGap(words.gap(before: j + 1)) else { return nil }
            return Cue(firstWord: j + 1)
        }
        return nil
    }

    /// The word after word `i` when only spaces separate them.
    private func after(_ i: Int, in scan: PIIScan) -> Int? {
        guard i + 1 < scan.words.count, PIIWords.isSpaces(scan.words.gap(before: i + 1)) else { return nil }
        return i + 1
    }

    /// "Hi, I'm", "Hello there, this is": the word after the introduction.
    private func introduction(after greeting: Int, in scan: PIIScan) -> Int? {
        let words = scan.words
        var j = greeting + 1
        if j < words.count, PIINameCues.greetingFillers.contains(words[j].key),
           PIIWords.isSpaces(words.gap(before: j)) {
            j += 1
        }
        guard j < words.count, isSpacesOrComma(words.gap(before: j)) else { return nil }
        for phrase in PIINameCues.introductions where words.matches(phrase, at: j) {
            return after(j + phrase.count - 1, in: scan)
        }
        return nil
    }

    private func hasPossessive(before i: Int, in scan: PIIScan) -> Bool {
        let words = scan.words
        var j = i - 1
        while j >= 0, j >= i - 4, PIIWords.isSpaces(words.gap(before: j + 1)) {
            if words[j].roles.contains(.possessive) { return true }
            j -= 1
        }
        return false
    }

    private func isTitle(_ word: PIIWord, in scan: PIIScan) -> Bool {
        if word.isCapitalised {
            return word.roles.contains(.title)
                && PIINameCues.titles.contains(String(decoding: scan.text.bytes[word.start..<word.end], as: UTF8.self))
        }
        return word.roles.contains(.lowercaseTitle)
    }

    /// The one to three name words starting at word `first`, as a byte range, and the index of
    /// the last word used.
    func nameRun(from first: Int, _ refusals: Refusals, in scan: PIIScan) -> (bytes: Range<Int>, lastWord: Int)? {
        let words = scan.words
        var k = first
        var names = 0
        var end: Int?
        var last = first
        let lowercaseRun = refusals.lowercaseAllowed && !words[first].isCapitalised
        while k < words.count, names < 3 {
            if names > 0 || k > first, !isNameGap(words.gap(before: k), afterInitial: isInitial(words[k - 1])) { break }
            let word = words[k]
            if isInitial(word) {
                k += 1
                continue
            }
            guard let wordEnd = nameEnd(word, lowercaseAllowed: lowercaseRun,
                                        placesAreNotNames: refusals.placesAreNotNames, in: scan)
            else { break }
            end = wordEnd
            last = k
            names += 1
            if wordEnd < word.end { break }
            k += 1
        }
        guard let end else { return nil }
        return (words[first].start..<end, last)
    }

    /// Where the name in `word` ends (before a possessive "'s"), or nil when it is not a name.
    private func nameEnd(_ word: PIIWord, lowercaseAllowed: Bool, placesAreNotNames: Bool, in scan: PIIScan) -> Int? {
        guard word.isLettersOnly, word.end - word.start <= 40 else { return nil }
        var roles = word.roles
        var end = word.end
        var length = word.key.utf8.count
        if word.key.hasSuffix("'s") {
            end -= scan.text[end - 2] == UInt8(ascii: "'") ? 2 : 4
            length -= 2
            roles = PIIWordRoles.of(String(word.key.dropLast(2)))
        }
        var refused: PIIWordRoles = [.function, .notName]
        if placesAreNotNames { refused.insert(.place) }
        guard length >= 2, roles.isDisjoint(with: refused) else { return nil }
        if word.isCapitalised { return end }
        guard lowercaseAllowed, PIIByte.isLower(scan.text[word.start]), !roles.contains(.notLowercaseName) else {
            return nil
        }
        return end
    }

    /// A single capital letter other than "I": an initial ("Mr J Smith", "PC J. Jones").
    private func isInitial(_ word: PIIWord) -> Bool {
        word.end - word.start == 1 && word.isCapitalised && word.key != "i"
    }

    private func isNameGap(_ gap: ArraySlice<UInt8>, afterInitial: Bool) -> Bool {
        if PIIWords.isSpaces(gap) { return true }
        guard afterInitial, gap.first == UInt8(ascii: ".") else { return false }
        return gap.count == 1 || PIIWords.isSpaces(gap.dropFirst())
    }

    /// "Mr Smith", "Mr. Smith".
    private func isTitleGap(_ gap: ArraySlice<UInt8>) -> Bool {
        PIIWords.isSpaces(gap) || (gap.first == UInt8(ascii: ".") && PIIWords.isSpaces(gap.dropFirst()))
    }

    /// "Name: Jo", "name - jo".
    private func isLabelGap(_ gap: ArraySlice<UInt8>) -> Bool {
        let marks = gap.filter { !PIIByte.isSpaceOrTab($0) }
        return marks.count == 1 && (marks[0] == UInt8(ascii: ":") || marks[0] == UInt8(ascii: "-"))
    }

    private func isCommaGap(_ gap: ArraySlice<UInt8>) -> Bool {
        gap.first == UInt8(ascii: ",") && PIIWords.isSpaces(gap.dropFirst())
    }

    /// "my son (Jayden) was stopped".
    private func isOpeningBracketGap(_ gap: ArraySlice<UInt8>) -> Bool {
        gap.last == UInt8(ascii: "(") && gap.dropLast().allSatisfy(PIIByte.isSpaceOrTab)
    }

    private func isSpacesOrComma(_ gap: ArraySlice<UInt8>) -> Bool {
        PIIWords.isSpaces(gap) || isCommaGap(gap)
    }
}
