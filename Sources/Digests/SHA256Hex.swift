import Crypto
import Foundation

/// The SHA-256 of `bytes` as 64 lowercase hex characters: the one spelling of every digest consult
/// stores (import files, instruments, codebooks, migrations, training sets, erased pseudonyms), so a
/// digest computed by one module can be compared with one stored by another. The hash is swift-crypto's.
public func sha256Hex(of bytes: some DataProtocol) -> String {
    HexCoding.encode(SHA256.hash(data: bytes))
}
