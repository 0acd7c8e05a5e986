import Foundation

/// How theme ids are spelt: the codebook's rule for a well-formed id, and how a code name from
/// another tool becomes one id word.
package enum ThemeIDSpelling {
    /// Lower-case words of a-z, 0-9 and _ joined by dots ("fairness.racial").
    package static func isWellFormed(_ id: String) -> Bool {
        id.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
        }
    }

    /// `name` as one id word: lower case, accents dropped, each run of other characters one `_`,
    /// no `_` at either end; "code" when nothing is left ("Fear of reprisals!" is
    /// `fear_of_reprisals`, "Église" is `eglise`).
    package static func word(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var word = ""
        for character in folded {
            if character.isASCII && (character.isLetter || character.isNumber) {
                word.append(character)
            } else if !word.isEmpty && word.last != "_" {
                word.append("_")
            }
        }
        while word.last == "_" { word.removeLast() }
        return word.isEmpty ? "code" : word
    }
}
