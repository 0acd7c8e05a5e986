import ConsultIngest
import Foundation
import PersonalData
import Testing

/// Where the pseudonymisation key comes from; no database needed.
@Suite struct PseudonymKeySourceTests {
    func temporaryHome() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("consult-key-\(UUID().uuidString)/.consult").path
        return dir
    }

    @Test func aKeyFileUnderConsultHomeIsCreatedOnFirstUseWithMode0600AndReused() throws {
        let home = try temporaryHome()
        let first = try PseudonymKeySource.key(environment: [:], home: home)
        let path = PseudonymKeySource.defaultPath(home: home)
        #expect(path == home + "/pseudonym.key")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(first.count == 32)
        #expect(try PseudonymKeySource.key(environment: [:], home: home) == first)
    }

    @Test func consultKeyIsTheKeyItselfAsHexOrText() throws {
        let hex = String(repeating: "ab", count: 32)
        #expect(try PseudonymKeySource.key(environment: ["CONSULT_KEY": hex], home: "/nonexistent") == Array(repeating: 0xAB, count: 32))
        let text = "a passphrase of at least thirty-two bytes"
        #expect(try PseudonymKeySource.key(environment: ["CONSULT_KEY": text], home: "/nonexistent") == Array(text.utf8))
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent"))
    }

    @Test func aShortConsultKeyIsRefusedWithoutEchoingIt() {
        #expect {
            _ = try PseudonymKeySource.key(environment: ["CONSULT_KEY": "hunter2"], home: "/nonexistent")
        } throws: { error in
            "\(error)".contains("too short (7 bytes)") && !"\(error)".contains("hunter2")
        }
    }

    @Test func consultKeyFileIsAnExplicitOverride() throws {
        let home = try temporaryHome()
        let file = (home as NSString).deletingLastPathComponent + "/elsewhere.key"
        let key = try PseudonymKeySource.key(environment: ["CONSULT_KEY_FILE": file], home: home)
        #expect(FileManager.default.contents(atPath: file).map { [UInt8]($0) } == key)
        #expect(!FileManager.default.fileExists(atPath: PseudonymKeySource.defaultPath(home: home)))
    }

    @Test func bothVariablesAreRefused() {
        #expect {
            _ = try PseudonymKeySource.key(environment: ["CONSULT_KEY": String(repeating: "k", count: 40), "CONSULT_KEY_FILE": "/tmp/k"], home: "/x")
        } throws: { error in
            "\(error)".contains("both set") && !"\(error)".contains("kkkk")
        }
    }

    @Test func theSameKeyGivesTheSamePseudonymsAndFingerprint() throws {
        let hex = String(repeating: "0f", count: 32)
        let a = Pseudonymiser(key: try PseudonymKeySource.key(environment: ["CONSULT_KEY": hex], home: "/x"))
        let b = Pseudonymiser(key: Array(repeating: 0x0F, count: 32))
        #expect(a.fingerprint == b.fingerprint)
        #expect(a.pseudonym(scope: "community", sourceID: "C-1") == b.pseudonym(scope: "community", sourceID: "C-1"))
    }
}

@Suite struct ImportProgressTests {
    @Test(arguments: [
        (ImportProgress(rows: 12_000, bytesRead: 370, totalBytes: 1_000, elapsed: .seconds(3)), "12,000 rows · 4,000 rows/s · 37% · ETA 0:06"),
        (ImportProgress(rows: 5, bytesRead: 10, totalBytes: nil, elapsed: .seconds(1)), "5 rows · 5 rows/s"),
        (ImportProgress(rows: 1_000, bytesRead: 10, totalBytes: 100, elapsed: .zero), "1,000 rows · 10%"),
        (ImportProgress(rows: 2_000_000, bytesRead: 1_000, totalBytes: 1_000, elapsed: .seconds(100)), "2,000,000 rows · 20,000 rows/s · 100% · ETA 0:00"),
        (ImportProgress(rows: 10, bytesRead: 1, totalBytes: 100, elapsed: .seconds(2)), "10 rows · 5 rows/s · 1% · ETA 3:18"),
    ])
    func theLineShowsRowsRateShareAndETA(_ progress: ImportProgress, _ line: String) {
        #expect(progress.line == line)
    }
}
