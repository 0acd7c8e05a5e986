import Foundation

/// Writes one synthetic focus-group transcript in the import format of
/// `focus-group-protocol.yaml`: YAML front matter (plus `synthetic: true`), a title line that says
/// the session is synthetic, then turns as `Facilitator: ...` or `P<n>: ...`, with occasional
/// unlabelled continuation lines. A session has 40-90 turns.
///
/// Each participant turn carries the themes of the phrases spoken in it (reactions, lead-ins and
/// trail-offs carry none). A turn someone cuts in on keeps only its first idea's themes, since
/// the cut leaves two thirds of its first sentence.
struct FocusGroupWriter {
    let plan: FocusGroupPlan

    private struct Turn {
        /// 0 for the facilitator, else the participant number.
        let speaker: Int
        var text: String
        /// A full-length contribution that someone may cut in on.
        var interruptible = false
        var themes: ThemeSet = []
        /// The themes of the turn's first idea: what is left if it is cut off.
        var firstIdeaThemes: ThemeSet = []

        init(speaker: Int, text: String, interruptible: Bool = false) {
            self.speaker = speaker
            self.text = text
            self.interruptible = interruptible
        }

        init(speaker: Int, _ spoken: Spoken, interruptible: Bool = false) {
            self.init(speaker: speaker, text: spoken.text, interruptible: interruptible)
            themes = spoken.themes
            firstIdeaThemes = spoken.firstIdeaThemes
        }
    }

    /// A participant's words with the themes they express.
    private struct Spoken {
        var text: String
        var themes: ThemeSet
        var firstIdeaThemes: ThemeSet
    }

    /// The transcript's Markdown and its participant turns' label lines (`generator-labels.csv`).
    func session(_ rng: inout SeededRandom) -> (markdown: String, labels: String) {
        var said = Set<String>()
        var turns: [Turn] = []
        let target = rng.int(in: 46...82)
        turns.append(Turn(speaker: 0, text: rng.pick(FocusGroupFacilitatorLines.opening) + " " + rng.pick(FocusGroupFacilitatorLines.intro)))
        var intros = FocusGroupParticipantLines.intros.phrases(for: plan.groupType).plain
        for p in 1...plan.participants {
            let fragment = intros.remove(at: rng.below(intros.count))
            turns.append(Turn(speaker: p, spoken([fragment], speaker: p, &rng)))
        }
        let closingTurns = rng.int(in: 3...5)
        let prompts = FocusGroupFacilitatorLines.prompts
        // Exactly `target` turns in all: what is left after the fixed turns is shared among the prompts.
        var budget = target - turns.count - closingTurns - prompts.count
        for (i, prompt) in prompts.enumerated() {
            let left = prompts.count - i
            let share = left == 1 ? budget : max(3, budget / left + rng.int(in: -2...2))
            budget -= share
            turns.append(Turn(speaker: 0, text: rng.pick(FocusGroupFacilitatorLines.asks[prompt] ?? [])))
            discussion(prompt, turns: share, into: &turns, said: &said, &rng)
        }
        turns.append(Turn(speaker: 0, text: rng.pick(FocusGroupFacilitatorLines.closing)))
        for _ in 0..<(closingTurns - 2) {
            let p = nextSpeaker(after: turns.last?.speaker ?? 0, &rng)
            let prompt = rng.pick(["fairness", "better_information", "understanding"])
            turns.append(Turn(speaker: p, line(reused(prompt, speaker: p, &rng), speaker: p, ideas: 1, prompt: prompt, said: &said, &rng)))
        }
        turns.append(Turn(speaker: 0, text: rng.pick(FocusGroupFacilitatorLines.thanks)))
        var labels = GeneratorLabelLines(survey: "focus_groups")
        for (index, turn) in turns.enumerated() where turn.speaker != 0 {
            labels.add(respondent: plan.id + "/P" + String(turn.speaker), question: plan.id, position: index + 1, themes: turn.themes)
        }
        return (frontMatter() + turns.map(render).joined(), labels.text)
    }

    private func frontMatter() -> String {
        let consent: String
        if plan.consenting.count == plan.participants { consent = "all" } else if plan.consenting.isEmpty { consent = "none" } else {
            consent = "[" + plan.consenting.map { "P" + String($0) }.joined(separator: ", ") + "]"
        }
        let label = FocusGroupPlan.groupLabels[plan.groupType] ?? plan.groupType
        return """
        ---
        session: \(plan.id)
        date: \(plan.date)
        borough: \(plan.borough)
        group_type: \(plan.groupType)
        participants: \(plan.participants)
        consent_quote: \(consent)
        synthetic: true
        ---
        # SYNTHETIC transcript \(plan.id): \(label), \(plan.borough) (generated sample data, not a real session)

        """
    }

