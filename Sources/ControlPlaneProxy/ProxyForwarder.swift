import ARMCore
import Foundation
import Identity
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
import JSON
#endif

/// Sends the proxied `Microsoft.CognitiveServices/accounts/{a}/...` call over HTTP(S) with
/// URLSession to the resource manager that owns the account, authenticated as the hub proxy's
/// first-party principal, with the workspace caller in the `OnBehalfOf` headers.
///
/// TLS choice (documented in the README): FoundationNetworking on Linux pins libcurl to the system
/// CA bundle and offers no server-trust callback, so it cannot trust an emulator's self-signed
/// certificate. A loopback target (`127.0.0.0/8`, `localhost`, `::1`) is therefore reached on the
/// plain-HTTP side of its listener (every emulator serves both on one port). Other hosts are
/// called with HTTPS and must present a certificate the system trusts (`--tls-cert`), or the
/// process must set `URLSessionCertificateAuthorityInfoFile` to the target's PEM.
package final class ProxyForwarder: Sendable {
    let session: URLSession
    let timeoutMilliseconds: Int
    let tokens: @Sendable (_ audience: String) -> String
    /// This emulator's own listener on its plain-HTTP side, once it listens (`listening`).
    private let local = Mutex<String?>(nil)

    /// `tokens` mints an access token of the proxy principal for an audience.
    package init(timeoutMilliseconds: Int, tokens: @escaping @Sendable (_ audience: String) -> String) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = Double(timeoutMilliseconds) / 1000
        configuration.timeoutIntervalForResource = Double(timeoutMilliseconds) / 1000
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        self.session = URLSession(configuration: configuration)
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
        guard let url = URL(string: base + pathAndQuery) else { throw ARMError.proxyBadGateway(base, reason: "not a valid URL.") }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.timeoutInterval = Double(timeoutMilliseconds) / 1000
        request.setValue("Bearer " + tokens(base + "/"), forHTTPHeaderField: "Authorization")
        request.setValue(correlationID, forHTTPHeaderField: "x-ms-correlation-request-id")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        if let caller {
            for (name, value) in OnBehalfOf.headers(for: caller) { request.setValue(value, forHTTPHeaderField: name) }
        }
        if let body {
            request.httpBody = Data(body.serialized())
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch let error as URLError where error.code == .timedOut {
            throw ARMError.proxyGatewayTimeout(base, milliseconds: timeoutMilliseconds)
        } catch {
            throw ARMError.proxyBadGateway(base, reason: error.localizedDescription)
        }
        guard let http = response as? HTTPURLResponse else { throw ARMError.proxyBadGateway(base, reason: "not an HTTP response.") }
        // The target refusing the proxy's own token (another signing key, an unknown tenant) is
        // the gateway's failure, not the client's: passed through, a 401 would tell the client
        // that its token is bad.
        if http.statusCode == 401 {
            let code = (try? JSONParser.parse([UInt8](data)))?["error"]?["code"]?.stringValue ?? "401"
            throw ARMError.proxyBadGateway(base, reason: "it refused the hub proxy's token (\(code)).")
        }
        if data.isEmpty { return ForwardedResponse(status: http.statusCode, body: nil) }
        guard let json = try? JSONParser.parse([UInt8](data)) else {
            throw ARMError.proxyBadGateway(base, reason: "HTTP \(http.statusCode) with a body that is not JSON.")
        }
        return ForwardedResponse(status: http.statusCode, body: json)
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
