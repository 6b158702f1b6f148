import ARMCore
import ARMTestSupport
import EmulatorHTTP
import Foundation
import JSON

@testable import Emulator

/// The whole emulator (operator API, authentication with real tokens, every provider, durability
/// when `durable`) driven in-process, without sockets, so hundreds of clients can run at once.
final class InProcessEmulator: Sendable {
    let emulator: Emulator
    let token: String
    let dataDirectory: String
    /// Requests as they are: no token, no `api-version` added.
    let anonymous: TestClient
    /// ARM requests with the operator's token; `api-version` 2024-11-01 is added when the target has none.
    let client: TestClient

    static let subscription = "fe000000-0000-4000-8000-000000000002"

    init(durable: Bool = false, dataDirectory: String? = nil) async throws {
        var config = EmulatorConfig()
        config.port = 0
        config.logLevel = .error
        let directory = try dataDirectory ?? makeTemporaryDirectory()
        self.dataDirectory = directory
        // Without --data-dir the certificate goes to the user's cache; with it, state is durable.
        config.dataDirectory = durable ? directory : nil
        let emulator = try Emulator(config: config)
        self.emulator = emulator
        anonymous = TestClient(host: "127.0.0.1:8443") { request in await emulator.handle(request) }
        let reply = try await anonymous.send("GET", "/_emulator/token")
        token = reply.json?["access_token"]?.stringValue ?? ""
        client = TestClient(apiVersion: "2024-11-01", host: "127.0.0.1:8443", headers: [("Authorization", "Bearer " + token)]) {
            request in await emulator.handle(request)
        }
    }

    func group(_ name: String) -> String { "/subscriptions/\(Self.subscription)/resourceGroups/\(name)" }

    func account(_ name: String, in group: String) -> String {
        self.group(group) + "/providers/Microsoft.CognitiveServices/accounts/\(name)"
    }

    static let accountAPIVersion = "2025-06-01"
    static let accountBody = #"{"location":"eastus","kind":"AIServices","sku":{"name":"S0"},"properties":{}}"#

    /// Every page of a list, following `nextLink` (made relative to this in-process server).
    func listAll(_ path: String, apiVersion: String = "2024-11-01") async throws -> (items: [JSONValue], pages: Int, statuses: [Int]) {
        var items: [JSONValue] = []
        var statuses: [Int] = []
        var pages = 0
        var next: String? = path + "?api-version=" + apiVersion + "&$top=7"
        while let target = next, pages < 10_000 {
            let reply = try await anonymous.send("GET", target, token: token)
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
