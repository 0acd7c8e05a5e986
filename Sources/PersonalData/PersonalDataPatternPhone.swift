/// Telephone numbers: UK numbers in national or international form, and other international
/// numbers written with "+".
///
/// Contract:
/// - National: starts with 0, second digit 1, 2, 3, 5, 7, 8 or 9; 11 digits, or 10 for the
///   01, 05 and 08 ranges ("0800 123 456"). Groups may be spaced, hyphenated, dotted or
///   bracketed: "07700 900123", "(020) 7946 0000", "0800-123-4567".
/// - International: "+44" or "0044", an optional "(0)", then the national number without its
///   0 (9 or 10 digits); any other "+" country code with 8-15 digits in all, or after "00"
///   with 9-13 digits.
/// - Years, counts ("3,806"), "24/7", "Section 60" and decimals never start with 0 or "+",
///   or are far too short, so they are not numbers here.
/// - When more digits follow, the longest valid leading part is taken.
struct PIIPhonePattern: PersonalDataPattern {
    let kind = PersonalDataKind.phone

    func appendMatches(in scan: PIIScan, to matches: inout [PIIMatch]) {
        let text = scan.text
        guard text.hasDigit else { return }
        var i = 0
        while i < text.count {
            let b = text[i]
            guard b == UInt8(ascii: "0") || b == UInt8(ascii: "+") || b == UInt8(ascii: "("),
                  PIIDigitGroups.canStart(at: i, in: text),
                  let end = Self.numberEnd(from: i, in: text)
            else {
                i += 1
                continue
            }
            matches.append(PIIMatch(kind: kind, range: i..<end))
            i = end
        }
    }

    private static func numberEnd(from start: Int, in text: PIIText) -> Int? {
        let groups = PIIDigitGroups(from: start, in: text, maxDigits: 16)
        let international = text[start] == UInt8(ascii: "+")
        for (end, count) in groups.groupEnds.reversed()
        where isValid(Array(groups.digits.prefix(count)), international: international)
            && PIIDigitGroups.canEnd(at: end, in: text) {
            return end
        }
        return nil
    }

    static func isValid(_ digits: [UInt8], international: Bool) -> Bool {
        if international {
            if digits.starts(with: [4, 4]) { return isUKSubscriber(digits.dropFirst(2)) }
            return digits.first != 0 && (8...15).contains(digits.count)
        }
        guard digits.first == 0 else { return false }
        if digits.starts(with: [0, 0]) {
            if digits.dropFirst(2).starts(with: [4, 4]) { return isUKSubscriber(digits.dropFirst(4)) }
            return digits.dropFirst(2).first != 0 && (9...13).contains(digits.count - 2)
        }
        switch digits.count {
        case 11: return [1, 2, 3, 5, 7, 8, 9].contains(digits[1])
        case 10: return [1, 5, 8].contains(digits[1])
        default: return false
        }
    }

    /// The UK national number after the country code, with or without the trunk "0".
    private static func isUKSubscriber(_ digits: ArraySlice<UInt8>) -> Bool {
        let number = digits.first == 0 ? digits.dropFirst() : digits
        guard let first = number.first else { return false }
        return (9...10).contains(number.count) && [1, 2, 3, 5, 7, 8, 9].contains(first)
    }
}
