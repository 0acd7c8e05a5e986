import Foundation

/// Where the PostgreSQL server programs (`initdb`, `pg_ctl`, `postgres`) are installed.
public struct ServerBinaries: Sendable {
    /// The directory holding all three programs.
    public let directory: URL

    private static let required = ["initdb", "pg_ctl", "postgres"]

    public func program(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// Finds the server programs: first on `PATH`, then in `pg_config --bindir`, then in the highest
    /// version under `/usr/lib/postgresql/*/bin` (Debian keeps the server off `PATH`).
    ///
    /// - Throws: `EmbeddedError.serverNotInstalled`, naming what to install.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ServerBinaries {
        let fm = FileManager.default
        func complete(_ dir: URL) -> Bool {
            required.allSatisfy { fm.isExecutableFile(atPath: dir.appendingPathComponent($0).path) }
        }
        var candidates: [URL] = []
        for entry in (environment["PATH"] ?? "").split(separator: ":") {
            candidates.append(URL(fileURLWithPath: String(entry), isDirectory: true))
        }
        if let bindir = pgConfigBindir(environment: environment) { candidates.append(bindir) }
        let debianRoot = "/usr/lib/postgresql"
        let versions = ((try? fm.contentsOfDirectory(atPath: debianRoot)) ?? [])
            .compactMap { name in Int(name).map { ($0, name) } ?? Double(name).map { (Int($0), name) } }
            .sorted { $0.0 > $1.0 }
        for (_, name) in versions {
            candidates.append(URL(fileURLWithPath: "\(debianRoot)/\(name)/bin", isDirectory: true))
        }
        if let dir = candidates.first(where: complete) { return ServerBinaries(directory: dir) }
        throw EmbeddedError.serverNotInstalled(searched: ["\(debianRoot)/*/bin"])
    }

    private static func pgConfigBindir(environment: [String: String]) -> URL? {
        for entry in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let tool = URL(fileURLWithPath: String(entry)).appendingPathComponent("pg_config")
            guard FileManager.default.isExecutableFile(atPath: tool.path),
                  let out = try? CommandRunner.run(tool, ["--bindir"]), out.status == 0
            else { continue }
            let path = out.output.trimmingCharacters(in: .whitespacesAndNewlines)
            if !path.isEmpty { return URL(fileURLWithPath: path, isDirectory: true) }
        }
        return nil
    }
}
