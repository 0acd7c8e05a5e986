/// A deliberately light English stemmer for classifier features.
///
/// Why light: the texts mix slang, text-speak and typos, where an aggressive stemmer (Porter) merges
/// unrelated words; stripping only plural (`-s`, `-es`, `-ies`), `-ing` and `-ed` endings joins "searched", "searching" and
/// "searches" without touching short words. Contract: pure and total; a word as `TextFeatures` cuts it
/// (starting with a letter or digit) never stems to an empty string.
enum LightStemmer {
    static func stem(_ word: String) -> String {
        var word = word
        if word.hasSuffix("'s") { word.removeLast(2) }
        word.removeAll { $0 == "'" }
        let count = word.count
        if count > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if count > 4, ["ches", "shes", "sses", "xes"].contains(where: word.hasSuffix) { return String(word.dropLast(2)) }
        if count > 5, word.hasSuffix("ing") { return String(word.dropLast(3)) }
        if count > 4, word.hasSuffix("ed") { return String(word.dropLast(2)) }
        if count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") {
            return String(word.dropLast())
        }
        return word
    }
}
