import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Output helpers: results go to stdout, progress and notes to stderr, and progress only when stderr
/// is a terminal, so piped output stays clean.
enum Terminal {
    static let isInteractive = isatty(STDERR_FILENO) == 1
    static let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1

    /// A one-line note on stderr (kept when piped: it is not progress).
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Rewrites the current terminal line with `text`; nothing when not on a terminal.
    static func progress(_ text: String) {
        guard isInteractive else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    /// Ends a progress line.
    static func endProgress() {
        guard isInteractive else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
