import EmulatorHTTP
import Testing

@testable import Portal

/// The page for browsers at `/`, the assets with their types and a self-only CSP, and nothing
/// taken from API clients: `GET /` without `text/html` is declined so ARM answers as before.
@Suite struct PortalTests {
    static func request(_ path: String, method: String = "GET", accept: String? = nil, headers: [(String, String)] = []) -> HTTPRequest {
        var fields = [(name: "Host", value: "127.0.0.1:8443")] + headers.map { (name: $0.0, value: $0.1) }
        if let accept { fields.append((name: "Accept", value: accept)) }
        return HTTPRequest(method: method, target: path, headers: HTTPHeaders(fields), body: [], isTLS: true)
    }

    static let browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"

    @Test func browserNavigationGetsThePage() throws {
        let response = try #require(Portal().response(to: Self.request("/", accept: Self.browserAccept)))
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
        let html = String(decoding: response.body, as: UTF8.self)
        #expect(html.contains("<script type=\"module\" src=\"/_portal/app.js\"></script>"))
        #expect(response.headers["Content-Security-Policy"]?.contains("default-src 'self'") == true)
        #expect(response.headers["Cache-Control"] == "no-cache")
    }

    @Test(arguments: [nil, "application/json", "*/*", "application/json, text/plain, */*", "text/htmlx"])
    func apiClientsAreDeclined(accept: String?) {
        #expect(Portal().response(to: Self.request("/", accept: accept)) == nil)
    }

    @Test func otherMethodsOnTheRootAreDeclined() {
        #expect(Portal().response(to: Self.request("/", method: "POST", accept: "text/html")) == nil)
        #expect(Portal().response(to: Self.request("/subscriptions", method: "GET", accept: "text/html")) == nil)
    }

    @Test(arguments: [
        ("app.js", "text/javascript; charset=utf-8"), ("resources.js", "text/javascript; charset=utf-8"),
        ("connections.js", "text/javascript; charset=utf-8"),
        ("style.css", "text/css; charset=utf-8"), ("icon.svg", "image/svg+xml"), ("index.html", "text/html; charset=utf-8"),
    ])
    func assetsHaveTheirTypes(name: String, type: String) throws {
        let response = try #require(Portal().response(to: Self.request("/_portal/" + name)))
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == type)
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        let csp = try #require(response.headers["Content-Security-Policy"])
        for directive in ["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"] {
            #expect(csp.contains(directive))
        }
        #expect(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval") && !csp.contains("http"))
        #expect(!response.body.isEmpty)
    }

    /// Every module the page imports is served, so a file added to Assets/ but not to the catalog fails here.
    @Test func everyImportedModuleIsServed() throws {
        for name in PortalAsset.names where name.hasSuffix(".js") {
            let text = String(decoding: try #require(PortalAsset.named(name)).bytes, as: UTF8.self)
            for line in text.split(separator: "\n") where line.hasPrefix("import ") {
                guard let from = line.range(of: "from \"./") else { continue }
                let module = line[from.upperBound...].prefix { $0 != "\"" }
                #expect(PortalAsset.named(String(module)) != nil, "\(name) imports \(module), which is not served")
            }
        }
    }

    @Test func unknownAssetsAre404AndWritesAre405() throws {
        #expect(try #require(Portal().response(to: Self.request("/_portal/nope.js"))).status == 404)
        #expect(try #require(Portal().response(to: Self.request("/_portal/../index.html"))).status == 404)
        let post = try #require(Portal().response(to: Self.request("/_portal/app.js", method: "POST")))
        #expect(post.status == 405)
        #expect(post.headers["Allow"] == "GET")
    }

    /// The asset prefix matches case-insensitively, as `lowercased().hasPrefix` does, with or
    /// without non-ASCII text in the path.
    @Test func assetPathsMatchTheirPrefixInAnyCase() {
        let paths = [
            "/_portal/app.js", "/_PORTAL/app.js", "/_Portal/", "/_portal", "/_porta", "", "/", "/subscriptions/x", "/_portal/\u{E9}.js",
            "/_porta\u{139}/x", "/\u{212A}_portal/", "/_p\u{130}rtal/",
        ]
        for path in paths { #expect(Portal.isAssetPath(path) == path.lowercased().hasPrefix(Portal.assetPrefix), "\(path)") }
        #expect(Portal.isAssetPath("/_PORTAL/app.js"))
        #expect(!Portal.isAssetPath("/subscriptions/x"))
    }

    @Test func aMatchingETagIsNotModified() throws {
        let first = try #require(Portal().response(to: Self.request("/_portal/app.js")))
        let etag = try #require(first.headers["ETag"])
        let second = try #require(Portal().response(to: Self.request("/_portal/app.js", headers: [("If-None-Match", etag)])))
        #expect(second.status == 304)
        #expect(second.body.isEmpty)
    }
}
