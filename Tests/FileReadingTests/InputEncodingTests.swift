import FileReading
import Testing

@Suite struct InputEncodingTests {
    func records(_ bytes: [UInt8], encoding: InputEncoding = .detect) throws -> (fields: [[String]], conversion: EncodingConversion?) {
        var reader = CSVReader(bytes: bytes, name: "t.csv", encoding: encoding)
        var out: [[String]] = []
        while let record = try reader.next() { out.append(record.fields) }
        return (out, reader.input.conversion)
    }

    @Test(arguments: [
        ([0x63, 0x61, 0x66, 0xE9] as [UInt8], "café"),
        ([0x92, 0x93, 0x94, 0x96, 0x80], "\u{2019}\u{201C}\u{201D}\u{2013}€"),
        ([0xA3, 0x35], "£5"),
        ([0x41], "A"),
    ])
    func windows1252Decodes(_ bytes: [UInt8], _ expected: String) throws {
        #expect(try Windows1252.decode(bytes[...]).get() == expected)
    }

    @Test(arguments: [0x81, 0x8D, 0x8F, 0x90, 0x9D] as [UInt8])
    func undefinedWindows1252BytesAreRefused(_ byte: UInt8) throws {
        let (fields, _) = try records(Array("a\n".utf8))
        #expect(fields == [["a"]])
        #expect {
            _ = try records(Array("h\nok,x".utf8) + [byte] + [0x0A])
        } throws: { error in
            "\(error)".contains("is neither UTF-8 nor Windows-1252") && (error as? SurveyFileError)?.line == 2
        }
    }

    @Test func windows1252FieldsAreConvertedAndCounted() throws {
        let bytes = Array("name,text\n".utf8) + [0x43, 0x61, 0x66, 0xE9] + Array(",\"it".utf8) + [0x92] + Array("s\nfine\"\nplain,ascii\n".utf8)
        let (fields, conversion) = try records(bytes)
        #expect(fields == [["name", "text"], ["Café", "it’s\nfine"], ["plain", "ascii"]])
        #expect(conversion == EncodingConversion(from: "Windows-1252", items: 2, firstLine: 2))
        #expect(conversion?.summary == "Windows-1252 (2 fields, first at line 2)")
    }

    @Test func utf8InputIsNotConverted() throws {
        let (fields, conversion) = try records(Array("a,b\ncafé,👍🏿\n".utf8))
        #expect(fields == [["a", "b"], ["café", "👍🏿"]])
        #expect(conversion == nil)
    }

    @Test func refusalNamesThePhysicalLineInsideAQuotedField() throws {
        let bytes = Array("h1,h2\nok,\"one\ntwo\nthr".utf8) + [0xE9] + Array("e\"\n".utf8)
        #expect {
            _ = try records(bytes, encoding: .utf8)
        } throws: { error in
            guard let error = error as? SurveyFileError else { return false }
            return error.line == 4 && error.field == "column 2" && error.message.contains("byte 0xE9")
        }
    }

    @Test(arguments: [false, true])
    func utf16WithAByteOrderMarkIsTranscoded(_ bigEndian: Bool) throws {
        let text = "a,b\r\ncafé,👍\r\n"
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 { bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let (fields, conversion) = try records(bytes)
        #expect(fields == [["a", "b"], ["café", "👍"]])
        #expect(conversion?.summary == (bigEndian ? "UTF-16BE" : "UTF-16LE"))
    }

    @Test func utf16SplitAcrossChunksAtEveryByte() throws {
        let text = "x👍é\n"
        let bytes = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for cut in 0...bytes.count {
            var transcoder = UTF16Transcoder(bigEndian: false)
            let out = try transcoder.convert(bytes[..<cut]) + transcoder.convert(bytes[cut...])
            try transcoder.finish()
            #expect(String(decoding: out, as: UTF8.self) == text, "cut at \(cut)")
        }
    }

    @Test(arguments: [
        ([0x3D, 0xD8, 0x41, 0x00] as [UInt8], "high surrogate without a low one"),
        ([0x4D, 0xDC], "low surrogate without a high one"),
        ([0x41], "ends in the middle of a character"),
        ([0x3D, 0xD8], "ends in the middle of a character"),
    ])
    func brokenUTF16IsRefusedClearly(_ body: [UInt8], _ reason: String) {
        #expect {
            _ = try records([0xFF, 0xFE] + body)
        } throws: { error in
            "\(error)".contains("UTF-16 byte-order mark but") && "\(error)".contains(reason)
        }
    }
}
