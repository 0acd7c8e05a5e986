import Crypto
import Digests
/// Replaces respondent identifiers from source files by keyed pseudonyms (UK GDPR art. 4(5)).
///
/// Contract:
/// - `pseudonym(scope:sourceID:)` is `"R-"` followed by the first 16 lowercase hex characters
///   (64 bits) of HMAC-SHA256(key, UTF-8 of `scope + "\u{1F}" + trimmed sourceID)`. Trimming
///   removes leading and trailing Unicode whitespace only; case and inner spacing are kept, as
///   source systems may treat them as significant.
/// - The same key, scope and identifier always give the same pseudonym, so re-imports and
///   follow-up waves link up; the scope (the survey id) keeps one person's answers to two
///   surveys unlinkable unless the key holder links them.
/// - Without the key a pseudonym cannot be recomputed from a guessed identifier, unlike a plain
///   hash. The key stays outside the database; only `fingerprint` goes in, so an import run
///   with a different key is caught before it mixes two pseudonym spaces.
/// - 64 bits make an accidental collision among a million respondents about a 1-in-36-million
///   event; the database's uniqueness constraint is the backstop.
/// - The key never appears in `description`, `debugDescription` or a `dump`.
public struct Pseudonymiser: Sendable {
    /// The smallest key accepted: 256 bits, the HMAC-SHA256 output size.
    public static let minimumKeyByteCount = 32

    private static let fingerprintMessage = Array("consult key fingerprint".utf8)
    private static let scopeSeparator: UInt8 = 0x1f

    /// HMAC-SHA256 (swift-crypto) already keyed: its padded-key hashes are computed once and the
    /// state is copied for each message, which halves the work per identifier in a large import.
    private let keyed: HMAC<SHA256>

    /// A pseudonymiser for `key`, which must hold at least 32 random bytes (see `generateKey()`).
    /// A shorter key is a programming or configuration error and stops the process; use
    /// `init(validating:)` where the key comes from a file.
    public init(key: [UInt8]) {
        precondition(
            key.count >= Self.minimumKeyByteCount,
            "a pseudonymisation key needs at least \(Self.minimumKeyByteCount) bytes"
        )
        keyed = HMAC<SHA256>(key: SymmetricKey(data: key))
    }

    /// A pseudonymiser for `key`, or `PseudonymKeyError.tooShort` when it has fewer than 32 bytes.
    public init(validating key: [UInt8]) throws(PseudonymKeyError) {
        guard key.count >= Self.minimumKeyByteCount else {
            throw .tooShort(byteCount: key.count, minimum: Self.minimumKeyByteCount)
        }
        self.init(key: key)
    }

    /// The pseudonym of `sourceID` within `scope` (the survey id): `"R-"` + 16 lowercase hex.
    public func pseudonym(scope: String, sourceID: String) -> String {
        var message = Array(scope.utf8)
        message.append(Self.scopeSeparator)
        message.append(contentsOf: Self.trimmedSourceID(sourceID).utf8)
        return "R-" + HexCoding.encode(authenticationCode(message).prefix(8))
    }

    /// 16 hex characters of HMAC(key, "consult key fingerprint"): identifies the key, so it is
    /// safe to store, but reveals nothing that helps recover it.
    public var fingerprint: String {
        HexCoding.encode(authenticationCode(Self.fingerprintMessage).prefix(8))
    }

    private func authenticationCode(_ message: [UInt8]) -> HashedAuthenticationCode<SHA256> {
        var state = keyed
        state.update(data: message)
        return state.finalize()
    }

    /// A fresh 32-byte key from the system's cryptographically secure random source.
    public static func generateKey() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<minimumKeyByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    private static func trimmedSourceID(_ text: String) -> Substring {
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map(text.index(after:)) ?? start
        return text[start..<end]
    }
}

/// Why a pseudonymisation key was refused.
public enum PseudonymKeyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The key had `byteCount` bytes; at least `minimum` are required.
    case tooShort(byteCount: Int, minimum: Int)

    public var description: String {
        switch self {
        case let .tooShort(byteCount, minimum):
            "pseudonymisation key has \(byteCount) bytes; at least \(minimum) random bytes are required"
        }
    }
}

extension Pseudonymiser: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Names the key by its fingerprint only, so logging a pseudonymiser cannot leak the key.
    public var description: String { "Pseudonymiser(fingerprint: \(fingerprint))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["fingerprint": fingerprint]) }
}
