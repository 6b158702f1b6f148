import ARMCore
import ARMTestSupport
import DependentsProvider
import EmulatorHTTP
import Foundation
import Identity
import ResourcesProvider

@testable import MachineLearningServicesProvider

/// Resources + MachineLearningServices + Dependents behind an in-process ARM pipeline (no socket).
struct MLTestWorld {
    static let subscription = WellKnown.subscriptionId
    static let operatorCaller = Caller.wellKnownOperator

    let directory: Directory
    let store = ResourceStore()
    let operations: LongRunningOperations
    let pipeline: ARMPipeline

    init(provisioningDelay: Duration = .zero, linkedAccess: MachineLearningServicesProvider.AccessCheck? = nil) throws {
        directory = try Directory(seedPath: nil)
        operations = LongRunningOperations(provisioningDelay: provisioningDelay)
        let ml = MachineLearningServicesProvider(directory: directory, store: store, operations: operations, linkedAccess: linkedAccess)
        let resources = ResourcesProvider(
            directory: directory, store: store, operations: operations,
            registrations: [ResourcesProvider.registration, MachineLearningServicesProvider.registration]
                + DependentsProvider.registrations,
            cascades: [ml])
        let router = Router(routes: resources.routes + operations.routes + ml.routes + DependentsProvider(store: store).routes)
        pipeline = ARMPipeline(
            middleware: [
                APIVersionMiddleware(), FixedCallerMiddleware(caller: Self.operatorCaller), RouteMatchMiddleware(router: router),
                ResourceGroupMiddleware(store: store),
            ],
            router: router)
    }

    struct Reply {
        let status: Int
        let headers: HTTPHeaders
        let json: JSONValue?

        var code: String? { json?["error"]?["code"]?.stringValue }
        var message: String? { json?["error"]?["message"]?.stringValue }
        var properties: JSONValue? { json?["properties"] }
        var names: [String] { json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [] }
    }

    @discardableResult
    func send(
        _ method: String, _ path: String, apiVersion: String? = "2024-10-01", body: String? = nil, headers extra: [(String, String)] = []
    ) async throws -> Reply {
        var target = path
        if let apiVersion { target += (path.contains("?") ? "&" : "?") + "api-version=" + apiVersion }
        var headers = HTTPHeaders([("Host", "localhost:8443")] + extra.map { (name: $0.0, value: $0.1) })
        if body != nil { headers.add("Content-Type", "application/json") }
        let request = HTTPRequest(method: method, target: target, headers: headers, body: Array((body ?? "").utf8), isTLS: true)
        let response = await pipeline.handle(request)
        let json: JSONValue? = response.body.isEmpty ? Optional.none : try JSONParser.parse(response.body)
        return Reply(status: response.status, headers: response.headers, json: json)
    }

    // MARK: paths and fixtures

    static func group(_ rg: String) -> String { "/subscriptions/\(subscription)/resourceGroups/\(rg)" }
    static func workspace(_ name: String, rg: String = "rg1") -> String {
        group(rg) + "/providers/Microsoft.MachineLearningServices/workspaces/\(name)"
    }

    func createGroup(_ rg: String = "rg1", location: String = "eastus") async throws {
        let reply = try await send("PUT", Self.group(rg), body: #"{"location":"\#(location)"}"#)
        precondition(reply.status == 201 || reply.status == 200, "group create failed: \(reply.status)")
    }

    /// A resource group `rg1` with hub `hub1` in eastus.
    @discardableResult
    func createHub(_ name: String = "hub1", rg: String = "rg1", extra: String = "") async throws -> Reply {
        if store.get(ResourceID(Self.group(rg))!) == nil { try await createGroup(rg) }
        return try await send(
            "PUT", Self.workspace(name, rg: rg),
            body: #"{"location":"eastus","kind":"Hub","identity":{"type":"SystemAssigned"},"properties":{"friendlyName":"Hub"\#(extra)}}"#)
    }

    @discardableResult
    func createProject(
        _ name: String = "proj1", hub: String = "hub1", rg: String = "rg1", hubGroup: String = "rg1", extra: String = ""
    ) async throws -> Reply {
        try await send(
            "PUT", Self.workspace(name, rg: rg),
            body: #"{"kind":"Project","identity":{"type":"SystemAssigned"},"#
                + #""properties":{"hubResourceId":"\#(Self.workspace(hub, rg: hubGroup))"\#(extra)}}"#)
    }
}
