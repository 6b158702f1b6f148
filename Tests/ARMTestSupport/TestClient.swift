import ARMCore
import EmulatorHTTP
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
import JSON
#endif

/// The one test client of the Swift suites, in two modes: in-process (a responder such as an ARM
/// pipeline, the data plane or the whole emulator answers the request without a socket) and live
/// (URLSession to a server listening on a port). Both answer a `Reply`. Like Hummingbird's testing
/// framework, the in-process mode runs the application's own responder, not a copy of it.
package struct TestClient: Sendable {
    package typealias Responder = @Sendable (HTTPRequest) async -> HTTPResponse

    enum Mode: Sendable {
        case inProcess(Responder)
        case live(baseURL: String, session: URLSession)
    }

    let mode: Mode
    /// The `Host` header of in-process requests (absolute URLs in answers are built from it).
    package var host: String
    /// In-process requests arrive as if over TLS (`https` in absolute URLs).
    package var isTLS: Bool
    /// The `api-version` added to a target that has none, unless the call names its own ("" for none).
    package var apiVersion: String?
    /// Fields sent with every request, before the call's own.
    package var headers: [(String, String)]
    /// Put before every in-process path (`/dataplane/{host}/api/projects/{project}/`, say).
    package var pathPrefix: String

    /// In-process: `respond` answers every request.
    package init(
        apiVersion: String? = nil, host: String = "localhost:8443", isTLS: Bool = true, headers: [(String, String)] = [],
        pathPrefix: String = "", _ respond: @escaping Responder
    ) {
        mode = .inProcess(respond)
        self.pathPrefix = pathPrefix
        self.host = host
        self.isTLS = isTLS
        self.apiVersion = apiVersion
        self.headers = headers
    }

    /// Live: requests go to `baseURL` (`http://127.0.0.1:{port}`) through `session`.
    package init(baseURL: String, session: URLSession, apiVersion: String? = nil, headers: [(String, String)] = []) {
        mode = .live(baseURL: baseURL, session: session)
        host = ""
        isTLS = false
        pathPrefix = ""
        self.apiVersion = apiVersion
        self.headers = headers
    }

    /// One request. `path` may carry a query; `url` (live) overrides it with an absolute URL (a
    /// `Location`). `body` (text) and `data` (bytes) are sent as they are, `json` and `jsonObject` (a
    /// Foundation object) serialized; each is `application/json` unless `headers` name another type.
    /// `token` adds `Authorization: Bearer`; `principal` adds `X-Test-Principal` for `TestAuthenticator`.
    @discardableResult
    package func send(
        _ method: String, _ path: String = "", url: String? = nil, apiVersion: String? = nil, body: String? = nil,
        json: JSONValue? = nil, jsonObject: Any? = nil, data: [UInt8]? = nil, headers: [(String, String)] = [], token: String? = nil,
        as principal: String? = nil
    ) async throws -> Reply {
        var target = url ?? (pathPrefix + path)
        if let version = apiVersion ?? self.apiVersion, !version.isEmpty, !target.contains("api-version=") {
            target += (target.contains("?") ? "&" : "?") + "api-version=" + version
        }
        var fields = self.headers + headers
        if let token { fields.append(("Authorization", "Bearer " + token)) }
        if let principal { fields.append(("X-Test-Principal", principal)) }
        let bytes =
            try data ?? json.map { $0.serialized() } ?? jsonObject.map { Array(try JSONSerialization.data(withJSONObject: $0)) }
            ?? body.map { Array($0.utf8) }
        if bytes != nil, !fields.contains(where: { $0.0.lowercased() == "content-type" }) {
            fields.append(("Content-Type", "application/json"))
        }
        switch mode {
        case .inProcess(let respond):
            let request = HTTPRequest(
                method: method, target: target, headers: HTTPHeaders([("Host", host)] + fields.map { (name: $0.0, value: $0.1) }),
                body: bytes ?? [], isTLS: isTLS)
            return Reply(await respond(request).collected())
        case .live(let baseURL, let session):
            var request = URLRequest(url: URL(string: url ?? (baseURL + target))!)
            request.httpMethod = method
            for (name, value) in fields { request.addValue(value, forHTTPHeaderField: name) }
            if let bytes { request.httpBody = Data(bytes) }
            let (data, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
            var headers = HTTPHeaders()
            for (name, value) in http.allHeaderFields { headers.add("\(name)", "\(value)") }
            return Reply(HTTPResponse(status: http.statusCode, headers: headers, body: Array(data)))
        }
    }
}
