@testable import QDAExchange
import Testing

/// XML escaping: markup characters, attribute whitespace that parsers would fold, and
/// characters XML 1.0 cannot carry.
@Suite struct XMLTextTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a & b", "a &amp; b"),
        ("<b>", "&lt;b&gt;"),
        ("say \"hi\" it's", "say \"hi\" it's"),
        ("line\nbreak\ttab", "line\nbreak\ttab"),
        ("cr\r\n", "cr&#13;\n"),
        ("bell\u{7}gone", "bellgone"),
        ("nul\u{0}gone", "nulgone"),
        ("\u{FFFE}\u{FFFF}", ""),
        ("emoji 😀 and é", "emoji 😀 and é"),
    ])
    func content(_ text: String, _ expected: String) {
        #expect(XMLText.content(text) == expected)
    }

    @Test(arguments: [
        ("a & b", "a &amp; b"),
        ("say \"hi\"", "say &quot;hi&quot;"),
        ("it's <x>", "it's &lt;x&gt;"),
        ("two\nlines", "two&#10;lines"),
        ("tab\there", "tab&#9;here"),
        ("cr\rhere", "cr&#13;here"),
    ])
    func attribute(_ text: String, _ expected: String) {
        #expect(XMLText.attribute(text) == expected)
    }
}