    private func render(_ turn: Turn) -> String {
        (turn.speaker == 0 ? "Facilitator" : "P" + String(turn.speaker)) + ": " + turn.text + "\n"
    }

    private func discussion(_ prompt: String, turns count: Int, into turns: inout [Turn], said: inout Set<String>, _ rng: inout SeededRandom) {
        var added = 0
        var invited: Int?
        while added < count {
            let previous = turns.last?.speaker ?? 0
            let p = invited ?? nextSpeaker(after: previous, &rng)
            invited = nil
            let u = rng.unit()
            if previous != 0 && added > 0 && u < 0.12 {
                turns.append(Turn(speaker: 0, text: probe(&rng, invite: &invited)))
            } else if previous != 0 && u < 0.32 {
                turns.append(Turn(speaker: p, text: reaction(to: previous, speaker: p, &rng)))
            } else if u < 0.4, let last = turns.last, last.interruptible, let cut = interrupted(last.text) {
                turns[turns.count - 1].text = cut
                turns[turns.count - 1].interruptible = false
                turns[turns.count - 1].themes = last.firstIdeaThemes
                let source = rng.chance(0.5) ? own(prompt) : reused(prompt, speaker: p, &rng)
                var spoken = line(source, speaker: p, ideas: 1, prompt: prompt, said: &said, &rng)
                spoken.text = rng.pick(FocusGroupTalk.interjections) + decapitalised(spoken.text)
                turns.append(Turn(speaker: p, spoken))
            } else {
                let source = rng.chance(0.5) ? own(prompt) : reused(prompt, speaker: p, &rng)
                let ideas = rng.weightedIndex([0.45, 0.35, 0.2].map { $0 * (plan.speakers[p - 1].talkativeness > 1.2 ? 0.6 : 1) } + [0.1]) + 1
                var spoken = line(source, speaker: p, ideas: ideas, prompt: prompt, said: &said, &rng)
                if ideas > 1 && rng.chance(0.15) {
                    while let last = spoken.text.last, ".!".contains(last) { spoken.text.removeLast() }
                    spoken.text += rng.pick(FocusGroupTalk.trailOffs)
                }
                turns.append(Turn(speaker: p, spoken, interruptible: spoken.text.count > 70 && !spoken.text.contains("\n")))
            }
            added += 1
        }
    }

    private func own(_ prompt: String) -> Phrases {
        FocusGroupParticipantLines.lines(for: prompt).phrases(for: plan.groupType)
    }

    /// A survey phrase bank that carries the same views in written form.
    private func reused(_ prompt: String, speaker: Int, _ rng: inout SeededRandom) -> Phrases {
        let practitioner = plan.groupType == "practitioners"
        let pools: [[Phrases]]
        switch prompt {
        case "awareness":
            pools = practitioner ? [PartnerPurposePhrases.accurate, PartnerPurposePhrases.vague]
                : [CommunityWhatIsPhrases.accurate, CommunityWhatIsPhrases.vague, CommunityWhatIsPhrases.critical, CommunityWhatIsPhrases.misconception]
        case "sources":
            pools = practitioner ? [PartnerSharingPhrases.youthService, PartnerSharingPhrases.none, PartnerSharingPhrases.voluntary]
                : [CommunitySourcePhrases.phrases(for: rng.pick(OptionValues.sources.dropLast())), CommunitySourcePhrases.afterthoughts]
        case "understanding":
            pools = practitioner ? [PartnerPurposePhrases.accurate, PartnerPurposePhrases.critical, CommunityConcernPhrases.criteria]
                : [CommunityWhatIsPhrases.accurate, CommunityWhatIsPhrases.misconception, CommunityConcernPhrases.criteria, CommunityConcernPhrases.challenge]
        case "fairness":
            pools = practitioner ? [PartnerToolsPhrases.concern, CommunityConcernPhrases.association, CommunityConcernPhrases.stigma]
                : [CommunityConcernPhrases.racial, CommunityConcernPhrases.age, CommunityConcernPhrases.association, CommunityConcernPhrases.stigma,
                   CommunityConcernPhrases.victims, CommunityConcernPhrases.services, CommunityConcernPhrases.enforcement, CommunityConcernPhrases.supportive]
        case "other_tools":
            pools = practitioner ? [PartnerToolsPhrases.overlap, PartnerToolsPhrases.concern]
                : [CommunityToolsPhrases.sameAsStopSearch, CommunityToolsPhrases.otherLists, CommunityToolsPhrases.experience,
                   CommunityToolsPhrases.supportsTools, CommunityToolsPhrases.unsure]
        default:
            pools = practitioner ? [PartnerHelpPhrases.guidance, PartnerHelpPhrases.publicInformation, PartnerHelpPhrases.rights, PartnerHelpPhrases.engagement]
                : [CommunityHelpPhrases.transparency, CommunityHelpPhrases.notification, CommunityHelpPhrases.engagement,
                   CommunityHelpPhrases.oversight, CommunityHelpPhrases.abolish, CommunityHelpPhrases.pessimistic]
        }
        return rng.pick(rng.pick(pools))
    }

