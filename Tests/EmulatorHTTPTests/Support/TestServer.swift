import EmulatorHTTP
import Foundation
import Synchronization
import Testing

/// The parent of every suite that starts a real server: serialized, because the tests block on
/// sockets and the machine may have only two cooperative threads.
@Suite(.serialized) struct LiveServerTests {}

struct ClosureHandler: HTTPHandler {
    let body: @Sendable (HTTPRequest) async -> HTTPResponse

    init(_ body: @escaping @Sendable (HTTPRequest) async -> HTTPResponse) {
        self.body = body
    }

    func handle(_ request: HTTPRequest) async -> HTTPResponse { await body(request) }
}

/// What the echo handler saw, as JSON.
struct EchoReport: Codable, Equatable {
    var method: String
    var target: String
    var path: String
    var query: String?
    var body: String
    var isTLS: Bool
    var remoteAddress: String
    var isFromLoopback: Bool
    var host: String?
    var headerNames: [String]
}

enum TestHandlers {
    static let echo = ClosureHandler { request in
        let report = EchoReport(
            method: request.method, target: request.target, path: request.path, query: request.query,
            body: String(decoding: request.body, as: UTF8.self), isTLS: request.isTLS,
            remoteAddress: request.remoteAddress, isFromLoopback: request.isFromLoopback,
            host: request.headers["Host"], headerNames: request.headers.map(\.name))
        return .json(200, Array(try! JSONEncoder().encode(report)))
    }

    static let small = ClosureHandler { _ in .json(200, Array(#"{"ok":true}"#.utf8)) }
}

extension TestResponse {
    var echo: EchoReport? { try? JSONDecoder().decode(EchoReport.self, from: Data(body)) }
}

/// A door a handler waits at until the test opens it.
final class Gate: Sendable {
    private struct State {
        var isOpen = false
        var entered = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                state.entered += 1
                if state.isOpen { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.isOpen = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    var entered: Int { state.withLock { $0.entered } }

    /// Polls until `count` handlers are waiting (or 10 s pass).
    func waitUntilEntered(_ count: Int = 1) -> Bool {
        for _ in 0..<1000 {
            if entered >= count { return true }
            usleep(10_000)
        }
        return false
    }
}

func testConfiguration(_ adjust: (inout HTTPServerConfiguration) -> Void = { _ in }) -> HTTPServerConfiguration {
    var configuration = HTTPServerConfiguration(eventLoopCount: 2)
    adjust(&configuration)
    return configuration
}

/// Starts a server on an ephemeral port, runs `body`, shuts the server down.
@discardableResult
func withServer<T>(
    _ configuration: HTTPServerConfiguration = testConfiguration(),
    handler: any HTTPHandler = TestHandlers.echo,
    _ body: (HTTPServer, Int) throws -> T
) throws -> T {
    let server = HTTPServer(configuration: configuration, handler: handler)
    let port = try server.start()
    defer { server.shutdown(gracePeriod: 1) }
    return try body(server, port)
}

/// A fresh temporary directory (removed by the caller when it cares).
func makeTemporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "emulator-http-tests-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A self-signed pair written once per test process.
let sharedCertificate: (certificatePath: String, privateKeyPath: String) = {
    try! SelfSignedCertificate.loadOrCreate(in: makeTemporaryDirectory())
}()

func get(_ target: String, headers: [String] = [], host: String = "localhost") -> String {
    var request = "GET \(target) HTTP/1.1\r\nHost: \(host)\r\n"
    for header in headers { request += header + "\r\n" }
    return request + "\r\n"
}
