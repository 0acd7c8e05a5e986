import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the PostgreSQL helper programs, optionally as another OS user.
///
/// It uses `posix_spawn` and `waitpid` directly rather than Foundation's `Process`, whose exit
/// notification depends on a run loop and can wait forever when called off the main thread (as in
/// the test runner). Output goes to a temporary file rather than a pipe: `pg_ctl start` leaves a
/// server running that could inherit a pipe and keep it open.
enum CommandRunner {
    struct Outcome { var status: Int32; var output: String }

    static func run(_ program: URL, _ arguments: [String], asUser user: String? = nil) throws -> Outcome {
        // runuser (util-linux) switches user without a password when called by root.
        let argv = user.map { ["/usr/sbin/runuser", "-u", $0, "--", program.path] + arguments } ?? [program.path] + arguments
        let logPath = FileManager.default.temporaryDirectory.appendingPathComponent("consult-cmd-\(UUID().uuidString).log").path
        defer { unlink(logPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ)
        guard spawned == 0 else {
            throw EmbeddedError.commandFailed(command: program.lastPathComponent, status: -1,
                                              output: "cannot start \(argv[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { break }
        }
        let output = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0
        return Outcome(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output: output)
    }

    /// Runs and throws `EmbeddedError.commandFailed` on a non-zero exit.
    @discardableResult
    static func check(_ program: URL, _ arguments: [String], asUser user: String? = nil) throws -> String {
        let outcome = try run(program, arguments, asUser: user)
        guard outcome.status == 0 else {
            throw EmbeddedError.commandFailed(command: program.lastPathComponent, status: outcome.status, output: outcome.output)
        }
        return outcome.output
    }
}
