@testable import PersonalData
import Testing

/// Table-driven redaction cases: each pair is (answer as written, answer as stored).
@Suite struct RedactorTests {
    let redactor = Redactor()

    static let emails: [(String, String)] = [
        ("email me at jo.bloggs+matrix@example.co.uk thanks", "email me at [EMAIL] thanks"),
        ("JO_SMITH99@Hotmail.com.", "[EMAIL]."),
        ("(contact: a-b@sub.domain.org)", "(contact: [EMAIL])"),
        ("two: a@b.io, c@d.london", "two: [EMAIL], [EMAIL]"),
        ("unicode zoë@bücher.de ok", "unicode [EMAIL] ok"),
        ("not an email: me@home or @ alone", "not an email: me@home or @ alone"),
    ]

    static let phones: [(String, String)] = [
        ("ring me on 07700 900123 after 6", "ring me on [PHONE] after 6"),
        ("07700900123", "[PHONE]"),
        ("+44 7700 900123", "[PHONE]"),
        ("+447700900123.", "[PHONE]."),
        ("+44 (0)7700 900 123", "[PHONE]"),
        ("0044 20 7946 0000", "[PHONE]"),
        ("office: 020 7946 0000", "office: [PHONE]"),
        ("(020) 7946 0000 or (0161) 496 0000", "[PHONE] or [PHONE]"),
        ("0800 123 4567 is free, so is 0800 123 456", "[PHONE] is free, so is [PHONE]"),
        ("call 0113-496-0000 now", "call [PHONE] now"),
        ("my number:07700 900 123", "my number:[PHONE]"),
        ("Tel.07700 900123, Mob. 07700 900124", "Tel.[PHONE], Mob. [PHONE]"),
        ("US cousin +1 212 555 0100", "US cousin [PHONE]"),
        ("07700 900123 2018 was the year", "[PHONE] 2018 was the year"),
    ]

    static let postcodes: [(String, String)] = [
        ("I live at SW1A 1AA.", "I live at [POSTCODE]."),
        ("e8 1aa", "[POSTCODE]"),
        ("my postcode is N170AP", "my postcode is [POSTCODE]"),
        ("SE15 4QL, Peckham", "[POSTCODE], Peckham"),
        ("(E8 3PB)", "([POSTCODE])"),
        ("N17 6AA’s youth club", "[POSTCODE]’s youth club"),
        ("GIR 0AA and gir0aa", "[POSTCODE] and [POSTCODE]"),
        ("W1A 0AX\nEC3M 5AD", "[POSTCODE]\n[POSTCODE]"),
        ("the E8 3PB area", "the [POSTCODE] area"),
    ]

    static let ninos: [(String, String)] = [
        ("NI number AB 12 34 56 C", "NI number [NINO]"),
        ("ni: ab123456c.", "ni: [NINO]."),
        ("JG 10 37 23 A please", "[NINO] please"),
    ]

    static let nhsNumbers: [(String, String)] = [
        ("NHS no 401 023 2137", "NHS no [NHS]"),
        ("NHS 943 476 5919 at the GP", "NHS [NHS] at the GP"),
    ]

    static let urls: [(String, String)] = [
        ("see https://www.example.com/path?q=1 for more", "see [URL] for more"),
        ("(http://example.org/a_(b))", "([URL])"),
        ("link: www.gangsmatrix.london.", "link: [URL]."),
        ("his page instagram.com/jo_smith99 shows it", "his page [URL] shows it"),
        ("youtu.be/abc123 and bit.ly/xyz!", "[URL] and [URL]!"),
        ("read it on met.police.uk, then", "read it on [URL], then"),
        ("HTTPS://EXAMPLE.COM", "[URL]"),
        ("on t.me/drillchat", "on [URL]"),
        ("(see www.bbc.co.uk/news/uk-england-london-44334311)", "(see [URL])"),
        ("“https://example.com/x”", "“[URL]”"),
    ]

    static let handles: [(String, String)] = [
        ("follow @jo_smith99 on insta", "follow [HANDLE] on insta"),
        ("@kai.b said it first", "[HANDLE] said it first"),
        ("(@Tyrone_x)", "([HANDLE])"),
        ("snap: jojo_22", "snap: [HANDLE]"),
        ("IG - kai.london", "IG - [HANDLE]"),
        ("my insta is jojo.", "my insta is [HANDLE]."),
        ("Snapchat: bigman", "Snapchat: [HANDLE]"),
        ("meet @ 5pm or @5pm", "meet @ 5pm or @5pm"),
        ("Instagram: they post the videos", "Instagram: they post the videos"),
    ]

