/// Writes a community respondent's five free-text answers so that they agree with the closed
/// answers: someone who had not heard of the Matrix says so, low trust reads critical, ticked
/// sources are the ones described, parents write as parents.
///
/// Each answer comes with the themes its phrases express, and may be blank (people skip open questions, more on paper and towards the end of the
/// form), a word or two, or several joined ideas with lead-ins, anecdotes and sign-offs.
struct CommunityAnswerWriter {
    let person: CommunityRespondent

    private func composer() -> TextComposer {
        TextComposer(style: person.style, borough: person.boroughName)
    }

    private func skips(_ base: Double, _ rng: inout SeededRandom) -> Bool {
        if person.skipsText { return true }
        let paper = person.online ? 1.0 : 1.7
        let terse = person.verbosity == 0 ? 1.3 : person.verbosity == 2 ? 0.6 : 1
        return rng.chance(min(0.95, base * paper * terse))
    }

    /// How many ideas a (non-blank) answer holds.
    private func ideaCount(_ rng: inout SeededRandom) -> Int {
        switch person.verbosity {
        case 0: rng.chance(0.88) ? 1 : 2
        case 1: rng.weightedIndex([0.45, 0.4, 0.15]) + 1
        default: rng.weightedIndex([0.25, 0.4, 0.35]) + 2
        }
    }

    func whatIs(_ rng: inout SeededRandom) -> CodedText {
        guard !skips(0.13, &rng) else { return CodedText(text: "", themes: []) }
        var c = composer()
        let crit = person.criticism
        switch person.aware {
        case "no":
            c.add(rng.pick(rng.chance(0.8) ? CommunityWhatIsPhrases.unaware : CommunityWhatIsPhrases.guess), &rng)
        case "not_sure":
            let pools = [CommunityWhatIsPhrases.vague, CommunityWhatIsPhrases.guess, CommunityWhatIsPhrases.misconception, CommunityWhatIsPhrases.unaware]
            c.add(rng.pick(pools[rng.weightedIndex([0.55, 0.2, 0.15, 0.1])]), &rng)
        default:
            let informed = Double(Int(person.understanding) ?? 3)
            let weights = [0.6 + informed * 0.35, informed <= 3 ? 1.0 : 0.3, crit * 2.4, (1 - crit) * 1.4]
            let first = rng.weightedIndex(weights)
            if rng.chance(0.25) { c.lead(CommunityWhatIsPhrases.hedges, &rng) }
            c.add(rng.pick(Self.whatIsPools[first]), &rng)
            if ideaCount(&rng) > 1 {
                // A second idea keeps the writer's stance: an account plus a verdict, or a verdict plus an account.
                if first == 0 && crit > 0.5 {
                    c.add(rng.pick(rng.chance(0.5) ? CommunityWhatIsPhrases.critical : concernPool(&rng)), &rng)
                } else if first == 0 && crit < 0.3 {
                    c.add(rng.pick(CommunityWhatIsPhrases.supportive), &rng)
                } else if first >= 2 {
                    c.add(rng.pick(CommunityWhatIsPhrases.accurate), &rng)
                }
            }
        }
        if person.aware != "yes" && person.verbosity == 2 && rng.chance(0.3) {
            c.add(CommunitySourcePhrases.afterthoughts[0], &rng)
        }
        return decorate(c.finish(&rng), &rng)
    }

    func sourcesDetail(_ rng: inout SeededRandom) -> CodedText {
        let ticked = person.sources.filter { $0 != "none" }
        guard !skips(ticked.isEmpty ? 0.55 : 0.28, &rng) else { return CodedText(text: "", themes: []) }
        var c = composer()
        if ticked.isEmpty {
            c.add(rng.pick(CommunitySourcePhrases.none), &rng)
        } else {
            let described = min(ticked.count, person.verbosity == 0 ? 1 : rng.int(in: 1...2))
            var order = ticked
            for i in 0..<described {
                order.swapAt(i, i + rng.below(order.count - i))
                c.add(rng.pick(CommunitySourcePhrases.phrases(for: order[i])), &rng)
            }
            if person.verbosity > 0 && rng.chance(person.criticism * 0.4) {
                c.add(rng.pick(CommunitySourcePhrases.afterthoughts), &rng)
            }
        }
        return decorate(c.finish(&rng), &rng)
    }

    func concerns(_ rng: inout SeededRandom) -> CodedText {
        guard !skips(0.19, &rng) else { return CodedText(text: "", themes: []) }
        var c = composer()
        if person.aware == "no" && rng.chance(0.7) {
            c.add(rng.pick(CommunityConcernPhrases.unaware), &rng)
            return decorate(c.finish(&rng), &rng)
        }
        let crit = person.criticism
        let support = 1 - crit
        let standalone = [CommunityConcernPhrases.none, CommunityConcernPhrases.supportive]
        let pick = rng.weightedIndex([support * 1.2 + (person.aware == "no" ? 0.5 : 0), support * 2.2, 0.2, crit * 3])
        if pick < 2 && rng.chance(0.85) {
            c.add(rng.pick(standalone[pick]), &rng)
            if pick == 1 && person.verbosity > 0 && rng.chance(0.4) { c.add(rng.pick(CommunityConcernPhrases.conditional), &rng) }
            return decorate(c.finish(&rng), &rng)
        }
        if pick == 2 {
            c.add(rng.pick(CommunityConcernPhrases.offTopic), &rng)
            return decorate(c.finish(&rng), &rng)
        }
        let count = person.aware == "no" ? 1 : ideaCount(&rng)
        if count >= 3 && rng.chance(0.35) { c.lead(CommunityFramingPhrases.intros, &rng) } else if rng.chance(0.12) {
            c.lead(CommunityFramingPhrases.leads, &rng)
        }
        let weights = concernWeights
        var used = Set<Int>()
        for _ in 0..<count {
            let index = rng.weightedIndex(weights)
            guard used.insert(index).inserted else { continue }
            c.add(rng.pick(Self.concernPools[index]), &rng)
        }
        if count >= 2 && rng.chance(0.18) { c.close(CommunityFramingPhrases.closers, &rng) }
        return decorate(c.finish(&rng), &rng)
    }

