import ARMCore
import Foundation
import Identity
import JSON

/// Microsoft.MachineLearningServices: workspaces of kind Hub, Project and Default (the Azure AI
/// Foundry hub-and-project model), their connections, outbound rules, compute instances and
/// serverless/online endpoints (docs/azure-behaviours.md "Microsoft.MachineLearningServices", "ABAC: project identity and hub storage",
/// "Dependent resources of a hub").
///
/// How it reaches the resources of other providers (docs/architecture.md "Modules"): it reads them through
/// the `ResourceStore` and creates them as the first-party Machine Learning service
/// (`WellKnown.machineLearningServiceObjectId`, `MachineLearningServiceRole`) with internal
/// requests through the ARM pipeline, never by importing a provider: a hub's storage account, key
/// vault, registry and Application Insights component, a project's blob containers and its Storage
/// Blob Data Contributor role assignment, and that assignment's removal with the project
/// (docs/hubs-and-projects.md); connection secrets go to the hub's key vault over Key Vault's data
/// plane, as the same principal.
///
/// Limitations (LocalStack style): a workspace PUT answers 200 with `provisioningState:
/// Succeeded` (never 201), or 202 + Location with `--provisioning-delay`; soft-deleted workspaces cannot be recovered, only
/// purged; private endpoints, notebooks, features, online deployments, the preview endpoint proxy
/// and compute types other than ComputeInstance answer 501.
package struct MachineLearningServicesProvider: Sendable, RouteProvider {
    let directory: Directory
    let store: ResourceStore
    let operations: LongRunningOperations
    let now: @Sendable () -> Date
    /// RBAC's decision for a linked scope (a project's hub), from the composition root; nil when
    /// RBAC is not enforced. The provider does not consult the engine itself, it asks this.
    let linkedAccess: AccessCheck?
    /// The ARM pipeline, for what the service creates in other providers as its own principal.
    let internalRequests: InternalRequests
    /// Key Vault's secrets data plane, for connection secrets (set, read, delete as the service).
    let vaultRequests: InternalRequests

    /// Whether `caller` may perform `action` at `scope`.
    package typealias AccessCheck = @Sendable (_ caller: Caller, _ action: String, _ scope: ResourceID) -> Bool

    package init(
        directory: Directory, store: ResourceStore, operations: LongRunningOperations, linkedAccess: AccessCheck? = nil,
        internalRequests: InternalRequests = InternalRequests(), vaultRequests: InternalRequests = InternalRequests(),
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.linkedAccess = linkedAccess
        self.internalRequests = internalRequests
        self.vaultRequests = vaultRequests
        self.directory = directory
        self.store = store
        self.operations = operations
        self.now = now
    }

    static let namespace = "Microsoft.MachineLearningServices"
    static let workspaceType = namespace + "/workspaces"
    static let resourceGroupPattern = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
    static let workspacePattern = resourceGroupPattern + "/providers/Microsoft.MachineLearningServices/workspaces/{workspaceName}"

    /// 2025-12-01 is the newest stable; the rest are what SDKs and IaC send (docs/azure-behaviours.md "Machine Learning api-versions and
    /// status codes").
    static let apiVersions = [
        "2025-12-01", "2025-10-01-preview", "2025-09-01", "2025-01-01-preview", "2024-10-01", "2024-10-01-preview",
        "2024-04-01", "2023-10-01", "2020-08-01",
    ]

    package static let registration = ResourceProviderRegistration(
        namespace: namespace,
        resourceTypes: [
            .init(
                name: "workspaces", apiVersions: apiVersions, locations: AzureRegion.allNames,
                capabilities: "SupportsTags, SupportsLocation"),
            .init(name: "workspaces/connections", apiVersions: apiVersions),
            .init(name: "workspaces/outboundRules", apiVersions: apiVersions),
            .init(name: "workspaces/computes", apiVersions: apiVersions, locations: AzureRegion.allNames),
            .init(name: "workspaces/serverlessEndpoints", apiVersions: apiVersions, locations: AzureRegion.allNames),
            .init(name: "workspaces/onlineEndpoints", apiVersions: apiVersions, locations: AzureRegion.allNames),
            .init(name: "locations/workspaceOperationsStatus", apiVersions: apiVersions),
            // The preview control-plane proxy routes (served by the ControlPlaneProxy target).
            .init(name: "workspaces/endpoints", apiVersions: apiVersions),
            .init(name: "workspaces/endpoints/deployments", apiVersions: apiVersions),
            .init(name: "workspaces/connections/deployments", apiVersions: apiVersions),
            .init(name: "workspaces/deployments", apiVersions: apiVersions),
        ])

    package var routes: [Route] {
        workspaceRoutes + workspaceActionRoutes + connectionRoutes + outboundRuleRoutes + computeRoutes + endpointRoutes
    }

    // MARK: shared lookups

    /// The workspace of a child route, or 404 `ResourceNotFound` (a missing resource group was
    /// answered before, by `ResourceGroupMiddleware`).
    func requireWorkspace(_ request: ARMRequest) throws -> StoredResource {
        try store.require(request.resourceID.enclosing("workspaces"))
    }

    /// The hub of a project workspace body; nil for hubs and default workspaces or a vanished hub.
    func hub(of body: JSONObject) -> StoredResource? {
        guard WorkspaceKind.of(body) == .project, let text = body["properties"]?["hubResourceId"]?.stringValue,
            let id = ResourceID(text)
        else { return nil }
        return store.get(id)
    }

    /// The workspace that owns a workspace's dependents and network: itself, or a project's hub.
    func owner(of workspace: StoredResource) -> StoredResource {
        hub(of: workspace.body) ?? workspace
    }

    /// Valid names of workspaces, connections and outbound rules: `^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$`.
    static func isValidWorkspaceChildName(_ name: String) -> Bool {
        let characters = Array(name)
        guard (3...33).contains(characters.count), characters[0].isASCII, characters[0].isLetter || characters[0].isNumber else {
            return false
        }
        return characters.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }

    /// 202 with polling headers for work done as an operation (deletes and actions whose spec has no
    /// 200). Without a provisioning delay the work is finished before the answer, so the first poll
    /// gets the final result.
    func accepted(
        _ request: ARMRequest, location: String, kind: OperationKind, resourceID: ResourceID,
        work: @escaping @Sendable () async throws -> Void
    ) async -> ARMResponse {
        let handle = operations.begin(
            for: request, namespace: Self.namespace, location: location.isEmpty ? "eastus" : location, kind: kind,
            resourceID: resourceID, work: work)
        if operations.isSynchronous { await operations.waitUntilFinished(handle.id) }
        return ARMResponse(status: 202, headers: operations.headers(for: handle))
    }

    /// 64 random bytes, base64: the shape of Azure ML endpoint keys.
    static func newKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<64).map { _ in UInt8.random(in: 0...255, using: &generator) }).base64EncodedString()
    }

    /// A storage account key as Azure Storage issues them today: 64 bytes, base64 (88 characters),
    /// with the signature `+ASt` at characters 76-79 (microsoft/security-utilities,
    /// `SEC101/152 AzureStorageAccountIdentifiableKey`); the last four bytes are random here, not
    /// the real Marvin32 checksum.
    static func newStorageKey() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = (0..<57).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes += Array(Data(base64Encoded: "+ASt") ?? Data())
        bytes += (0..<4).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
    }
}
