import Crypto
import Digests
import Testing

/// HMAC-SHA256 as pseudonyms use it (swift-crypto, a keyed state copied per message) against RFC 4231
/// test cases 1-7.
@Suite struct HMACTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let number: Int
        let key: [UInt8]
        let data: [UInt8]
        let mac: String
        var testDescription: String { "RFC 4231 test case \(number)" }
    }

    static let rfc4231: [Case] = [
        Case(number: 1, key: Array(repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
             mac: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        Case(number: 2, key: Array("Jefe".utf8), data: Array("what do ya want for nothing?".utf8),
             mac: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        Case(number: 3, key: Array(repeating: 0xaa, count: 20), data: Array(repeating: 0xdd, count: 50),
             mac: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        Case(number: 4, key: Array(1...25), data: Array(repeating: 0xcd, count: 50),
             mac: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        // Test case 5 specifies the output truncated to 128 bits.
        Case(number: 5, key: Array(repeating: 0x0c, count: 20), data: Array("Test With Truncation".utf8),
             mac: "a3b6167473100ee06e0c796c2955552b"),
        Case(number: 6, key: Array(repeating: 0xaa, count: 131),
             data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
             mac: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        Case(number: 7, key: Array(repeating: 0xaa, count: 131),
             data: Array("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".utf8),
             mac: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    /// The MAC as ``Pseudonymiser`` computes it: a keyed state made once, copied for each message.
    static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var state = HMAC<SHA256>(key: SymmetricKey(data: key))
        state.update(data: message)
        return Array(state.finalize())
    }

    @Test(arguments: rfc4231)
    func rfc4231TestCase(_ testCase: Case) {
        let mac = Self.mac(key: testCase.key, message: testCase.data)
        #expect(mac.count == 32)
        #expect(HexCoding.encode(mac.prefix(testCase.mac.count / 2)) == testCase.mac)
        #expect(Array(HMAC<SHA256>.authenticationCode(for: testCase.data, using: SymmetricKey(data: testCase.key))) == mac)
    }

    /// A copied keyed state is independent of the original and of other copies: what lets one
    /// key schedule serve a million messages.
    @Test func copiesOfAKeyedStateAreIndependent() {
        let keyed = HMAC<SHA256>(key: SymmetricKey(data: Array("Jefe".utf8)))
        var first = keyed
        first.update(data: Array("what do ya want for nothing?".utf8))
        var second = keyed
        second.update(data: Array("something else".utf8))
        _ = second.finalize()
        #expect(HexCoding.encode(first.finalize()) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        var third = keyed
        third.update(data: Array("what do ya want for nothing?".utf8))
        #expect(HexCoding.encode(third.finalize()) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }
}