    static let vehicles: [(String, String)] = [
        ("the car was AB12 CDE", "the car was [VEHICLE]"),
        ("reg LB07SEO", "reg [VEHICLE]"),
        ("a black van, yr68 kfg, outside", "a black van, [VEHICLE], outside"),
        ("plate: MX19ABC.", "plate: [VEHICLE]."),
        ("BD51 SMR and AB02 CDE", "[VEHICLE] and [VEHICLE]"),
    ]

    static let names: [(String, String)] = [
        ("My name is Jo Bloggs and I'm 17", "My name is [NAME] and I'm 17"),
        ("my name is jo", "my name is [NAME]"),
        ("My name's Tyrone.", "My name's [NAME]."),
        ("I'm called Kai", "I'm called [NAME]"),
        ("they call me Jay", "they call me [NAME]"),
        ("my son Jayden was put on it at 15", "my son [NAME] was put on it at 15"),
        ("My daughter, Amira, is 14", "My daughter, [NAME], is 14"),
        ("my little brother Marcus Green got stopped", "my little brother [NAME] got stopped"),
        ("my 15 year old cousin Dami", "my 15 year old cousin [NAME]"),
        ("my friend Jo's mum", "my friend [NAME]'s mum"),
        ("my sons Kai and Reece", "my sons [NAME] and [NAME]"),
        ("Mr Smith at the school", "Mr [NAME] at the school"),
        ("Mrs. O'Brien-Hughes", "Mrs. [NAME]"),
        ("PC Jones stopped us", "PC [NAME] stopped us"),
        ("PC J. Jones and DC A Khan", "PC [NAME] and DC [NAME]"),
        ("Det Sgt Okafor said", "Det Sgt [NAME] said"),
        ("the officer Smith was rude", "the officer [NAME] was rude"),
        ("Officer Ramirez", "Officer [NAME]"),
        ("Hi, I'm Sarah and I work with young people", "Hi, I'm [NAME] and I work with young people"),
        ("a lad called Jermaine", "a lad called [NAME]"),
        ("Name: jo bloggs", "Name: [NAME]"),
        ("They never told us. Thanks, Jo", "They never told us. Thanks, [NAME]"),
        ("No one explained it - Jo", "No one explained it - [NAME]"),
        ("Scrap it.\n\nKind regards\nSam Patel", "Scrap it.\n\nKind regards\n[NAME]"),
        ("Thank you, Zoë 🙏", "Thank you, [NAME] 🙏"),
        ("it was unfair — Dee", "it was unfair — [NAME]"),
        ("my son Ömer", "my son [NAME]"),
        ("my son محمد was stopped", "my son [NAME] was stopped"),
    ]

    /// Text that looks like personal data to a careless pattern but must stay as written.
    static let unchanged: [String] = [
        // near misses, kind by kind
        "vehicle-like: AB00 CDE, AB35 CDE, ZZ12 ABC, IQ12 ABC, Ab12 Cde, AB12 CDEF",
        "postcode-like: QA1 1AA, M1 1CA, SW1A 1AAA, SW1A-1AA, 1A1 1AA",
        "no such postcode area: KS20 1EW, XY1 2AB, JJ10 1AA",
        "Census 2011, table KS201EW, London region",
        "NI-like: QQ 12 34 56 C, AB 12 34 56, AB 12 34 56 E, GB 12 34 56 A",
        "NHS-like: 401 023 2138, 000 000 0000, 1234567890",
        "phone-like: 0.5, 01.02.2019, 00000, 0123, 02079460000123, 0000 000 0000, +44 12",
        "Twitter - Police",
        "Snapchat: they post videos",
        "I don't use insta: too much drama",
        "",
        "   ",
        "The Matrix is racist and the Met won't admit it.",
        "I'm Worried about my son.",
        "I am Worried",
        "In 2018 there were 3,806 people on the Matrix, 78% black.",
        "Police are out 24/7 doing stop and search under Section 60.",
        "Section 60 orders in Hackney, Haringey and Tower Hamlets",
        "postcode wars between N17 and E8, or SE15 vs SW9",
        "E8 is my area, N17 is theirs",
        "the M25 motorway",
        "stuck on the M25 for an hour",
        "the A1 1st exit, then E8 2nd floor",
        "my PC was seized by the police",
        "I need a new PC. Thanks",
        "my son was stopped 5 times",
        "my name is on the matrix",
        "my name is not important",
        "Thanks",
        "Thanks, Met Police",
        "- Anonymous",
        "- Concerned Parent",
        "- Hackney",
        "They told us nothing. Thanks, Hackney",
        "Metropolitan Police Service Gangs Matrix review, December 2018",
        "MOPAC, the IOPC and the ICO all looked at it",
        "Strongly Agree",
        "He's 12. HE'S TWELVE.",
        "e.g. the U.K. and i.e. the E.U.",
        "about 0.5 miles away, 1.5km, 10.30am",
        "12/05/2018 at 10:30",
        "£1,000,000 spent",
        "call 999 or 101",
        "age 16-24 and 25-34",
        "Over 80% (88%) were BAME",
        "I love London",
        "they call me names",
        "we called the police",
        "called Operation Trident",
        "my friend, Brixton police stopped him",
        "my cousin The Met has it in for",
        "email: none",
        "COVID19 and AB12",
        "Se15 Mob",
        "on the A406 and the A13",
        "Lambeth, Southwark, Lewisham",
        "I was 15 in 2015 and 18 in 2018",
        "ratio 1:4",
        "phone 0",
        "IG: @",
        "😀🙏🏾 👍",
        "Zoë and Chloé said the Matrix is unfair",
        "Stop and search is a big issue",
    ]

