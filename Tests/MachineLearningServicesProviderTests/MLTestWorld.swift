import ARMCore
import ARMTestSupport
import Authorization
import AuthorizationProvider
import DependentsProvider
import EmulatorHTTP
import Foundation
import Identity
import ResourcesProvider

@testable import MachineLearningServicesProvider

/// Resources + MachineLearningServices + Dependents + Authorization behind an in-process ARM
/// pipeline (no socket). The ML service's internal requests go through the same pipeline; with
/// `enforceRBAC` it authorizes every request as the emulator does (the operator is Owner of the
/// subscription, the ML service holds `MachineLearningServiceRole`).
struct MLTestWorld {
    static let subscription = WellKnown.subscriptionId
    static let operatorCaller = Caller.wellKnownOperator

    let directory: Directory
    let store = ResourceStore()
    let operations: LongRunningOperations
    let evaluator: AccessEvaluator
    let internalRequests = InternalRequests()
    let pipeline: ARMPipeline

    init(
        provisioningDelay: Duration = .zero, linkedAccess: MachineLearningServicesProvider.AccessCheck? = nil,
        enforceRBAC: Bool = false, extraMiddleware: [any ARMMiddleware] = []
    ) throws {
        directory = try Directory(seedPath: nil)
        operations = LongRunningOperations(provisioningDelay: provisioningDelay)
        evaluator = AccessEvaluator(
            store: store, firstPartyRoles: [WellKnown.machineLearningServiceObjectId: MachineLearningServiceRole.definition])
        let ml = MachineLearningServicesProvider(
            directory: directory, store: store, operations: operations, linkedAccess: linkedAccess, internalRequests: internalRequests)
        let resources = ResourcesProvider(
            directory: directory, store: store, operations: operations,
            registrations: [ResourcesProvider.registration, MachineLearningServicesProvider.registration]
                + DependentsProvider.registrations,
            cascades: [ml])
        let authorization = try AuthorizationProvider(directory: directory, store: store, evaluator: evaluator)
        if enforceRBAC { authorization.seed() }
        let router = Router(
            routes: resources.routes + operations.routes + ml.routes + DependentsProvider(store: store).routes + authorization.routes)
        pipeline = ARMPipeline(
            middleware: [APIVersionMiddleware(), FixedCallerMiddleware(caller: Self.operatorCaller), RouteMatchMiddleware(router: router)]
                + (enforceRBAC ? [AuthorizationMiddleware(evaluator: evaluator)] : []) + extraMiddleware
                + [ResourceGroupMiddleware(store: store)],
            router: router)
        internalRequests.connect(to: pipeline)
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
