/// HMAC with SHA-256 (RFC 2104, FIPS 198-1), proved against the RFC 4231 test cases.
///
/// The keyed hash behind respondent pseudonyms: without the key nobody can recompute a pseudonym
/// from a source identifier, which a plain hash of the identifier would allow.
public enum HMACSHA256 {
    /// The 32-byte HMAC-SHA256 of `message` under `key` (any length; keys longer than one block
    /// are hashed first, as the standard says).
    public static func authenticationCode(key: [UInt8], message: [UInt8]) -> [UInt8] {
        HMACSHA256KeySchedule(key: key).authenticationCode(for: message)
    }
}

/// An HMAC-SHA256 key with the inner and outer pad blocks already hashed.
///
/// Computing these once per key halves the work per message, which matters when a million
/// respondent identifiers are pseudonymised in one import.
struct HMACSHA256KeySchedule: Sendable {
    private let inner: SHA256.Hasher
    private let outer: SHA256.Hasher

    init(key: [UInt8]) {
        var block = key.count > SHA256.blockByteCount ? SHA256.hash(key) : key
        block.append(contentsOf: repeatElement(0, count: SHA256.blockByteCount - block.count))
        var inner = SHA256.Hasher()
        inner.update(block.map { $0 ^ 0x36 })
        var outer = SHA256.Hasher()
        outer.update(block.map { $0 ^ 0x5c })
        self.inner = inner
        self.outer = outer
    }

    /// HMAC-SHA256 of `message` under this key.
    func authenticationCode<M: Collection<UInt8>>(for message: M) -> [UInt8] {
        var innerHash = inner
        innerHash.update(message)
        var outerHash = outer
        outerHash.update(innerHash.finalize())
        return outerHash.finalize()
    }
}
