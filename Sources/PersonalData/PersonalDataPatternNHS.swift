/// NHS numbers: ten digits as "401 023 2137", "401-023-2137" or "4010232137" whose tenth digit
/// is the mod-11 check digit of the first nine.
///
/// Why: a health identifier in a consultation answer is special-category adjacent and uniquely
/// identifying. The checksum keeps ordinary ten-digit numbers (one in eleven pass by chance,
/// so some are still redacted) out; all-same-digit numbers are refused.
struct PIINHSNumberPattern: PersonalDataPattern {
    let kind = PersonalDataKind.nhs

    func appendMatches(in scan: PIIScan, to matches: inout [PIIMatch]) {
        let text = scan.text
        guard text.hasDigit else { return }
        var i = 0
        while i < text.count {
            guard PIIByte.isDigit(text[i]), PIIDigitGroups.canStart(at: i, in: text) else {
                i += 1
                continue
            }
            let groups = PIIDigitGroups(from: i, in: text, maxDigits: 11)
            if let (end, count) = groups.groupEnds.last, count == 10,
               groups.groupSizes == [10] || groups.groupSizes == [3, 3, 4],
               PIIDigitGroups.canEnd(at: end, in: text), Self.hasValidCheckDigit(groups.digits) {
                matches.append(PIIMatch(kind: kind, range: i..<end))
                i = end
            } else {
                i = groups.groupEnds.first?.end ?? i + 1
            }
        }
    }

    static func hasValidCheckDigit(_ digits: [UInt8]) -> Bool {
        guard digits.count == 10, Set(digits).count > 1 else { return false }
        let sum = zip(digits.prefix(9), (2...10).reversed()).reduce(0) { $0 + Int($1.0) * $1.1 }
        let check = (11 - sum % 11) % 11
        return check != 10 && UInt8(check) == digits[9]
    }
}
