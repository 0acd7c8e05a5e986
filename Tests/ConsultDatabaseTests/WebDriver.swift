import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport

/// A minimal W3C WebDriver client for Debian's `chromedriver` driving headless Chromium, enough to
/// fill in and submit a form, run a script, and take screenshots. Loopback only.
final class WebDriver: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible { var description: String }

    private let process: Process
    private let port: Int
    private var session = ""

    /// Chromium and chromedriver as Debian installs them (`apt-get install chromium chromium-driver`),
    /// or nil when either is missing.
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
    }

    init() async throws {
        port = Int.random(in: 20_000...45_000)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chromedriver")
        process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<300 where (try? await call("GET", "/status")) == nil {
            try await Task.sleep(for: .milliseconds(100))
        }
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            "goog:chromeOptions": ["binary": "/usr/bin/chromium",
                                   "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"]],
        ]]]
        let created = try await call("POST", "/session", capabilities)
        guard let id = (created["value"] as? [String: Any])?["sessionId"] as? String else { throw Failure(description: "no WebDriver session: \(created)") }
        session = id
    }

    /// Ends the session (Chromium closes) and the driver. SIGKILL, because chromedriver can outlive
    /// SIGTERM, and a wait for it would hold a thread the other tests need.
    func quit() async {
        _ = try? await call("DELETE", "/session/\(session)")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func open(_ url: URL) async throws { _ = try await call("POST", "/session/\(session)/url", ["url": url.absoluteString]) }

    func size(width: Int, height: Int) async throws {
        _ = try await call("POST", "/session/\(session)/window/rect", ["width": width, "height": height])
    }

    /// Runs `script` in the page and returns its value.
    func run(_ script: String) async throws -> Any? {
        (try await call("POST", "/session/\(session)/execute/sync", ["script": script, "args": []]))["value"]
    }

    /// The text of the first element matching `css`, waiting up to `seconds` for it to appear: a
    /// click that submits a form can return before the next page has arrived on a loaded machine.
    func text(of css: String, within seconds: Int = 120) async throws -> String {
        let script = "const e = document.querySelector(arguments[0]); return e ? e.textContent : null"
        for _ in 0..<(seconds * 4) {
            if let text = try await call("POST", "/session/\(session)/execute/sync", ["script": script, "args": [css]])["value"] as? String {
                return text
            }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw Failure(description: "no element \(css) within \(seconds) s")
    }

    func element(_ css: String) async throws -> String {
        let found = try await call("POST", "/session/\(session)/element", ["using": "css selector", "value": css])
        guard let value = found["value"] as? [String: Any], let id = value.values.first as? String else {
            throw Failure(description: "no element \(css): \(found)")
        }
        return id
    }

    func click(_ css: String) async throws { _ = try await call("POST", "/session/\(session)/element/\(try await element(css))/click", [:]) }

    func type(_ css: String, _ text: String) async throws {
        _ = try await call("POST", "/session/\(session)/element/\(try await element(css))/value", ["text": text])
    }

    /// Sends keys to the page (e.g. "\u{E004}" for Tab).
    func keys(_ text: String) async throws {
        let actions: [[String: Any]] = text.map { ["type": "keyDown", "value": String($0)] } + text.map { ["type": "keyUp", "value": String($0)] }
        _ = try await call("POST", "/session/\(session)/actions", ["actions": [["type": "key", "id": "keyboard", "actions": actions]]])
    }

    /// A screenshot of the whole page at `width`, written to `path` as PNG.
    func screenshot(width: Int, to path: String) async throws {
        try await size(width: width, height: 900)
        let height = (try await run("return document.documentElement.scrollHeight") as? Int) ?? 900
        try await size(width: width, height: height + 140)
        let shot = try await call("GET", "/session/\(session)/screenshot")
        guard let base64 = shot["value"] as? String, let png = Data(base64Encoded: base64) else { throw Failure(description: "no screenshot") }
        try png.write(to: URL(fileURLWithPath: path))
    }

    /// One WebDriver command; navigation and screenshots can take minutes on a loaded machine.
    @discardableResult
    private func call(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> [String: Any] {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let reply = try await LoopbackHTTP.send(method, port: port, path, headers: [("Content-Type", "application/json")], body: data, timeout: 300)
        let object = (try? JSONSerialization.jsonObject(with: reply.body)) as? [String: Any] ?? [:]
        guard reply.status == 200 else { throw Failure(description: "WebDriver \(method) \(path): \(reply.status) \(object)") }
        return object
    }
}
