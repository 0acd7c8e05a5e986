import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 client for tests that talk to servers on this machine: the service a test starts in its
/// own process, `consult serve` in a child, chromedriver.
///
/// Each request runs on a thread of its own, with blocking socket calls under a deadline, and hands its
/// answer back through a continuation. So a test waiting for an answer never holds one of Swift
/// concurrency's cooperative threads (one per core), which an in-process server under test needs in
/// order to answer: a client that blocked one (a curl child waited on with `waitUntilExit`) deadlocked
/// the full parallel suite, and FoundationNetworking's `URLSession`, which works on Dispatch's shared
/// threads, hung in it too. One connection per request (`Connection: close`), so nothing lingers
/// between requests or delays a server's graceful shutdown; the answer ends where its length says
/// (chromedriver keeps the connection open anyway), or at the end of a chunked body, or when the server
/// closes. Lenient about header spacing (chromedriver writes `Content-Length:917`).
package enum LoopbackHTTP {
    package struct Reply: Sendable {
        package var status: Int
        /// Header names in lower case; a repeated header keeps its last value.
        package var headers: [String: String]
        package var body: Data
        package var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// What went wrong, naming the request.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// Sends one request to `127.0.0.1:port` and returns the whole answer.
    ///
    /// - Parameters:
    ///   - target: the path and query, e.g. `/v1/themes?by=group`.
    ///   - headers: sent as given, after `Host`, `Connection: close` and (with a body) `Content-Length`.
    ///   - timeout: seconds allowed for connecting, for each write and for each read.
    /// - Throws: `Failure` when the server cannot be reached, stops answering within `timeout`, or
    ///   answers something that is not HTTP/1.x.
    package static func send(_ method: String, port: Int, _ target: String, headers: [(String, String)] = [], body: Data? = nil,
                             timeout: Int = 120) async throws -> Reply {
        let request = encode(method, port: port, target, headers: headers, body: body)
        let name = "\(method) http://127.0.0.1:\(port)\(target)"
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result {
                    try parse(exchange(request, port: port, timeout: timeout, name: name), name: name)
                })
            }
            thread.name = "LoopbackHTTP"
            thread.start()
        }
    }

    static func encode(_ method: String, port: Int, _ target: String, headers: [(String, String)], body: Data?) -> Data {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let body { head += "Content-Length: \(body.count)\r\n" }
        for (field, value) in headers { head += "\(field): \(value)\r\n" }
        return Data((head + "\r\n").utf8) + (body ?? Data())
    }

    /// Writes `request` and reads until the answer is complete or the server closes the connection.
    private static func exchange(_ request: Data, port: Int, timeout: Int, name: String) throws -> Data {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "\(name): no socket (errno \(errno))") }
        defer { close(socket) }
        var deadline = timeval(tv_sec: timeout, tv_usec: 0)
        for option in [SO_RCVTIMEO, SO_SNDTIMEO] {
            setsockopt(socket, SOL_SOCKET, option, &deadline, socklen_t(MemoryLayout<timeval>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "\(name): cannot connect (errno \(errno))") }
        try request.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var sent = 0
            while sent < bytes.count {
                // MSG_NOSIGNAL: a server that closed early is an error here, not SIGPIPE for the test process.
                let n = Glibc.send(socket, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
                guard n > 0 else { throw Failure(description: "\(name): writing the request failed (errno \(errno))") }
                sent += n
            }
        }
        var answer = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = recv(socket, &buffer, buffer.count, 0)
            if n == 0 { return answer }
            guard n > 0 else {
                let reason = errno == EAGAIN || errno == EWOULDBLOCK ? "no answer within \(timeout) s" : "reading failed (errno \(errno))"
                throw Failure(description: "\(name): \(reason) after \(answer.count) bytes")
            }
            answer.append(contentsOf: buffer[0..<n])
            if (try? parse(answer, name: name, complete: true)) != nil { return answer }
        }
    }

    /// The status, headers and body of one HTTP/1.x answer (body by `Content-Length`, chunked, or to the end).
    ///
    /// - Parameter complete: also throw when the answer has no length of its own (neither
    ///   `Content-Length` nor chunked), which only the server closing the connection can end.
    static func parse(_ answer: Data, name: String, complete: Bool = false) throws -> Reply {
        let bytes = [UInt8](answer)
        guard let end = firstIndex(of: [13, 10, 13, 10], in: bytes, from: 0) else {
            throw Failure(description: "\(name): the answer has no complete header (\(bytes.count) bytes)")
        }
        let lines = String(decoding: bytes[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw Failure(description: "\(name): not an HTTP/1.x status line: \(lines[0].prefix(80))")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(end + 4)...])
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            body = try dechunk(body, name: name)
        } else if let length = headers["content-length"].flatMap({ Int($0) }) {
            guard body.count >= length else { throw Failure(description: "\(name): body ended after \(body.count) of \(length) bytes") }
            body = Array(body.prefix(length))
        } else if complete {
            throw Failure(description: "\(name): the answer ends only when the connection closes")
        }
        return Reply(status: status, headers: headers, body: Data(body))
    }

    private static func dechunk(_ bytes: [UInt8], name: String) throws -> [UInt8] {
        var body: [UInt8] = []
        var at = 0
        while let lineEnd = firstIndex(of: [13, 10], in: bytes, from: at) {
            let sizeText = String(decoding: bytes[at..<lineEnd], as: UTF8.self).split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw Failure(description: "\(name): bad chunk size '\(sizeText.prefix(20))'")
            }
            if size == 0 { return body }
            let start = lineEnd + 2
            guard start + size <= bytes.count else { throw Failure(description: "\(name): a chunk ends early") }
            body += bytes[start..<(start + size)]
            at = start + size + 2
        }
        throw Failure(description: "\(name): chunked body without its last chunk")
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var i = start
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0] && Array(bytes[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}
