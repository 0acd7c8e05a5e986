import Crypto
import Digests
import Testing

/// `sha256Hex` (swift-crypto underneath) against the FIPS 180-4 / NIST example vectors, the padding
/// edges and chunked hashing: the digests stored before the move to swift-crypto stay valid.
@Suite struct SHA256Tests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let name: String
        let message: [UInt8]
        let digest: String
        var testDescription: String { name }
    }

    static let nistVectors: [Vector] = [
        Vector(name: "empty", message: [], digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        Vector(name: "abc (one block)", message: Array("abc".utf8),
               digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        Vector(name: "448 bits (two blocks)",
               message: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
               digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        Vector(name: "896 bits",
               message: Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu".utf8),
               digest: "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        Vector(name: "one million 'a'", message: Array(repeating: UInt8(ascii: "a"), count: 1_000_000),
               digest: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ]

    /// Lengths around the padding boundaries (55/56 bytes fit one or two final blocks), with
    /// digests from an independent implementation (Python hashlib) of bytes i % 251.
    static let paddingEdges: [(Int, String)] = [
        (55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"),
        (56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"),
        (63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"),
        (64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"),
        (65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781"),
        (119, "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6"),
        (120, "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c"),
        (127, "92ca0fa6651ee2f97b884b7246a562fa71250fedefe5ebf270d31c546bfea976"),
        (128, "471fb943aa23c511f6f72f8d1652d9c880cfa392ad80503120547703e56a2be5"),
    ]

    static func patterned(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8($0 % 251) }
    }

    @Test(arguments: nistVectors)
    func nistExample(_ vector: Vector) {
        #expect(sha256Hex(of: vector.message) == vector.digest)
    }

    @Test(arguments: paddingEdges)
    func paddingBoundary(length: Int, digest: String) {
        #expect(sha256Hex(of: Self.patterned(length)) == digest)
    }

    /// Import files are hashed in chunks (`ConsultIngest`'s file digest): the chunked digest must
    /// equal the one-shot digest wherever the chunks split.
    @Test func streamingEqualsOneShotAtEverySplit() {
        let message = Self.patterned(200)
        let expected = sha256Hex(of: message)
        for split in 0...message.count {
            var hasher = SHA256()
            hasher.update(data: message[..<split])
            hasher.update(data: message[split...])
            #expect(HexCoding.encode(hasher.finalize()) == expected, "split at \(split)")
        }
    }

    @Test func slicesAndArraysHashTheSame() {
        let message = Self.patterned(300)
        #expect(sha256Hex(of: message[10...]) == sha256Hex(of: Array(message[10...])))
    }
}
