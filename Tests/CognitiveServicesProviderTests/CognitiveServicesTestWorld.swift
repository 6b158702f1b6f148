import ARMCore
import ARMTestSupport
import EmulatorHTTP
import Foundation
import Identity
import ResourcesProvider

@testable import CognitiveServicesProvider

/// Microsoft.Resources (for resource groups) and Microsoft.CognitiveServices behind an in-process
/// ARM pipeline, no socket (docs/architecture.md "A request's way").
struct CognitiveServicesTestWorld {
    static let subscription = WellKnown.subscriptionId
    static let caller = Caller.wellKnownOperator

    let store = ResourceStore()
    let operations: LongRunningOperations
    let provider: CognitiveServicesProvider
    let pipeline: ARMPipeline

    init(provisioningDelay: Duration = .zero, quotas: [QuotaLimits.Override] = [], catalog: ModelCatalog = .embedded) throws {
        let directory = try Directory(seedPath: nil)
        operations = LongRunningOperations(provisioningDelay: provisioningDelay)
        provider = CognitiveServicesProvider(store: store, operations: operations, quotas: QuotaLimits(catalog: catalog, overrides: quotas))
        let resources = ResourcesProvider(
            directory: directory, store: store, operations: operations,
            registrations: [ResourcesProvider.registration, CognitiveServicesProvider.registration], cascades: [provider])
        let router = Router(routes: resources.routes + provider.routes + operations.routes)
        pipeline = ARMPipeline(
            middleware: [
                APIVersionMiddleware(), FixedCallerMiddleware(caller: Self.caller), RouteMatchMiddleware(router: router),
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
    }

    @discardableResult
    func send(_ method: String, _ path: String, apiVersion: String = "2025-06-01", body: String? = nil) async throws -> Reply {
        let target = path + (path.contains("?") ? "&" : "?") + "api-version=" + apiVersion
        var headers = HTTPHeaders([("Host", "localhost:8443")])
        if body != nil { headers.add("Content-Type", "application/json") }
        let request = HTTPRequest(method: method, target: target, headers: headers, body: Array((body ?? "").utf8), isTLS: true)
        let response = await pipeline.handle(request)
        let json: JSONValue? = response.body.isEmpty ? Optional.none : try JSONParser.parse(response.body)
        return Reply(status: response.status, headers: response.headers, json: json)
    }

    static let subscriptionPath = "/subscriptions/\(subscription)"
    static let provider = subscriptionPath + "/providers/Microsoft.CognitiveServices"

    func group(_ name: String = "rg1") -> String { Self.subscriptionPath + "/resourceGroups/\(name)" }
    func account(_ name: String, group: String = "rg1") -> String {
        self.group(group) + "/providers/Microsoft.CognitiveServices/accounts/\(name)"
    }

    func createGroup(_ name: String = "rg1") async throws {
        let reply = try await send("PUT", group(name), apiVersion: "2024-11-01", body: #"{"location":"eastus"}"#)
        precondition(reply.status == 201 || reply.status == 200)
    }

    @discardableResult
    func createAccount(
        _ name: String, kind: String = "AIServices", subdomain: String? = nil, group: String = "rg1", extra: String = "",
        location: String = "eastus"
    ) async throws -> Reply {
        var properties = #""allowProjectManagement":true"#
        if let subdomain { properties += #","customSubDomainName":"\#(subdomain)""# }
        if !extra.isEmpty { properties += "," + extra }
        return try await send(
            "PUT", account(name, group: group),
            body:
                #"{"location":"\#(location)","kind":"\#(kind)","sku":{"name":"S0"},"identity":{"type":"SystemAssigned"},"properties":{\#(properties)}}"#
        )
    }

    @discardableResult
    func deploy(
        _ account: String, _ name: String, model: String = "gpt-4o", version: String? = "2024-11-20", sku: String = "Standard",
        capacity: Int = 10, format: String = "OpenAI", extra: String = ""
    ) async throws -> Reply {
        let versionPart = version.map { #","version":"\#($0)""# } ?? ""
        let extraPart = extra.isEmpty ? "" : "," + extra
        return try await send(
            "PUT", self.account(account) + "/deployments/\(name)",
            body:
                #"{"sku":{"name":"\#(sku)","capacity":\#(capacity)},"properties":{"model":{"format":"\#(format)","name":"\#(model)"\#(versionPart)}\#(extraPart)}}"#
        )
    }
}
