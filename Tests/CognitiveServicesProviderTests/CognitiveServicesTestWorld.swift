import ARMCore
import ARMTestSupport
import EmulatorHTTP
import Foundation
import Identity
import ProviderTestSupport
import ResourcesProvider

@testable import CognitiveServicesProvider

/// Microsoft.Resources (for resource groups) and Microsoft.CognitiveServices behind the production
/// ARM pipeline, in-process, no socket (docs/architecture.md "A request's way").
struct CognitiveServicesTestWorld: ProviderWorld {
    static let subscription = WellKnown.subscriptionId
    static let caller = Caller.wellKnownOperator

    let base: ProviderTestWorld
    let provider: CognitiveServicesProvider
    let client: TestClient

    init(provisioningDelay: Duration = .zero, quotas: [QuotaLimits.Override] = [], catalog: ModelCatalog = .embedded) throws {
        base = try ProviderTestWorld(provisioningDelay: provisioningDelay)
        provider = CognitiveServicesProvider(
            store: base.store, operations: base.operations, quotas: QuotaLimits(catalog: catalog, overrides: quotas))
        let resources = ResourcesProvider(
            directory: base.directory, store: base.store, operations: base.operations,
            registrations: [ResourcesProvider.registration, CognitiveServicesProvider.registration], cascades: [provider])
        client = ProviderTestWorld.client(
            base.pipeline(routes: resources.routes + provider.routes, caller: Self.caller), apiVersion: "2025-06-01")
    }

    static let subscriptionPath = "/subscriptions/\(subscription)"
    static let provider = subscriptionPath + "/providers/Microsoft.CognitiveServices"

    func group(_ name: String = "rg1") -> String { ARMPath.group(name, subscription: Self.subscription) }
    func account(_ name: String, group: String = "rg1") -> String {
        ARMPath.account(name, group: group, subscription: Self.subscription)
    }

    func createGroup(_ name: String = "rg1") async throws {
        let reply = try await client.send("PUT", group(name), apiVersion: "2024-11-01", body: #"{"location":"eastus"}"#)
        precondition(reply.status == 201 || reply.status == 200)
    }

    @discardableResult
    func createAccount(
        _ name: String, kind: String = "AIServices", subdomain: String? = nil, group: String = "rg1", extra: String = "",
        location: String = "eastus"
    ) async throws -> TestClient.Reply {
        var properties = #""allowProjectManagement":true"#
        if let subdomain { properties += #","customSubDomainName":"\#(subdomain)""# }
        if !extra.isEmpty { properties += "," + extra }
        return try await client.send(
            "PUT", account(name, group: group),
            body:
                #"{"location":"\#(location)","kind":"\#(kind)","sku":{"name":"S0"},"identity":{"type":"SystemAssigned"},"properties":{\#(properties)}}"#
        )
    }

    @discardableResult
    func deploy(
        _ account: String, _ name: String, model: String = "gpt-4o", version: String? = "2024-11-20", sku: String = "Standard",
        capacity: Int = 10, format: String = "OpenAI", extra: String = ""
    ) async throws -> TestClient.Reply {
        let versionPart = version.map { #","version":"\#($0)""# } ?? ""
        let extraPart = extra.isEmpty ? "" : "," + extra
        return try await client.send(
            "PUT", self.account(account) + "/deployments/\(name)",
            body:
                #"{"sku":{"name":"\#(sku)","capacity":\#(capacity)},"properties":{"model":{"format":"\#(format)","name":"\#(model)"\#(versionPart)}\#(extraPart)}}"#
        )
    }
}
