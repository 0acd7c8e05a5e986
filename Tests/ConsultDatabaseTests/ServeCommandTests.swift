import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `consult token` and `consult serve` as an operator runs them: the token alone on stdout's last
/// line; the server on a free loopback port, answering, and ending cleanly on SIGTERM.
/// A time limit, so that a request that is never answered fails the test instead of stalling the suite.
@Suite(.timeLimit(.minutes(5))) struct ServeCommandTests {
    @Test func tokenCreatePrintsTheTokenOnceAndServeStopsOnSIGTERM() async throws {
        let cli = CLITests()
        let url = try cli.freshURL()
        #expect(try cli.consult(["survey", "load"], databaseURL: url).status == 0)
        let refused = try cli.consult(["serve", "--listen", "127.0.0.1:0"], databaseURL: url)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("consult roles setup"))
        #expect(try cli.consult(["roles", "setup"], databaseURL: url).status == 0)

        let created = try cli.consult(["token", "create", "--access", "reader"], databaseURL: url)
        #expect(created.status == 0)
        let token = try #require(created.stdout.split(separator: "\n").last.map(String.init))
        #expect(token.hasPrefix("consult_") && token.count == 72)
        let listed = try cli.consult(["token", "list", "--format", "json"], databaseURL: url)
        #expect(listed.stdout.contains("\"access\":\"reader\"") && !listed.stdout.contains(token))
        #expect(try cli.consult(["token", "create", "--access", "owner"], databaseURL: url).status != 0)
        #expect(try cli.consult(["token", "revoke", "99"], databaseURL: url).stderr.contains("no token with id 99"))
        #expect(try cli.consult(["serve", "--listen", "nowhere"], databaseURL: url).stderr.contains("is not HOST:PORT"))

        let server = try cli.start(["serve", "--listen", "127.0.0.1:0"], databaseURL: url)
        var port: Int?
        for _ in 0..<200 where port == nil {
            let err = (try? String(contentsOfFile: server.err, encoding: .utf8)) ?? ""
            port = err.firstMatch(of: /serving on http:\/\/127\.0\.0\.1:(\d+)/).flatMap { Int($0.output.1) }
            if port == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        let bound = try #require(port, "the server did not say where it listens")
        let refusedRead = try await LoopbackHTTP.send("GET", port: bound, "/v1/questions")
        #expect(refusedRead.status == 401)
        #expect(refusedRead.text.contains("urn:consult:problem:unauthorised"))
        kill(server.pid, SIGTERM)
        let stopped = server.finish()
        #expect(stopped.status == 0)
        #expect(stopped.stderr.contains("route=/v1/questions status=401"))
        #expect(!stopped.stderr.contains(token))
    }
}
