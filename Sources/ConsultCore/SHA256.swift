/// SHA-256 as specified in FIPS 180-4, written out in Swift so ConsultCore needs no crypto package.
///
/// Used for import-file hashes (`sha256Hex(of:)`) and as the hash inside `HMACSHA256`, which keys the
/// respondent pseudonyms. Correctness is pinned by the NIST example vectors in the tests; speed
/// matters only for hashing whole import files (hundreds of MB/s in a release build).
public enum SHA256 {
    /// Length of a digest in bytes.
    public static let digestByteCount = 32
    /// Length of one input block in bytes (also the HMAC block size).
    public static let blockByteCount = 64

    /// The 32-byte digest of `data`.
    public static func hash<D: Collection<UInt8>>(_ data: D) -> [UInt8] {
        var hasher = Hasher()
        hasher.update(data)
        return hasher.finalize()
    }

    /// The digest of `data` as 64 lowercase hexadecimal characters.
    public static func hexDigest<D: Collection<UInt8>>(_ data: D) -> String {
        HexCoding.encode(hash(data))
    }
}

/// The SHA-256 of `bytes` as 64 lowercase hex characters: the form stored for import-file hashes.
public func sha256Hex(of bytes: some Collection<UInt8>) -> String {
    SHA256.hexDigest(bytes)
}