    static let mixed: [(String, String, [PersonalDataKind: Int])] = [
        ("Jo (jo@example.com, 07700 900123) lives at E8 1AA",
         "Jo ([EMAIL], [PHONE]) lives at [POSTCODE]",
         [.email: 1, .phone: 1, .postcode: 1]),
        ("My name is Kai, my snap is kai_22 and my car is AB12 CDE. NI AB 12 34 56 C",
         "My name is [NAME], my snap is [HANDLE] and my car is [VEHICLE]. NI [NINO]",
         [.name: 1, .handle: 1, .vehicle: 1, .nino: 1]),
        ("See www.example.com or @kai_b\n\n- Kai",
         "See [URL] or [HANDLE]\n\n- [NAME]",
         [.url: 1, .handle: 1, .name: 1]),
        ("😡 PC Smith took my phone (07700 900123) in N17 😡",
         "😡 PC [NAME] took my phone ([PHONE]) in N17 😡",
         [.name: 1, .phone: 1]),
    ]

    @Test(arguments: emails) func email(_ input: String, _ output: String) { check(input, output) }
    @Test(arguments: phones) func phone(_ input: String, _ output: String) { check(input, output) }
    @Test(arguments: postcodes) func postcode(_ input: String, _ output: String) { check(input, output) }
    @Test(arguments: ninos) func nino(_ input: String, _ output: String) { check(input, output) }
    @Test(arguments: nhsNumbers) func nhsNumber(_ input: String, _ output: String) { check(input, output) }
    @Test(arguments: urls) func url(_ input: String, _ output: String) { check(input, output) }
    @Test(arguments: handles) func handle(_ input: String, _ output: String) { check(input, output) }
    @Test(arguments: vehicles) func vehicle(_ input: String, _ output: String) { check(input, output) }
    @Test(arguments: names) func name(_ input: String, _ output: String) { check(input, output) }

    @Test(arguments: unchanged)
    func leftAlone(_ input: String) {
        let result = redactor.redact(input)
        #expect(result.text == input)
        #expect(result.counts.isEmpty)
        #expect(result.total == 0)
    }

    @Test(arguments: mixed)
    func severalKinds(_ input: String, _ output: String, _ counts: [PersonalDataKind: Int]) {
        let result = redactor.redact(input)
        #expect(result.text == output)
        #expect(result.counts == counts)
        #expect(result.total == counts.values.reduce(0, +))
    }

    private func check(_ input: String, _ output: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let result = redactor.redact(input)
        #expect(result.text == output, sourceLocation: sourceLocation)
        #expect(result.total == placeholderCount(output), sourceLocation: sourceLocation)
    }

    private func placeholderCount(_ text: String) -> Int {
        PersonalDataKind.allCases.reduce(0) { total, kind in
            total + text.split(separator: kind.placeholder, omittingEmptySubsequences: false).count - 1
        }
    }
}

/// More realistic answers, sign-off layouts and known limits, kept apart so each table stays
/// readable.
@Suite struct RedactorAnswerTests {
    let redactor = Redactor()

    static let answers: [(String, String)] = [
        ("My details: Jo Bloggs, 12 High Street, London E8 1AA, 07700 900123",
         "My details: Jo Bloggs, 12 High Street, London [POSTCODE], [PHONE]"),
        ("They stopped me on the A10 near N15 4RX at 2am", "They stopped me on the A10 near [POSTCODE] at 2am"),
        ("I told Mr. Khan about it", "I told Mr. [NAME] about it"),
        ("Mr and Mrs Smith", "Mr and Mrs [NAME]"),
        ("DCI Nick Smith of Trident", "DCI [NAME] of Trident"),
        ("MR SMITH AT THE SCHOOL", "MR [NAME] AT THE SCHOOL"),
        ("my mate's brother Jay got put on it", "my mate's brother [NAME] got put on it"),
        ("My son (Jayden) was stopped", "My son ([NAME]) was stopped"),
        ("My Son Jayden was 14", "My Son [NAME] was 14"),
        ("Regards,\nJo Bloggs", "Regards,\n[NAME]"),
        ("Thanks again,\r\n\r\nSam", "Thanks again,\r\n\r\n[NAME]"),
        ("cheers - J", "cheers - J"),
        ("Ring 101 or 999, or Crimestoppers on 0800 555 111", "Ring 101 or 999, or Crimestoppers on [PHONE]"),
        ("ref 1234567890 and 943 476 5919", "ref 1234567890 and [NHS]"),
        ("they put my name and my cousin Tyrese's name on it", "they put my name and my cousin [NAME]'s name on it"),
        ("Mrs O’Neill’s class", "Mrs [NAME]’s class"),
    ]

