@testable import QDAExchange
import Testing

/// The `<Description>` layout: written by export, read back from exports and from text that
/// analysts edited or other tools wrote.
@Suite struct QDCDescriptionTests {
    @Test func rendersIdDefinitionNotesAndExamples() {
        let description = QDCDescription(themeID: "trust.low", text: "Distrust.", include: "Fear.", exclude: "Praise.", examples: ["a", "b"])
        #expect(description.rendered == "consult-id: trust.low\nDistrust.\n\nWhen to use: Fear.\n\nWhen not to use: Praise.\n\nExamples:\n- a\n- b")
        #expect(QDCDescription(parsing: description.rendered) == description)
    }

    @Test(arguments: [
        ("Plain text from NVivo.", QDCDescription(themeID: nil, text: "Plain text from NVivo.")),
        ("", QDCDescription(themeID: nil, text: "")),
        ("consult-id: trust.low", QDCDescription(themeID: "trust.low", text: "")),
        ("consult-id:\nText", QDCDescription(themeID: nil, text: "Text")),
        ("  consult-id:  trust.low  \r\nText\r\n\r\nWhen to use: A\r\n", QDCDescription(themeID: "trust.low", text: "Text", include: "A")),
        ("Two\nparagraphs.\n\nStill text.", QDCDescription(themeID: nil, text: "Two\nparagraphs.\n\nStill text.")),
        ("T\nWhen not to use: X\nmore X", QDCDescription(themeID: nil, text: "T", exclude: "X\nmore X")),
        ("T\n\nExamples:\n- one\n  continued\n\n- two\nstray", QDCDescription(themeID: nil, text: "T", examples: ["one\ncontinued", "two\nstray"])),
        ("T\n\nExamples:\nno dash", QDCDescription(themeID: nil, text: "T", examples: ["no dash"])),
        ("Text mentioning consult-id: x", QDCDescription(themeID: nil, text: "Text mentioning consult-id: x")),
    ])
    func readsEditedAndForeignText(_ text: String, _ expected: QDCDescription) {
        #expect(QDCDescription(parsing: text) == expected)
    }
}
