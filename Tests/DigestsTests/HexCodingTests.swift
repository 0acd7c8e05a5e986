@testable import Digests
import Testing

@Suite struct HexCodingTests {
    @Test func encodesLowercase() {
        #expect(HexCoding.encode([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(HexCoding.encode([]) == "")
    }

    @Test func decodeRoundTrips() {
        let bytes = (0...255).map { UInt8($0) }
        #expect(HexCoding.decode(HexCoding.encode(bytes)) == bytes)
        #expect(HexCoding.decode("  0A0b\n") == [0x0a, 0x0b])
    }

    @Test(arguments: ["abc", "zz", "0x00", "12 34"])
    func decodeRefusesMalformed(_ text: String) {
        #expect(HexCoding.decode(text) == nil)
    }
}