    /// Answers a careless redactor would damage; they must be stored as written.
    static let realisticUnchanged: [String] = [
        "Stop the Matrix - Scrap It",
        "Scrap the Matrix - Justice Now",
        "Age 18 - Male",
        "18 - Female - Black British",
        "Hi, I'm Black British and 19",
        "Don't call me Bro",
        "It's called the Gangs Matrix",
        "It's called Gangs Matrix",
        "Dear Sir/Madam, I object",
        "I was on the matrix from 2015-2017 and again in 2019",
        "He was stopped 3 times in 2 weeks, 10-15 officers each time",
        "I'm not sure - Anon",
        "Youth worker, Tottenham. Thanks.",
        "Thanks x",
        "follow me @ the park",
        "score was 0-0 and 1-0",
        "on 01/01/2019 at 00:30",
        "I'm 5'11 and 70kg",
        "The word \"Matrix\" and the \"Met\" and Police Scotland",
        "Called the police on my brother",
        "my son is 14 and my daughter is 16",
        "My friend got stabbed in 2017",
        "The MS Word version of the form",
        "Police Officer Training should cover this",
        "A friend of mine was on it",
        "In Haringey the Matrix was used with Section 60 and dispersal zones",
        "Operation Trident, then Operation Sceptre",
        "Gangs Matrix: 3,806 names in October 2017, 78% black",
        "24/7 surveillance, 365 days a year",
        "Tower Hamlets, Waltham Forest and Kensington and Chelsea",
        "I work for the NHS and the council",
        "The Information Commissioner (ICO) fined them",
        "youngest was 12, oldest 40ish",
    ]

    @Test(arguments: answers)
    func answer(_ input: String, _ output: String) {
        #expect(redactor.redact(input).text == output)
    }

    @Test(arguments: realisticUnchanged)
    func keptAsWritten(_ input: String) {
        #expect(redactor.redact(input).text == input)
    }

    /// Everything the redactor outputs is already clean: redacting twice changes nothing.
    @Test(arguments: RedactorTests.names.map(\.0) + RedactorTests.phones.map(\.0) + RedactorTests.urls.map(\.0)
        + RedactorTests.handles.map(\.0) + RedactorTests.mixed.map(\.0) + answers.map(\.0))
    func idempotent(_ input: String) {
        let once = redactor.redact(input)
        let twice = redactor.redact(once.text)
        #expect(twice.text == once.text)
        #expect(twice.total == 0)
    }

    @Test func countsAreOnlyForKindsPresent() {
        let result = redactor.redact("a@b.com c@d.com 07700 900123")
        #expect(result.counts == [.email: 2, .phone: 1])
        #expect(result.total == 3)
        #expect(result == RedactedText(text: "[EMAIL] [EMAIL] [PHONE]", counts: [.email: 2, .phone: 1]))
    }

    @Test func findingsGiveKindsAndRanges() {
        let text = "Zoë 😀 jo@example.com"
        let findings = redactor.findings(in: text)
        #expect(findings.count == 1)
        #expect(findings.first?.kind == .email)
        #expect(findings.first.map { String(text[$0.range]) } == "jo@example.com")
        #expect(findings.first?.utf8Offsets == 10..<24)
    }

    @Test func kindsCanBeSwitchedOff() {
        let text = "Mr Smith, 07700 900123"
        #expect(Redactor(kinds: [.phone]).redact(text).text == "Mr Smith, [PHONE]")
        #expect(Redactor(kinds: []).redact(text).text == text)
    }

    @Test func placeholdersAreTheDocumentedOnes() {
        #expect(PersonalDataKind.allCases.map(\.placeholder) == [
            "[EMAIL]", "[PHONE]", "[POSTCODE]", "[NINO]", "[URL]", "[HANDLE]", "[VEHICLE]", "[NAME]", "[NHS]",
        ])
        #expect(PersonalDataKind(rawValue: "postcode") == .postcode)
    }

    @Test func longAnswerKeepsEverythingButThePersonalData() {
        let paragraph = "The Matrix was used against young black men in Hackney and Haringey. "
        let input = String(repeating: paragraph, count: 200) + "Contact jo@example.com or 07700 900123."
        let output = String(repeating: paragraph, count: 200) + "Contact [EMAIL] or [PHONE]."
        #expect(redactor.redact(input).text == output)
    }
}
