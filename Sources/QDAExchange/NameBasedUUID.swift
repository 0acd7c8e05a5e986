import Crypto
import Digests
/// A name-based UUID computed with SHA-256 (RFC 9562, section 5.8 and appendix B.2): the same
/// namespace and name always give the same UUID, so exporting a codebook twice gives the same
/// GUIDs and QDA tools see the same codes, not new ones.
///
/// Bytes: the first 16 bytes of SHA-256(namespace bytes ‖ UTF-8 name), with the version nibble
/// set to 8 (RFC 9562's "custom" version, which its appendix uses for SHA-256 name-based UUIDs;
/// version 5 would promise SHA-1) and the variant bits set to RFC 4122's `10`.
public struct NameBasedUUID: Sendable, Hashable, CustomStringConvertible {
    /// The 16 bytes, most significant first.
    public let bytes: [UInt8]

    /// The UUID of `name` within `namespace`.
    public init(namespace: NameBasedUUID, name: String) {
        var hasher = SHA256()
        hasher.update(data: namespace.bytes)
        hasher.update(data: Array(name.utf8))
        var bytes = Array(hasher.finalize().prefix(16))
        bytes[6] = bytes[6] & 0x0f | 0x80
        bytes[8] = bytes[8] & 0x3f | 0x80
        self.bytes = bytes
    }

    /// A UUID from its text form: 32 hex digits in the 8-4-4-4-12 grouping, either case,
    /// optionally in braces (`{...}`, as some QDA tools write them); nil for anything else.
    public init?(_ text: String) {
        var body = Substring(text)
        if body.hasPrefix("{") && body.hasSuffix("}") { body = body.dropFirst().dropLast() }
        let groups = body.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12], let bytes = HexCoding.decode(groups.joined()) else { return nil }
        self.bytes = bytes
    }

    /// Upper-case 8-4-4-4-12 form, as NVivo and the REFI-QDA examples write GUIDs.
    public var description: String {
        let hex = HexCoding.encode(bytes).uppercased()
        var text = ""
        for (offset, character) in hex.enumerated() {
            if [8, 12, 16, 20].contains(offset) { text.append("-") }
            text.append(character)
        }
        return text
    }

    /// The namespace of consult's theme GUIDs: itself name-based, from the zero UUID and
    /// "urn:consult:codebook-theme", so the constant is explained rather than magic.
    public static let themeNamespace = NameBasedUUID(
        namespace: NameBasedUUID(bytes: Array(repeating: 0, count: 16)), name: "urn:consult:codebook-theme")

    /// The GUID a theme is exported with.
    public static func theme(_ id: String) -> NameBasedUUID {
        NameBasedUUID(namespace: themeNamespace, name: id)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }
}
