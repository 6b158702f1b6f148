import EmulatorHTTP

/// The management-center web app (docs/portal.md): static files embedded in the binary, so the
/// emulator stays one file and the page works offline. The page has no back door: it signs in at
/// the token endpoint and reads ARM with a bearer token like any client, so RBAC applies to it.
package struct Portal: Sendable {
    /// The page and its assets, as method and path template (the route inventory and the OpenAPI document).
    package static let operations: [(method: String, path: String, operationID: String)] = [
        ("GET", "/", "Portal_Page"), ("GET", "/_portal/{file}", "Portal_Asset"),
    ]

    /// Assets live under a prefix no ARM, Entra or operator path can start with.
    static let assetPrefix = "/_portal/"

    package init() {}

    /// Whether the request is the portal's: `GET /` from a browser, or anything under `/_portal/`.
    package func claims(_ request: HTTPRequest) -> Bool {
        if request.path == "/" { return request.method == "GET" && Self.wantsHTML(request.headers["Accept"]) }
        return Self.isAssetPath(request.path)
    }

    /// `path.lowercased().hasPrefix(assetPrefix)`, without lower-casing the whole path of every
    /// request the dispatch asks about when the prefix's bytes are ASCII (ASCII letters lower-case
    /// the same wherever they stand).
    static func isAssetPath(_ path: String) -> Bool {
        let prefix = assetPrefix.utf8
        let head = path.utf8.prefix(prefix.count)
        guard head.allSatisfy({ $0 < 0x80 }) else { return path.lowercased().hasPrefix(assetPrefix) }
        guard head.count == prefix.count else { return false }
        return zip(head, prefix).allSatisfy { byte, expected in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) == expected
        }
    }

    /// The portal's answer, or nil when the request is not for the portal: `GET /` from an API
    /// client (no `text/html` in Accept) keeps the answer it had before the portal existed.
    package func response(to request: HTTPRequest) -> HTTPResponse? {
        if request.path == "/" {
            guard request.method == "GET", Self.wantsHTML(request.headers["Accept"]) else { return nil }
            return Self.serve(PortalAsset.page, to: request)
        }
        guard Self.isAssetPath(request.path) else { return nil }
        guard request.method == "GET" else {
            var response = HTTPResponse.text(405, "Method not allowed: the portal's files are read with GET.\n")
            response.headers.set("Allow", "GET")
            return response
        }
        let name = String(request.path.dropFirst(Self.assetPrefix.count))
        guard let asset = PortalAsset.named(name) else {
            return .text(404, "No portal file named '\(name)'.\n")
        }
        return Self.serve(asset, to: request)
    }

    /// A browser's navigation sends `text/html` first; SDKs and curl send JSON or `*/*`.
    static func wantsHTML(_ accept: String?) -> Bool {
        guard let accept else { return false }
        return accept.lowercased().split(separator: ",").contains { part in
            part.split(separator: ";").first?.trimmingCharacters(in: .whitespaces) == "text/html"
        }
    }

    static func serve(_ asset: PortalAsset, to request: HTTPRequest) -> HTTPResponse {
        var headers = PortalAsset.securityHeaders
        headers.set("ETag", asset.etag)
        // Revalidate every time: the files change with the binary, and a 304 costs nothing.
        headers.set("Cache-Control", "no-cache")
        if request.headers["If-None-Match"] == asset.etag {
            return HTTPResponse(status: 304, headers: headers)
        }
        headers.set("Content-Type", asset.contentType)
        return HTTPResponse(status: 200, headers: headers, body: asset.bytes)
    }
}
