/// Numbers the keyword groups that gate the codebook's patterns, so that a text's keywords mark
/// the groups they meet once, and each pattern's gate is then a few array lookups (a group from
/// a vocabulary list can hold dozens of keywords, and a text tries many patterns).
struct AutoCoderGates: Sendable {
    /// Where a keyword must stand to meet a group (see ``AutoCoderKeywords/Found``).
    enum Place: Int, Sendable {
        case anywhere, wordStart, wordEnd
    }

    private struct Key: Hashable {
        var place: Place
        var keywords: [Int]
    }

    private var numbers: [Key: Int32] = [:]
    /// Keyword id to the groups it can meet, and where it must stand for each.
    private var byKeyword: [[(place: Place, group: Int32)]]

    init(keywordCount: Int) {
        byKeyword = Array(repeating: [], count: keywordCount)
    }

    /// The number of the group of `keywords` met at `place`, the same for the same group.
    mutating func number(_ keywords: [Int], at place: Place) -> Int32 {
        let key = Key(place: place, keywords: Array(Set(keywords)).sorted())
        if let number = numbers[key] { return number }
        let number = Int32(numbers.count)
        numbers[key] = number
        for keyword in key.keywords { byKeyword[keyword].append((place, number)) }
        return number
    }

    /// Which groups the keywords a text holds meet, by group number.
    func met(by found: AutoCoderKeywords.Found) -> [Bool] {
        var met = [Bool](repeating: false, count: numbers.count)
        for keyword in found.ids {
            for (place, group) in byKeyword[keyword] {
                switch place {
                case .anywhere: met[Int(group)] = true
                case .wordStart: if found.atWordStart[keyword] { met[Int(group)] = true }
                case .wordEnd: if found.atWordEnd[keyword] { met[Int(group)] = true }
                }
            }
        }
        return met
    }
}
