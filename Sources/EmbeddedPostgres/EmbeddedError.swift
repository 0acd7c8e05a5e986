/// Why the private cluster could not be found, created, started or stopped. One line each.
public enum EmbeddedError: Error, CustomStringConvertible, Sendable {
    case serverNotInstalled(searched: [String])
    case noUnprivilegedUser
    case commandFailed(command: String, status: Int32, output: String)
    case filesystem(path: String, reason: String)

    public var description: String {
        switch self {
        case .serverNotInstalled(let searched):
            return "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found (looked on PATH, via pg_config --bindir and in \(searched.joined(separator: ", "))); install them with: apt-get install postgresql (Debian/Ubuntu), or set DATABASE_URL to use an existing server"
        case .noUnprivilegedUser:
            return "running as root, and PostgreSQL refuses to run as root: no 'postgres' OS user exists to run the private cluster (create one with: useradd --system postgres), or run consult as a normal user, or set DATABASE_URL"
        case .commandFailed(let command, let status, let output):
            let last = output.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
            return "\(command) failed (exit \(status))\(last.isEmpty ? "" : ": \(last)")"
        case .filesystem(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
