import ARMTestSupport
import EmulatorHTTP
import Foundation
import JSON
import Testing

@testable import ARMCore

/// Shared fixtures for the ARMCore tests: a subscription, requests, a pipeline without sockets.
enum Fixture {
    static let subscription = "9b4e3f2a-1c2d-4e5f-8a9b-0c1d2e3f4a5b"
    static let otherSubscription = "11111111-2222-3333-4444-555555555555"
    static let apiVersion = "2025-06-01"
    static let host = "localhost:8443"

    static let user = Caller(
        objectId: "aaaaaaaa-0000-0000-0000-000000000001", tenantId: "72f988bf-0000-0000-0000-000000000001",
        principalType: .user, userPrincipalName: "alice@contoso.com")
    static let app = Caller(
        objectId: "bbbbbbbb-0000-0000-0000-000000000002", tenantId: "72f988bf-0000-0000-0000-000000000001",
        appId: "app-client-id-0001", principalType: .servicePrincipal)

    static func http(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: String? = nil, tls: Bool = false
    ) -> HTTPRequest {
        var fields = [("Host", host)] + headers
        if body != nil && !fields.contains(where: { $0.0.lowercased() == "content-type" }) {
            fields.append(("Content-Type", "application/json"))
        }
        return HTTPRequest(
            method: method, target: target, headers: HTTPHeaders(fields.map { (name: $0.0, value: $0.1) }),
            body: body.map { Array($0.utf8) } ?? [], isTLS: tls)
    }

    static func request(_ method: String, _ target: String, headers: [(String, String)] = [], body: String? = nil) -> ARMRequest {
        var request = ARMRequest(http: http(method, target, headers: headers, body: body))
        request.apiVersion = request.query["api-version"]
        return request
    }

    /// A pipeline with the standard api-version and route-match steps.
    /// `extra` runs before route match, `after` after it.
    static func pipeline(routes: [Route], extra: [any ARMMiddleware] = [], after: [any ARMMiddleware] = []) -> ARMPipeline {
        let router = Router(routes: routes)
        return ARMPipeline(middleware: [APIVersionMiddleware()] + extra + [RouteMatchMiddleware(router: router)] + after, router: router)
    }

    static func json(_ response: HTTPResponse) throws -> JSONValue {
        try JSONParser.parse(response.body)
    }

    static func errorCode(_ response: HTTPResponse) -> String? {
        (try? json(response))?["error"]?["code"]?.stringValue
    }

    static func sub(_ rest: String = "") -> String { "/subscriptions/\(subscription)\(rest)" }
}

/// Expects `body` to throw an `ARMError` and returns it.
func expectARMError(
    _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation
) -> ARMError? {
    do {
        try body()
        Issue.record("expected an ARMError, nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as ARMError {
        return error
    } catch {
        Issue.record("expected an ARMError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// A one-shot signal: background work waits on it until the test opens it.
final class Gate: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream(of: Void.self)
    }

    func open() { continuation.finish() }

    func wait() async {
        for await _ in stream {}
    }
}

extension HTTPResponse {
    func header(_ name: String) -> String? { headers[name] }
}

/// The path and query of an absolute URL we handed out (nextLink, Location), to send it back.
func target(ofAbsoluteURL url: String) -> String {
    let prefix = "http://\(Fixture.host)"
    #expect(url.hasPrefix(prefix), "\(url) is not on \(prefix)")
    return String(url.dropFirst(prefix.count))
}
