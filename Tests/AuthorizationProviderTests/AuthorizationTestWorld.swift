import ARMCore
import ARMTestSupport
import Authorization
import EmulatorHTTP
import Foundation
import Identity
import JSON
import ProviderTestSupport
import ResourcesProvider

@testable import AuthorizationProvider

/// Microsoft.Resources and Microsoft.Authorization behind the production ARM pipeline, in-process;
/// the caller is the principal named by `X-Test-Principal` (`as:`), else the operator.
struct AuthorizationTestWorld: ProviderWorld {
    static let subscription = WellKnown.subscriptionId
    static var subscriptionID: String { ARMPath.subscription(subscription) }

    let base: ProviderTestWorld
    let pipeline: ARMPipeline
    let client: TestClient
    var evaluator: AccessEvaluator { base.evaluator }
    var provider: AuthorizationProvider { base.authorization }

    init(enforce: Bool = true) throws {
        base = try ProviderTestWorld()
        let resources = ResourcesProvider(
            directory: base.directory, store: base.store, operations: base.operations,
            registrations: [
                ResourcesProvider.registration, AuthorizationProvider.registration,
                // The storage accounts the list tests store: listings show declared types only.
                ResourceProviderRegistration(
                    namespace: "Microsoft.Storage", resourceTypes: [.init(name: "storageAccounts", apiVersions: ["2023-05-01"])]),
            ])
        pipeline = base.pipeline(routes: resources.routes + base.authorization.routes, rbac: enforce)
        client = ProviderTestWorld.client(pipeline, apiVersion: "2022-04-01")
    }

    /// A new service principal with no role.
    func newPrincipal(_ name: String = "tester") -> ServicePrincipal {
        directory.createServicePrincipal(displayName: name)
    }

    static func roleID(_ guid: String) -> String { "\(subscriptionID)/providers/Microsoft.Authorization/roleDefinitions/\(guid)" }

    /// PUT a role assignment as the operator; returns the reply.
    @discardableResult
    func assign(
        _ roleGUID: String, to principal: String, at scope: String, name: String = newGUID(), condition: String? = nil
    ) async throws -> TestClient.Reply {
        var properties = #""roleDefinitionId":"\#(Self.roleID(roleGUID))","principalId":"\#(principal)""#
        if let condition { properties += #","condition":"\#(condition)","conditionVersion":"2.0""# }
        return try await client.send(
            "PUT", "\(scope)/providers/Microsoft.Authorization/roleAssignments/\(name)", body: #"{"properties":{\#(properties)}}"#)
    }

    func createGroup(_ name: String) async throws {
        let reply = try await client.send(
            "PUT", "\(Self.subscriptionID)/resourcegroups/\(name)", apiVersion: "2024-11-01", body: #"{"location":"eastus"}"#)
        precondition(reply.status == 201, "group \(name): \(reply.status)")
    }

    /// A resource written straight into the store (no provider for it on this branch).
    func createResource(_ id: String) throws {
        let resourceID = ResourceID(id)!
        try store.put(
            resourceID,
            body: JSONObject([
                ("id", .string(id)), ("name", .string(resourceID.name)), ("type", .string(resourceID.fullType)), ("location", "eastus"),
            ]))
    }

    enum Role {
        static let owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
        static let contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c"
        static let reader = "acdd72a7-3385-48ef-bd42-f606fba81ae7"
        static let userAccessAdministrator = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"
        static let aiDeveloper = "64702f94-c441-49e6-a78b-ef80e0188fee"
        static let aiAdministrator = "b78c5d69-af96-48a3-bf8d-a8b4d589de94"
        static let aiUser = "53ca6127-db72-4b80-b1b0-d745d6d5456d"
        static let aiAccountOwner = "e47c6f54-e4a2-4754-9501-8e0985b135e1"
        static let openAIUser = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"
        static let blobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe"
    }
}
