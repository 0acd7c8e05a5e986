import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private PostgreSQL cluster that consult creates, starts and stops itself.
///
/// Contract:
/// - The cluster lives in `clusterDirectory` (normally `$CONSULT_HOME/pg`): `data/` holds the
///   database files, `server.log` the server's log, and the server listens on a Unix socket only
///   (`listen_addresses = ''`), so nothing is reachable over the network. Authentication is `trust`
///   on that socket; the socket directory is mode 0700, so only its owner (and root) can connect.
/// - `initdb` refuses to run as root. When consult runs as root, the server runs as the unprivileged
///   `postgres` OS user, which must be able to walk to the data directory; if any parent directory
///   of `$CONSULT_HOME` is closed to other users (a private home, mode 700), the cluster is kept in
///   `/var/tmp/consult-<hash of the home path>/pg` instead, and `consult db status` says so.
/// - Unix socket paths are limited to about 100 bytes; a long path falls back to a socket directory
///   under `/tmp`.
public struct EmbeddedCluster: Sendable {
    public static let databaseName = "consult"
    public static let userName = "consult"
    public static let port = 5432

    public let home: URL
    public let clusterDirectory: URL
    public let socketDirectory: URL
    /// The OS user the server runs as when consult runs as root; `nil` when it runs as the caller.
    public let serverUser: String?
    /// When false (test clusters), fsync and friends are off: fast, and fine for throwaway data.
    public let durable: Bool

    public var dataDirectory: URL { clusterDirectory.appendingPathComponent("data", isDirectory: true) }
    public var logFile: URL { clusterDirectory.appendingPathComponent("server.log") }

    /// True when the cluster was moved out of `$CONSULT_HOME` because the server user can't reach it.
    public var isRelocated: Bool { clusterDirectory.deletingLastPathComponent().standardizedFileURL != home.standardizedFileURL }

    /// Describes the cluster for `home` without touching the disk.
    ///
    /// - Throws: `EmbeddedError.noUnprivilegedUser` when running as root without a `postgres` user.
    public init(home: URL, durable: Bool = true) throws {
        let home = home.standardizedFileURL
        self.home = home
        self.durable = durable
        let isRoot = getuid() == 0
        if isRoot {
            guard getpwnam("postgres") != nil else { throw EmbeddedError.noUnprivilegedUser }
            serverUser = "postgres"
        } else {
            serverUser = nil
        }
        let hash = Self.stableHash(home.path)
        if isRoot && !Self.othersCanTraverse(home) {
            clusterDirectory = URL(fileURLWithPath: "/var/tmp/consult-\(hash)/pg", isDirectory: true)
        } else {
            clusterDirectory = home.appendingPathComponent("pg", isDirectory: true)
        }
        let preferredSocket = clusterDirectory.appendingPathComponent("run", isDirectory: true)
        socketDirectory = preferredSocket.path.utf8.count <= 90
            ? preferredSocket
            : URL(fileURLWithPath: "/tmp/consult-\(hash)", isDirectory: true)
    }

    /// A libpq URI for the consult database on this cluster.
    public var connectionURL: String { url(database: Self.databaseName) }

