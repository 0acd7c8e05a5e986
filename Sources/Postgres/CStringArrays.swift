import Foundation

/// Helpers that lend libpq arrays of C strings for the duration of one call.
extension Array where Element == String {
    func withCStringArray<R>(_ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        map(Optional.some).withOptionalCStringArray(body)
    }
}

extension Array where Element == String? {
    /// Calls `body` with a NULL-terminated array of C strings (`nil` entries stay NULL pointers) whose
    /// storage lives until `body` returns.
    func withOptionalCStringArray<R>(_ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let storage: [UnsafeMutablePointer<CChar>?] = map { value in value.map { strdup($0)! } }
        defer { storage.forEach { free($0) } }
        let pointers = storage.map { UnsafePointer($0) } + [nil]
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
