import EmulatorHTTP
import Foundation
import Synchronization

@testable import Identity

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_750_000_000)) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    var closure: @Sendable () -> Date { { self.now } }
}

enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static var seedExamplePath: String { directory.appendingPathComponent("seed-example.json").path }
}

/// A service over a fresh well-known directory, on a test clock.
func makeService(clock: TestClock = TestClock(), directory: Directory = Directory()) -> IdentityService {
    IdentityService(directory: directory, signingKey: .wellKnown, now: clock.closure)
}

/// `application/x-www-form-urlencoded` POST, as MSAL sends it.
func formPost(
    _ path: String, _ fields: [(String, String)], host: String = "localhost:8443", headers: [(String, String)] = []
) -> HTTPRequest {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
    return HTTPRequest(
        method: "POST", target: path,
        headers: HTTPHeaders([("Host", host), ("Content-Type", "application/x-www-form-urlencoded")] + headers),
        body: Array(body.utf8), isTLS: true)
}

func get(_ target: String, host: String = "localhost:8443", headers: [(String, String)] = []) -> HTTPRequest {
    HTTPRequest(method: "GET", target: target, headers: HTTPHeaders([("Host", host)] + headers), isTLS: true)
}

/// The response body as a JSON object (empty when it is not one).
func jsonObject(_ response: HTTPResponse) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
}

/// The claims of a JWT, decoded without verification.
func claims(_ token: String?) -> JWTClaims? {
    guard let token else { return nil }
    return try? JWT.decodeUnverified(token).claims
}

/// The operator's client-credentials request for `scope`.
func clientCredentialsForm(
    clientID: String = WellKnown.operatorClientId, secret: String = WellKnown.operatorClientSecret,
    scope: String = "https://management.azure.com/.default"
) -> [(String, String)] {
    [("client_id", clientID), ("grant_type", "client_credentials"), ("client_info", "1"), ("client_secret", secret), ("scope", scope)]
}

/// A second RSA key, generated once per test run.
let otherSigningKey = SigningKey.generate()
