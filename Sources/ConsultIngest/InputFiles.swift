import Crypto
import Digests
import FileReading
import Foundation

/// The SHA-256 of a file, read in 1 MiB chunks, with the error contract of the importers.
func fileSHA256(_ path: String) throws -> String {
    guard let handle = try openForImport(path) else { throw SurveyFileError(file: path, message: "cannot be read (permission?)") }
    defer { try? handle.close() }
    var hasher = SHA256()
    do {
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
    } catch {
        throw SurveyFileError(file: path, message: "read failed: \(error.localizedDescription)")
    }
    return HexCoding.encode(hasher.finalize())
}

/// Reads a whole input file (small files: transcripts), with the error contract of the importers.
func readBytes(_ path: String) throws -> [UInt8] {
    guard let handle = try openForImport(path), let data = try? handle.readToEnd() ?? Data() else {
        throw SurveyFileError(file: path, message: "cannot be read (permission?)")
    }
    try? handle.close()
    return [UInt8](data)
}

/// Opens an input file, refusing a missing path or a directory with a clear message.
private func openForImport(_ path: String) throws -> FileHandle? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw SurveyFileError(file: path, message: "no such file")
    }
    guard !isDirectory.boolValue else { throw SurveyFileError(file: path, message: "is a directory, not a file") }
    return FileHandle(forReadingAtPath: path)
}
