/// National Insurance numbers: "AB 12 34 56 C", "AB123456C", "PR 123612C", any case.
///
/// Contract: two prefix letters, six digits in pairs that may be separated by single spaces,
/// and a suffix A-D. The prefix follows HMRC's rules: first letter not D, F, I, Q, U or V;
/// second not D, F, I, O, Q, U or V; and never BG, GB, KN, NK, NT, TN or ZZ. Without the
/// suffix letter the number is not matched (too close to ordinary reference codes).
struct PIININOPattern: PersonalDataPattern {
    let kind = PersonalDataKind.nino

    private static let refusedPrefixes: Set<String> = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"]

    func appendMatches(in scan: PIIScan, to matches: inout [PIIMatch]) {
        let text = scan.text
        guard text.hasDigit else { return }
        let runs = scan.codeRuns
        for k in runs.indices where Self.mayStartNumber(runs[k], in: text) {
            var characters = Array(text.bytes[runs[k]])
            var splits: [Int] = []
            var last = k
            while characters.count < 9, scan.nextRunFollowsSpace(last) {
                splits.append(characters.count)
                last += 1
                characters += text.bytes[runs[last]]
            }
            guard characters.count == 9, splits.allSatisfy({ [2, 4, 6, 8].contains($0) }),
                  Self.isNumber(characters.map(PIIByte.upper))
            else { continue }
            matches.append(PIIMatch(kind: kind, range: runs[k].lowerBound..<runs[last].upperBound))
        }
    }

    /// Two letters then a digit, or just two letters: the only ways a number's first run begins.
    private static func mayStartNumber(_ run: Range<Int>, in text: PIIText) -> Bool {
        guard [2, 4, 6, 8, 9].contains(run.count), PIIByte.isLetter(text[run.lowerBound]),
              PIIByte.isLetter(text[run.lowerBound + 1])
        else { return false }
        return run.count == 2 || PIIByte.isDigit(text[run.lowerBound + 2])
    }

    /// `n` is the nine characters in upper case without spaces.
    static func isNumber(_ n: [UInt8]) -> Bool {
        guard n.count == 9, PIIByte.isUpper(n[0]), PIIByte.isUpper(n[1]),
              !"DFIQUV".utf8.contains(n[0]), !"DFIOQUV".utf8.contains(n[1]),
              !refusedPrefixes.contains(String(decoding: n[0..<2], as: UTF8.self)),
              n[2..<8].allSatisfy(PIIByte.isDigit), "ABCD".utf8.contains(n[8])
        else { return false }
        return true
    }
}
