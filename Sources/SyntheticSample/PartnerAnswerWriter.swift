/// Writes a partner respondent's four free-text answers, each with the themes it expresses, in
/// keeping with their sector, familiarity, briefing and confidence (a police officer explains and
/// defends; a housing officer describes lists arriving; a youth worker worries about trust and stigma).
struct PartnerAnswerWriter {
    let person: PartnerRespondent

    private static let leads: [String: Phrases] = [
        "police": Phrases(["From a policing perspective,", "Speaking as an officer,", "In this borough", "In my experience"]),
        "local_authority": Phrases(["From a community safety perspective,", "In our borough", "Speaking for the council,", "In my experience"]),
        "housing": Phrases(["From a housing perspective,", "As a housing provider", "In my role as a housing officer"]),
        "education": Phrases(["As a DSL,", "From a school's point of view,", "As a head of year"]),
        "youth_service": Phrases(["As a youth worker,", "From where we sit,", "Speaking for our youth team,"]),
        "health": Phrases(["From a health perspective,", "As a clinician,", "In the NHS"]),
        "voluntary": Phrases(["In our experience as a charity,", "From the families we support,", "As a small community organisation"]),
        "other": Phrases(["In my role,", "For what it's worth,", "From my experience"]),
    ]

    private var sector: String { person.sector.isEmpty ? "other" : person.sector }

    private func composer() -> TextComposer {
        TextComposer(style: person.style, borough: Array("the borough".utf8))
    }

    private func skips(_ base: Double, _ rng: inout SeededRandom) -> Bool {
        rng.chance(base * (person.verbosity == 0 ? 1.4 : 1))
    }

    private func ideas(_ rng: inout SeededRandom) -> Int {
        [1, rng.int(in: 1...2), rng.int(in: 2...3)][person.verbosity]
    }

    private func maybeLead(_ c: inout TextComposer, _ rng: inout SeededRandom) {
        if rng.chance(0.15), let lead = Self.leads[sector] { c.lead(lead, &rng) }
    }

    func purpose(_ rng: inout SeededRandom) -> CodedText {
        guard !skips(0.08, &rng) else { return CodedText(text: "", themes: []) }
        var c = composer()
        if sector == "police" {
            c.add(rng.pick(PartnerPurposePhrases.policeAccount), &rng)
            if person.verbosity > 0 && rng.chance(1 - person.criticism) { c.add(rng.pick(PartnerPurposePhrases.policeDefence), &rng) }
            return TextDecorations.apply(c.finish(&rng), style: person.style, online: person.online, &rng)
        }
        let f = Double(person.familiarity)
        let pools = [PartnerPurposePhrases.accurate, PartnerPurposePhrases.vague, PartnerPurposePhrases.critical,
                     PartnerPurposePhrases.misconception, PartnerPurposePhrases.unsure]
        let index = rng.weightedIndex([f * 0.8, 3 - min(f, 3) * 0.6, person.criticism * f * 0.6, 0.35, f <= 2 ? 2 : 0.1])
        c.add(rng.pick(pools[index]), &rng)
        if index == 0 && person.verbosity == 2 && person.criticism > 0.5 { c.add(rng.pick(PartnerPurposePhrases.critical), &rng) }
        return TextDecorations.apply(c.finish(&rng), style: person.style, online: person.online, &rng)
    }

    func sharing(_ rng: inout SeededRandom) -> CodedText {
        guard !skips(0.14, &rng) else { return CodedText(text: "", themes: []) }
        var c = composer()
        let unbriefed = person.briefed != "yes" && sector != "police"
        if unbriefed && person.familiarity <= 2 && rng.chance(0.6) {
            c.add(rng.pick(PartnerSharingPhrases.none), &rng)
            return TextDecorations.apply(c.finish(&rng), style: person.style, online: person.online, &rng)
        }
        maybeLead(&c, &rng)
        let own = PartnerSharingPhrases.pool(for: sector)
        for n in 0..<ideas(&rng) {
            c.add(rng.pick(n > 0 && rng.chance(0.5) && sector != "police" ? PartnerSharingPhrases.anySector : own), &rng)
        }
        if unbriefed && rng.chance(0.45) { c.add(Self.neverBriefed, &rng) }
        return TextDecorations.apply(c.finish(&rng), style: person.style, online: person.online, &rng)
    }

    func otherTools(_ rng: inout SeededRandom) -> CodedText {
        guard !skips(0.22, &rng) else { return CodedText(text: "", themes: []) }
        var c = composer()
        let pools = [PartnerToolsPhrases.police, PartnerToolsPhrases.overlap, PartnerToolsPhrases.unclear, PartnerToolsPhrases.concern,
                     PartnerToolsPhrases.moreOverlap]
        let weights = sector == "police" ? [4, 0.8, 0.2, 0.3 * person.criticism, 0.2]
            : [0.3, 1.4, Double(4 - min(person.familiarity, 4)), 1.6 * person.criticism, 1.2]
        var used = Set<Int>()
        for n in 0..<ideas(&rng) {
            let index = rng.weightedIndex(weights)
            guard used.insert(index).inserted else { continue }
            if n == 0 && index != 2 { maybeLead(&c, &rng) }
            c.add(rng.pick(pools[index]), &rng)
            if index == 2 { break }
        }
        return TextDecorations.apply(c.finish(&rng), style: person.style, online: person.online, &rng)
    }

    func help(_ rng: inout SeededRandom) -> CodedText {
        guard !skips(0.16, &rng) else { return CodedText(text: "", themes: []) }
        var c = composer()
        let pools = [PartnerHelpPhrases.guidance, PartnerHelpPhrases.publicInformation, PartnerHelpPhrases.rights,
                     PartnerHelpPhrases.engagement, PartnerHelpPhrases.more, PartnerHelpPhrases.defend, PartnerHelpPhrases.abolish,
                     PartnerHelpPhrases.unsure]
        let crit = person.criticism
        let police = sector == "police"
        let weights = [police ? 1.5 : 3, 2.2, 0.6 + crit * 1.5, 1.4, 2, police ? 3 : 0.2, police ? 0 : crit * 0.5, 0.4]
        var used = Set<Int>()
        for n in 0..<ideas(&rng) {
            let index = rng.weightedIndex(weights)
            if index == 7 && n > 0 { continue }
            guard used.insert(index).inserted else { continue }
            c.add(rng.pick(pools[index]), &rng)
            if index >= 6 { break }
        }
        return TextDecorations.apply(c.finish(&rng), style: person.style, online: person.online, &rng)
    }

    private static let neverBriefed = Phrases(themes: [.infoNone], ["We have never had a briefing or any written guidance", "There has been no briefing for our staff",
                                                "Nobody has ever briefed us on it", "No guidance has ever been provided"])
}
