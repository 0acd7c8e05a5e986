/// Email addresses: `local@domain.tld`, including internationalised (punycode or Unicode) domains.
///
/// Contract: the local part is letters and digits of any script and `._%+-`; the domain has at least two
/// dot-separated labels and ends in a top-level label of two or more letters or an `xn--` label.
/// "info@presidio." (no top-level label) and "hello-world" are not addresses.
struct PIIEmailPattern: PersonalDataPattern {
    let kind = PersonalDataKind.email

    func appendMatches(in scan: PIIScan, to matches: inout [PIIMatch]) {
        let text = scan.text
        guard text.hasAt else { return }
        for at in 0..<text.count where text[at] == UInt8(ascii: "@") {
            if let range = Self.address(around: at, in: text) {
                matches.append(PIIMatch(kind: kind, range: range))
            }
        }
    }

    /// The address whose "@" is at byte `at`, if the bytes around it form one.
    static func address(around at: Int, in text: PIIText) -> Range<Int>? {
        var start = at
        while let previous = text.scalarStart(before: start),
              isLocalByte(text[previous]) || (text[previous] >= 0x80 && text.isWordCharacter(at: previous)) {
            start = previous
        }
        while start < at, text[start] == UInt8(ascii: ".") { start += 1 }
        guard start < at else { return nil }
        guard let domain = PIIDomain.parse(from: at + 1, in: text),
              PIIDomain.isTopLevelLabel(domain.topLevel, in: text)
        else { return nil }
        return start..<domain.end
    }

    private static func isLocalByte(_ b: UInt8) -> Bool {
        PIIByte.isAlphanumeric(b) || b == UInt8(ascii: ".") || b == UInt8(ascii: "_")
            || b == UInt8(ascii: "%") || b == UInt8(ascii: "+") || b == UInt8(ascii: "-")
    }
}
