/// Full UK postcodes, with or without the space and in any case: "SW1A 1AA", "eh12ng", "GIR 0AA".
///
/// Contract: outward code A9, A99, A9A, AA9, AA99 or AA9A and inward code 9AA, with Royal Mail's
/// letter rules (no Q, V, X first; no I, J, Z second; restricted third and fourth letters; no
/// C, I, K, M, O, V in the inward code), and the outward code's letters must be one of the UK's
/// postcode areas: statistical codes such as the Census table "KS201EW" have the shape of a
/// postcode but no area "KS", and must survive redaction and the chapter's publication check. A lone outward code ("E8", "SE15", "N17") is a
/// district, not an address: districts are what respondents mean by "postcode wars" and the
/// analysis needs them, so they are kept. A spaced inward part written as a lower-case ordinal
/// ("the A1 1st exit", "E8 2nd") is read as an ordinal and kept.
struct PIIPostcodePattern: PersonalDataPattern {
    let kind = PersonalDataKind.postcode

    func appendMatches(in scan: PIIScan, to matches: inout [PIIMatch]) {
        let text = scan.text
        guard text.hasDigit else { return }
        let runs = scan.codeRuns
        for k in runs.indices {
            let run = runs[k]
            if (5...7).contains(run.count), PIIByte.isDigit(text[run.upperBound - 3]) {
                let split = run.upperBound - 3
                if Self.isPostcode(outward: run.lowerBound..<split, inward: split..<run.upperBound, in: text) {
                    matches.append(PIIMatch(kind: kind, range: run))
                }
            } else if (2...4).contains(run.count), scan.nextRunFollowsSpace(k), runs[k + 1].count == 3,
                      PIIByte.isDigit(text[runs[k + 1].lowerBound]) {
                let inward = runs[k + 1]
                if Self.isPostcode(outward: run, inward: inward, in: text), !Self.isOrdinal(inward, in: text) {
                    matches.append(PIIMatch(kind: kind, range: run.lowerBound..<inward.upperBound))
                }
            }
        }
    }

    static func isPostcode(outward: Range<Int>, inward: Range<Int>, in text: PIIText) -> Bool {
        let o = text.bytes[outward].map(PIIByte.upper)
        let i = text.bytes[inward].map(PIIByte.upper)
        if o.elementsEqual("GIR".utf8), i.elementsEqual("0AA".utf8) { return true }
        return isOutward(o) && isInward(i)
    }

    /// The UK postcode areas (Royal Mail), plus the non-geographic BF (British Forces) and BX.
    static let areas: Set<String> = Set("""
        AB AL B BA BB BD BF BH BX BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX \
        FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG \
        NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS \
        TW UB W WA WC WD WF WN WR WS WV YO ZE
        """.split(separator: " ").map(String.init))

    private static func isOutward(_ o: [UInt8]) -> Bool {
        guard let first = o.first, PIIByte.isUpper(first), !"QVX".utf8.contains(first) else { return false }
        guard areas.contains(String(decoding: o.prefix { PIIByte.isUpper($0) }, as: UTF8.self)) else { return false }
        let rest = Array(o.dropFirst())
        let isDigit = PIIByte.isDigit
        switch rest.count {
        case 1:
            return isDigit(rest[0])
        case 2:
            if isDigit(rest[0]) { return isDigit(rest[1]) || "ABCDEFGHJKPSTUW".utf8.contains(rest[1]) }
            return isSecondLetter(rest[0]) && isDigit(rest[1])
        case 3:
            return isSecondLetter(rest[0]) && isDigit(rest[1])
                && (isDigit(rest[2]) || "ABEHMNPRVWXY".utf8.contains(rest[2]))
        default:
            return false
        }
    }

    private static func isSecondLetter(_ b: UInt8) -> Bool {
        PIIByte.isUpper(b) && !"IJZ".utf8.contains(b)
    }

    private static func isInward(_ i: [UInt8]) -> Bool {
        i.count == 3 && PIIByte.isDigit(i[0])
            && i.dropFirst().allSatisfy { PIIByte.isUpper($0) && !"CIKMOV".utf8.contains($0) }
    }

    /// "1st", "2nd", "3rd", "4th" in lower case.
    private static func isOrdinal(_ inward: Range<Int>, in text: PIIText) -> Bool {
        let b = Array(text.bytes[inward])
        guard PIIByte.isLower(b[1]), PIIByte.isLower(b[2]) else { return false }
        let suffix = String(decoding: b.dropFirst(), as: UTF8.self)
        switch b[0] {
        case UInt8(ascii: "1"): return suffix == "st"
        case UInt8(ascii: "2"): return suffix == "nd"
        case UInt8(ascii: "3"): return suffix == "rd"
        default: return suffix == "th"
        }
    }
}
