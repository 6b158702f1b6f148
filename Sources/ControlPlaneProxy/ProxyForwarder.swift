import ARMCore
import EmulatorHTTP
import Foundation
import Identity
import JSON
import Synchronization

/// Sends the proxied `Microsoft.CognitiveServices/accounts/{a}/...` call over HTTP(S) with the
/// emulator's own HTTP client to the resource manager that owns the account, authenticated as the
/// hub proxy's first-party principal, with the workspace caller in the `OnBehalfOf` headers.
///
/// TLS choice (documented in docs/rbac-and-hub-proxy.md): a loopback target (`127.0.0.0/8`,
/// `localhost`, `::1`) is reached on the plain-HTTP side of its listener (every emulator serves
/// both on one port), so an emulator's self-signed certificate needs no trust there. Other hosts
/// are called with HTTPS and must present a certificate the system's CA store trusts (`--tls-cert`
/// signed by a trusted CA), or the emulator's process must point OpenSSL at the target's PEM with
/// `SSL_CERT_FILE` (which replaces the system store for this process's outbound calls).
package final class ProxyForwarder: Sendable {
    let client: HTTPClient
    let timeoutMilliseconds: Int
    let tokens: @Sendable (_ audience: String) -> String
    /// This emulator's own listener on its plain-HTTP side, once it listens (`listening`).
    private let local = Mutex<String?>(nil)

    /// `tokens` mints an access token of the proxy principal for an audience.
    package init(timeoutMilliseconds: Int, tokens: @escaping @Sendable (_ audience: String) -> String) {
        // The deadline covers the whole call, as `--proxy-timeout` promises.
        self.client = HTTPClient(configuration: HTTPClientConfiguration(timeout: Double(timeoutMilliseconds) / 1000))
        self.timeoutMilliseconds = timeoutMilliseconds
        self.tokens = tokens
    }

    /// The same, with tokens minted by this emulator's token service.
    package convenience init(timeoutMilliseconds: Int, identity: IdentityService) {
        let principal = ServicePrincipal(
            objectId: WellKnown.hubProxyObjectId, appId: WellKnown.hubProxyClientId, displayName: WellKnown.hubProxyDisplayName,
            secrets: [], tenantId: WellKnown.tenantId)
        self.init(timeoutMilliseconds: timeoutMilliseconds) { audience in
            identity.issueToken(for: .servicePrincipal(principal), audience: audience)
        }
    }

    /// Records where this emulator listens, so calls to its own accounts go straight to its
    /// listener over plain HTTP (whatever host name or certificate the client used): `0.0.0.0`
    /// and `::` are reached on loopback.
    package func listening(host: String, port: Int) {
        let reachable: String
        switch host {
        case "", "0.0.0.0": reachable = "127.0.0.1"
        case "::": reachable = "[::1]"
        default: reachable = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        }
        local.withLock { $0 = "http://\(reachable):\(port)" }
    }

    /// This emulator's own base, once it listens.
    var localBase: String? { local.withLock { $0 } }

    /// `base` is `scheme://host[:port]` of the target resource manager; `pathAndQuery` starts with `/`.
    func send(
        _ method: String, base: String, pathAndQuery: String, body: JSONValue?, onBehalfOf caller: Caller?, correlationID: String
    ) async throws -> ForwardedResponse {
        let base = Self.reachableBase(base)
        var headers = HTTPHeaders([
            ("Authorization", "Bearer " + tokens(base + "/")), ("x-ms-correlation-request-id", correlationID),
            ("Accept", "application/json"),
        ])
        if let caller {
            for (name, value) in OnBehalfOf.headers(for: caller) { headers.set(name, value) }
        }
        if body != nil { headers.set("Content-Type", "application/json") }
        let request: HTTPClientRequest
        do {
            request = try HTTPClientRequest(method: method, url: base + pathAndQuery, headers: headers, body: body?.serialized())
        } catch {
            throw ARMError.proxyBadGateway(base, reason: "not a valid URL.")
        }
        let response: HTTPClientResponse
        do {
            response = try await client.send(request)
        } catch let error as HTTPClientError where error.kind == .timeout {
            throw ARMError.proxyGatewayTimeout(base, milliseconds: timeoutMilliseconds)
        } catch {
            throw ARMError.proxyBadGateway(base, reason: error.localizedDescription)
        }
        let data = response.body
        // The target refusing the proxy's own token (another signing key, an unknown tenant) is
        // the gateway's failure, not the client's: passed through, a 401 would tell the client
        // that its token is bad.
        if response.status == 401 {
            let code = (try? JSONParser.parse(data))?["error"]?["code"]?.stringValue ?? "401"
            throw ARMError.proxyBadGateway(base, reason: "it refused the hub proxy's token (\(code)).")
        }
        if data.isEmpty { return ForwardedResponse(status: response.status, body: nil) }
        guard let json = try? JSONParser.parse(data) else {
            throw ARMError.proxyBadGateway(base, reason: "HTTP \(response.status) with a body that is not JSON.")
        }
        return ForwardedResponse(status: response.status, body: json)
    }

    /// A loopback HTTPS base becomes the plain-HTTP side of the same listener (see the type's comment).
    static func reachableBase(_ base: String) -> String {
        var text = base
        while text.hasSuffix("/") { text.removeLast() }
        guard text.lowercased().hasPrefix("https://"), let components = URLComponents(string: text),
            let host = components.host?.lowercased()
        else { return text }
        let loopback = host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
        return loopback ? "http://" + text.dropFirst("https://".count) : text
    }
}
