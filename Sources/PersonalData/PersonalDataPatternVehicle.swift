/// UK vehicle registrations in the current (2001 onwards) format: "AB12 CDE" or "AB12CDE".
///
/// Contract: two memory-tag letters (first one of A-H, K-P, R, S, V, W, Y; second not I, Q or
/// Z), an age identifier 02-29 (March) or 51-79 (September), and three letters other than I and
/// Q. All upper case or all lower case: mixed case ("Se15 Mob") is ordinary prose. Older
/// formats and private plates are not detected.
struct PIIVehiclePattern: PersonalDataPattern {
    let kind = PersonalDataKind.vehicle

    func appendMatches(in scan: PIIScan, to matches: inout [PIIMatch]) {
        let text = scan.text
        guard text.hasDigit else { return }
        let runs = scan.codeRuns
        for k in runs.indices {
            let run = runs[k]
            guard run.count >= 4, PIIByte.isDigit(text[run.lowerBound + 2]),
                  PIIByte.isDigit(text[run.lowerBound + 3])
            else { continue }
            if run.count == 7 {
                if Self.isRegistration(Array(text.bytes[run])) {
                    matches.append(PIIMatch(kind: kind, range: run))
                }
            } else if run.count == 4, scan.nextRunFollowsSpace(k), runs[k + 1].count == 3 {
                if Self.isRegistration(Array(text.bytes[run]) + text.bytes[runs[k + 1]]) {
                    matches.append(PIIMatch(kind: kind, range: run.lowerBound..<runs[k + 1].upperBound))
                }
            }
        }
    }

    /// `plate` is the seven characters without the space.
    static func isRegistration(_ plate: [UInt8]) -> Bool {
        let letters = plate[0..<2] + plate[4..<7]
        let upper = letters.allSatisfy(PIIByte.isUpper)
        guard upper || letters.allSatisfy(PIIByte.isLower) else { return false }
        let p = plate.map(PIIByte.upper)
        guard "ABCDEFGHKLMNOPRSVWY".utf8.contains(p[0]), !"IQZ".utf8.contains(p[1]),
              PIIByte.isDigit(p[2]), PIIByte.isDigit(p[3]),
              p[4...].allSatisfy({ !"IQ".utf8.contains($0) })
        else { return false }
        let age = Int(p[2] - 0x30) * 10 + Int(p[3] - 0x30)
        return (2...29).contains(age) || (51...79).contains(age)
    }
}
