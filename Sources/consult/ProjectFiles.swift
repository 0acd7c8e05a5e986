import Foundation

/// Finds the files consult ships beside its sources: the `sql/` migrations and the `surveys/` folder.
///
/// Search order: `$CONSULT_SQL_DIR` (migrations only), the current directory and its parents, the
/// executable's directory and its parents (`.build/debug/consult` sits inside the checkout), and the
/// source tree this binary was compiled from.
enum ProjectFiles {
    struct Missing: Error, CustomStringConvertible {
        var what: String
        var description: String { "cannot find \(what); run consult from its project directory, or set CONSULT_SQL_DIR" }
    }

    static func root() throws -> URL {
        let fm = FileManager.default
        var starts = [URL(fileURLWithPath: fm.currentDirectoryPath)]
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent())
        starts.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent())
        for start in starts {
            var dir = start.standardizedFileURL
            while true {
                if fm.fileExists(atPath: dir.appendingPathComponent("sql/0001_consultation.sql").path) { return dir }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        throw Missing(what: "the consult project files (sql/, surveys/)")
    }

    static func migrations() throws -> String {
        if let dir = ProcessInfo.processInfo.environment["CONSULT_SQL_DIR"], !dir.isEmpty { return dir }
        return try root().appendingPathComponent("sql").path
    }

    static func surveys() throws -> String { try root().appendingPathComponent("surveys").path }
}