    /// A participant's turn on `prompt`: maybe a spoken lead-in, then `ideas` ideas in their voice.
    private func line(_ first: Phrases, speaker: Int, ideas: Int, prompt: String, said: inout Set<String>, _ rng: inout SeededRandom) -> Spoken {
        var c = composer(speaker, avoiding: said)
        // Once the group has used up its own lines on this prompt, people make the survey's points instead.
        let exhausted = first.plain.allSatisfy { said.contains($0.source) }
        let first = exhausted ? reused(prompt, speaker: speaker, &rng) : first
        if ideas > 1 && rng.chance(0.35) { c.lead(FocusGroupTalk.leads(for: plan.speakers[speaker - 1].voice), &rng) }
        c.add(first, &rng)
        for _ in 1..<max(1, ideas) { c.add(rng.chance(0.5) ? own(prompt) : reused(prompt, speaker: speaker, &rng), &rng) }
        said.formUnion(c.used)
        let spoken = finished(&c, &rng)
        return spoken.text.isEmpty ? Spoken(text: rng.pick(FocusGroupTalk.reactions), themes: [], firstIdeaThemes: []) : spoken
    }

    /// A turn made of exactly these fragments.
    private func spoken(_ fragments: [Fragment], speaker: Int, _ rng: inout SeededRandom) -> Spoken {
        var c = composer(speaker)
        for fragment in fragments { c.append(fragment, &rng) }
        return finished(&c, &rng)
    }

    /// Notes are typed by a note-taker: the speaker's words, in plain sentences, few slips.
    private func composer(_ speaker: Int, avoiding: Set<String> = []) -> TextComposer {
        var style = WritingStyle(voice: plan.speakers[speaker - 1].voice)
        style.joins = style.voice == .youth ? .plain : style.voice
        style.typoRate = 0.02
        style.paragraphRate = 0.2
        return TextComposer(style: style, borough: Array(plan.borough.utf8), avoiding: avoiding)
    }

    private func finished(_ c: inout TextComposer, _ rng: inout SeededRandom) -> Spoken {
        var text = c.finish(&rng).text
        while text.contains("\n\n") { text = text.replacingOccurrences(of: "\n\n", with: "\n") }
        return Spoken(text: text, themes: c.themes, firstIdeaThemes: c.firstIdeaThemes)
    }

    private func reaction(to previous: Int, speaker: Int, _ rng: inout SeededRandom) -> String {
        if rng.chance(0.3) { return FocusGroupTalk.agreeing(withWoman: plan.speakers[previous - 1].isWoman, &rng) }
        let extra: [String]
        switch plan.groupType {
        case "young_people": extra = FocusGroupTalk.youthReactions
        case "community_faith": extra = FocusGroupTalk.faithReactions
        case "practitioners": extra = FocusGroupTalk.practitionerReactions
        default: extra = []
        }
        return rng.pick(extra.isEmpty || rng.chance(0.6) ? FocusGroupTalk.reactions : extra)
    }

    private func probe(_ rng: inout SeededRandom, invite: inout Int?) -> String {
        if rng.chance(0.25) {
            let p = rng.int(in: 1...plan.participants)
            invite = p
            return "P" + String(p) + ", " + rng.pick(FocusGroupFacilitatorLines.nodding)
        }
        return rng.pick(FocusGroupFacilitatorLines.probes)
    }

    private func nextSpeaker(after previous: Int, _ rng: inout SeededRandom) -> Int {
        let weights = plan.speakers.enumerated().map { $0.offset + 1 == previous ? 0 : $0.element.talkativeness }
        return rng.weightedIndex(weights) + 1
    }

    /// The turn cut off part-way through its first sentence, or nil if that sentence is too short.
    private func interrupted(_ text: String) -> String? {
        let firstSentence = text.prefix { !".?!".contains($0) }
        let words = firstSentence.split(separator: " ")
        guard words.count >= 6 else { return nil }
        let kept = words.prefix(words.count * 2 / 3).joined(separator: " ")
        return kept.trimmingCharacters(in: CharacterSet(charactersIn: ",;")) + " -"
    }

    private func decapitalised(_ text: String) -> String {
        guard let first = text.first, first.isUppercase, !text.hasPrefix("I ") && !text.hasPrefix("I'") else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
