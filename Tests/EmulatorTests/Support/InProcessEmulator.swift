import ARMCore
import EmulatorHTTP
import Foundation

@testable import Emulator

/// The whole emulator (operator API, authentication with real tokens, every provider, durability
/// when `durable`) driven in-process, without sockets, so hundreds of clients can run at once.
final class InProcessEmulator: Sendable {
    let emulator: Emulator
    let token: String
    let dataDirectory: String

    static let subscription = "fe000000-0000-4000-8000-000000000002"

    init(durable: Bool = false, dataDirectory: String? = nil) async throws {
        var config = EmulatorConfig()
        config.port = 0
        config.logLevel = .error
        let directory = try dataDirectory ?? makeTemporaryDirectory()
        self.dataDirectory = directory
        // Without --data-dir the certificate goes to the user's cache; with it, state is durable.
        config.dataDirectory = durable ? directory : nil
        emulator = try Emulator(config: config)
        let reply = await Self.send(emulator, token: nil, "GET", "/_emulator/token")
        token = reply.json?["access_token"]?.stringValue ?? ""
    }

    struct Reply: Sendable {
        let status: Int
        let headers: HTTPHeaders
        let json: JSONValue?
        var code: String? { json?["error"]?["code"]?.stringValue }
    }

    static func send(
        _ emulator: Emulator, token: String?, _ method: String, _ target: String, body: String? = nil, headers: [(String, String)] = []
    ) async -> Reply {
        var requestHeaders = HTTPHeaders([("Host", "127.0.0.1:8443")] + headers.map { (name: $0.0, value: $0.1) })
        if let token { requestHeaders.add("Authorization", "Bearer " + token) }
        if body != nil { requestHeaders.add("Content-Type", "application/json") }
        let response = await emulator.handle(
            HTTPRequest(method: method, target: target, headers: requestHeaders, body: Array((body ?? "").utf8), isTLS: true))
        let json: JSONValue? = response.body.isEmpty ? Optional.none : try? JSONParser.parse(response.body)
        return Reply(status: response.status, headers: response.headers, json: json)
    }

    /// An ARM request with the operator's token; `api-version` is added when the target has none.
    func arm(
        _ method: String, _ path: String, body: String? = nil, headers: [(String, String)] = [], apiVersion: String = "2024-11-01"
    )
        async -> Reply
    {
        let target = path.contains("api-version=") ? path : path + (path.contains("?") ? "&" : "?") + "api-version=" + apiVersion
        return await Self.send(emulator, token: token, method, target, body: body, headers: headers)
    }

    func group(_ name: String) -> String { "/subscriptions/\(Self.subscription)/resourceGroups/\(name)" }

    func account(_ name: String, in group: String) -> String {
        self.group(group) + "/providers/Microsoft.CognitiveServices/accounts/\(name)"
    }

    static let accountAPIVersion = "2025-06-01"
    static let accountBody = #"{"location":"eastus","kind":"AIServices","sku":{"name":"S0"},"properties":{}}"#

    /// Every page of a list, following `nextLink` (made relative to this in-process server).
    func listAll(_ path: String, apiVersion: String = "2024-11-01") async -> (items: [JSONValue], pages: Int, statuses: [Int]) {
        var items: [JSONValue] = []
        var statuses: [Int] = []
        var pages = 0
        var next: String? = path + "?api-version=" + apiVersion + "&$top=7"
        while let target = next, pages < 10_000 {
            let reply = await Self.send(emulator, token: token, "GET", target)
            statuses.append(reply.status)
            pages += 1
            items += reply.json?["value"]?.arrayValue ?? []
            next = reply.json?["nextLink"]?.stringValue.map { link in
                link.range(of: "/subscriptions/").map { String(link[$0.lowerBound...]) } ?? link
            }
        }
        return (items, pages, statuses)
    }
}