    func otherTools(_ rng: inout SeededRandom) -> CodedText {
        guard !skips(0.3, &rng) else { return CodedText(text: "", themes: []) }
        var c = composer()
        let crit = person.criticism
        let unaware = person.aware == "no" ? 2.5 : 0.6
        let pools = Self.toolPools
        let weights = [crit * 3, 1.1, (1 - crit) * 2.6, unaware, 0.5, crit * (person.isYoung || person.isParent ? 1.6 : 0.5)]
        var index = rng.weightedIndex(weights)
        c.add(rng.pick(pools[index]), &rng)
        if index != 3 {
            // Follow-up ideas keep the stance: no "stop and search is needed" after a complaint, or the reverse.
            let supportive = index == 2
            let excluded: Set<Int> = supportive ? [0, 1, 3, 5] : [2, 3]
            for _ in 1..<ideaCount(&rng) {
                index = rng.weightedIndex(weights.enumerated().map { excluded.contains($0.offset) || $0.offset == index ? 0 : $0.element })
                c.add(rng.pick(supportive || rng.chance(0.85) ? pools[index] : concernPool(&rng)), &rng)
            }
        }
        return decorate(c.finish(&rng), &rng)
    }

    func help(_ rng: inout SeededRandom) -> CodedText {
        guard !skips(0.26, &rng) else { return CodedText(text: "", themes: []) }
        var c = composer()
        let crit = person.criticism
        let pools = Self.helpPools
        let weights = [2.4, 1 + crit, 2.6, 0.8 + crit * 0.6, crit * (person.isBlack && person.isYoung ? 2.2 : 0.9) * (person.aware == "no" ? 0.3 : 1), crit * 0.8, 1, 0.25]
        var used = Set<Int>()
        for n in 0..<ideaCount(&rng) {
            let index = rng.weightedIndex(weights)
            if index >= 6 && n > 0 { continue }
            guard used.insert(index).inserted else { continue }
            c.add(rng.pick(pools[index]), &rng)
            if index >= 6 { break }
        }
        if rng.chance(0.05) { c.close(CommunityFramingPhrases.closers, &rng) }
        return decorate(c.finish(&rng), &rng)
    }

    private static let whatIsPools = [
        CommunityWhatIsPhrases.accurate, CommunityWhatIsPhrases.misconception, CommunityWhatIsPhrases.critical, CommunityWhatIsPhrases.supportive,
    ]
    private static let toolPools = [
        CommunityToolsPhrases.sameAsStopSearch, CommunityToolsPhrases.otherLists, CommunityToolsPhrases.supportsTools,
        CommunityToolsPhrases.unsure, CommunityToolsPhrases.separate, CommunityToolsPhrases.experience,
    ]
    private static let helpPools = [
        CommunityHelpPhrases.transparency, CommunityHelpPhrases.notification, CommunityHelpPhrases.engagement,
        CommunityHelpPhrases.oversight, CommunityHelpPhrases.abolish, CommunityHelpPhrases.pessimistic,
        CommunityHelpPhrases.unsure, CommunityHelpPhrases.offTopic,
    ]
    private static let concernPools: [[Phrases]] = [
        CommunityConcernPhrases.racial, CommunityConcernPhrases.age, CommunityConcernPhrases.association, CommunityConcernPhrases.stigma,
        CommunityConcernPhrases.enforcement, CommunityConcernPhrases.services, CommunityConcernPhrases.sharing, CommunityConcernPhrases.rights,
        CommunityConcernPhrases.challenge, CommunityConcernPhrases.notTold, CommunityConcernPhrases.criteria, CommunityConcernPhrases.ineffective,
        CommunityConcernPhrases.victims, CommunityConcernPhrases.lowTrust, CommunityConcernPhrases.fear, CommunityConcernPhrases.conditional,
        CommunityConcernPhrases.stories,
    ]

    /// Weights over `concernPools` for this person.
    private var concernWeights: [Double] {
        let c = person.criticism
        let young = person.isYoung ? 1.4 : 1
        let parent = person.isParent ? 1.6 : 0.5
        let knows = person.aware == "yes" ? 1.4 : 0.7
        return [c * 3 * (person.isBlack ? 1.4 : 1), c * 1.4 * (person.isParent ? 1.6 : 1), c * 2.2 * young, c * 1.5,
                c * 2.2 * young, c * 1.2 * (person.isParent ? 1.4 : 1), c * 1.1 * knows, c * (person.isOlder ? 1.4 : 0.9),
                c, c * parent, c + (person.aware == "yes" ? 0 : 0.5), c * 1.3,
                c * 0.45, c * 1.5, c * parent, (1 - c) * 1.6 + 0.2, c * 2.6]
    }

    private func concernPool(_ rng: inout SeededRandom) -> [Phrases] {
        Self.concernPools[rng.weightedIndex(concernWeights)]
    }

    private func decorate(_ coded: CodedText, _ rng: inout SeededRandom) -> CodedText {
        TextDecorations.apply(coded, style: person.style, online: person.online, &rng)
    }
}
