/// Escaping for text written into XML 1.0 documents.
///
/// Element content escapes `&`, `<` and `>`. Attribute values also escape `"`, and write tab,
/// newline and carriage return as character references, because a parser replaces those
/// characters in attribute values by spaces (attribute-value normalisation) and they would be
/// lost. Characters XML 1.0 cannot carry at all (controls other than tab, newline and carriage
/// return; unpaired surrogates cannot occur in a Swift `String`; U+FFFE and U+FFFF) are dropped.
package enum XMLText {
    /// `text` escaped for element content.
    package static func content(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// `text` escaped for a double-quoted attribute value.
    package static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "\t" where inAttribute: out += "&#9;"
            case "\n" where inAttribute: out += "&#10;"
            case "\r": out += "&#13;"
            case _ where isAllowed(scalar): out.unicodeScalars.append(scalar)
            default: continue
            }
        }
        return out
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
