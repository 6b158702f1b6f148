import ARMCore
import EmulatorHTTP
import JSON
import Testing

@testable import ControlPlaneProxy

/// The audit headers: honoured only from the proxy's principal, after RBAC.
struct OnBehalfOfMiddlewareTests {
    struct Echo: ARMResponder {
        func respond(to request: ARMRequest) async throws -> ARMResponse {
            .ok(
                .object(
                    JSONObject([
                        ("objectId", .string(request.caller?.objectId ?? "")), ("name", .string(request.caller?.clientName ?? "")),
                        ("type", .string(request.caller?.principalType.rawValue ?? "")),
                    ])))
        }
    }

    let proxy = "fe000000-0000-4000-8000-000000000008"
    let middleware = OnBehalfOfMiddleware(proxyObjectId: "FE000000-0000-4000-8000-000000000008")

    func request(caller: Caller, headers: [(String, String)]) -> ARMRequest {
        var fields = HTTPHeaders()
        for (name, value) in headers { fields.set(name, value) }
        var request = ARMRequest(http: HTTPRequest(method: "PUT", target: "/x", headers: fields))
        request.caller = caller
        return request
    }

    @Test func theProxyCarriesTheOriginalCaller() async throws {
        let caller = Caller(objectId: proxy, tenantId: "t", appId: "app", principalType: .servicePrincipal)
        let response = try await middleware.respond(
            to: request(
                caller: caller,
                headers: [
                    (OnBehalfOf.objectIdHeader, "u1"), (OnBehalfOf.nameHeader, "dev@contoso.test"), (OnBehalfOf.typeHeader, "User"),
                ]), next: Echo())
        #expect(response.body?["objectId"]?.stringValue == "u1")
        #expect(response.body?["name"]?.stringValue == "dev@contoso.test")
        #expect(response.body?["type"]?.stringValue == "User")
    }

    @Test func anyoneElsesHeadersAreIgnored() async throws {
        let caller = Caller(objectId: "someone", tenantId: "t", appId: "app2", principalType: .servicePrincipal)
        let response = try await middleware.respond(
            to: request(caller: caller, headers: [(OnBehalfOf.objectIdHeader, "u1"), (OnBehalfOf.nameHeader, "mallory")]), next: Echo())
        #expect(response.body?["objectId"]?.stringValue == "someone")
        #expect(response.body?["name"]?.stringValue == "app2")
    }

    @Test func theProxyWithoutHeadersStaysItself() async throws {
        let caller = Caller(objectId: proxy, tenantId: "t", appId: "proxy-app", principalType: .servicePrincipal)
        let response = try await middleware.respond(to: request(caller: caller, headers: []), next: Echo())
        #expect(response.body?["objectId"]?.stringValue == proxy)
    }

    @Test(arguments: [
        ("127.0.0.1", "http://127.0.0.1:8443"), ("0.0.0.0", "http://127.0.0.1:8443"), ("::", "http://[::1]:8443"),
        ("::1", "http://[::1]:8443"), ("localhost", "http://localhost:8443"),
    ])
    func ownListenerIsReachedOverPlainHTTP(host: String, base: String) {
        let forwarder = ProxyForwarder(timeoutMilliseconds: 1000) { _ in "token" }
        #expect(forwarder.localBase == nil)
        forwarder.listening(host: host, port: 8443)
        #expect(forwarder.localBase == base)
    }
}