    /// A libpq URI for another database on this cluster (e.g. `postgres`, to create `consult`), as
    /// `user` (default: the cluster's owner). Trust authentication on the private socket lets any
    /// role log in; what it may then read is up to the database's grants.
    public func url(database: String, user: String = EmbeddedCluster.userName) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encode = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        return "postgresql:///\(encode(database))?host=\(encode(socketDirectory.path))&port=\(Self.port)&user=\(encode(user))"
    }

    /// True once `initdb` has created the data directory.
    public var isInitialised: Bool {
        FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("PG_VERSION").path)
    }

    /// True when a server is running on the data directory.
    public func isRunning(binaries: ServerBinaries) -> Bool {
        guard isInitialised else { return false }
        let outcome = try? CommandRunner.run(binaries.program("pg_ctl"), ["status", "-D", dataDirectory.path], asUser: serverUser)
        return outcome?.status == 0
    }

    /// Creates the cluster if needed and starts it if it is not running.
    ///
    /// - Returns: true if this call started the server.
    ///
    /// Concurrent callers (two commands run at once on first use) are serialised with an exclusive
    /// lock on `pg.lock` beside the cluster directory: one creates and starts, the other finds it running.
    @discardableResult
    public func start(binaries: ServerBinaries) throws -> Bool {
        let lock = try ClusterLock(directory: clusterDirectory.deletingLastPathComponent())
        defer { lock.release() }
        if !isInitialised { try initialise(binaries: binaries) }
        if isRunning(binaries: binaries) { return false }
        try prepareSocketDirectory()
        let outcome = try CommandRunner.run(
            binaries.program("pg_ctl"),
            ["start", "-w", "-t", "60", "-D", dataDirectory.path, "-l", logFile.path],
            asUser: serverUser
        )
        guard outcome.status == 0 else {
            let logTail = (try? String(contentsOf: logFile, encoding: .utf8))?
                .split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
            throw EmbeddedError.commandFailed(command: "pg_ctl start", status: outcome.status,
                                              output: logTail.isEmpty ? outcome.output : logTail)
        }
        return true
    }

    /// Stops the server if it is running (fast shutdown: open transactions roll back).
    ///
    /// - Returns: true if a running server was stopped.
    @discardableResult
    public func stop(binaries: ServerBinaries) throws -> Bool {
        guard isRunning(binaries: binaries) else { return false }
        try CommandRunner.check(binaries.program("pg_ctl"), ["stop", "-w", "-m", "fast", "-D", dataDirectory.path],
                                asUser: serverUser)
        return true
    }

    private func initialise(binaries: ServerBinaries) throws {
        try makeDirectory(clusterDirectory)
        try CommandRunner.check(
            binaries.program("initdb"),
            ["-D", dataDirectory.path, "-U", Self.userName, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-instructions"],
            asUser: serverUser
        )
        var settings = [
            "listen_addresses = ''",
            "unix_socket_directories = '\(socketDirectory.path.replacingOccurrences(of: "'", with: "''"))'",
            "port = \(Self.port)",
        ]
        if !durable {
            settings += ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]
        }
        let conf = dataDirectory.appendingPathComponent("postgresql.conf")
        let handle = try FileHandle(forWritingTo: conf)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(("\n# consult: private cluster\n" + settings.joined(separator: "\n") + "\n").utf8))
    }

    private func prepareSocketDirectory() throws {
        try makeDirectory(socketDirectory)
    }

    /// Creates `url` (mode 0700) owned by the server user. Its parents are created with default modes
    /// first: a parent made 0700 by root would lock the server user out.
    private func makeDirectory(_ url: URL) throws {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !fm.fileExists(atPath: url.path) {
                try fm.createDirectory(at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            }
            if let serverUser {
                try fm.setAttributes([.ownerAccountName: serverUser], ofItemAtPath: url.path)
            }
        } catch {
            throw EmbeddedError.filesystem(path: url.path, reason: "cannot create the cluster directory (\(error.localizedDescription))")
        }
    }

    /// True when every existing ancestor of `url` lets other users traverse it (the execute bit).
    private static func othersCanTraverse(_ url: URL) -> Bool {
        var dir = url
        var checked: [URL] = []
        while dir.path != "/" {
            checked.append(dir)
            dir = dir.deletingLastPathComponent()
        }
        for ancestor in checked {
            guard let attrs = try? FileManager.default.attributesOfItem(atPath: ancestor.path),
                  let mode = attrs[.posixPermissions] as? Int
            else { continue }
            if mode & 0o001 == 0 { return false }
        }
        return true
    }

    /// An exclusive `flock` on `pg.lock` in `directory`, held until `release()` (or process exit).
    /// Opened close-on-exec: a server started while it is held must not inherit it and keep it forever.
    private struct ClusterLock {
        let descriptor: Int32

        init(directory: URL) throws {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw EmbeddedError.filesystem(path: directory.path, reason: "cannot create the directory (\(error.localizedDescription))")
            }
            let path = directory.appendingPathComponent("pg.lock").path
            descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                throw EmbeddedError.filesystem(path: path, reason: "cannot open the lock file (\(String(cString: strerror(errno))))")
            }
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    throw EmbeddedError.filesystem(path: path, reason: "cannot lock (\(String(cString: strerror(errno))))")
                }
            }
        }

        func release() { close(descriptor) }
    }

    /// FNV-1a: a short, stable name for a path; not a security boundary.
    private static func stableHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        return String(hash, radix: 16)
    }
}
