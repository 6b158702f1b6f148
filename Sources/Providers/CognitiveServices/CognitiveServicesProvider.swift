import ARMCore
import EmulatorHTTP
import Foundation
import JSON

/// Microsoft.CognitiveServices (docs/azure-behaviours.md "Microsoft.CognitiveServices"): accounts
/// with keys and soft delete, the model catalog and quota, deployments, Foundry projects,
/// connections and content filters (raiPolicies).
///
/// Endpoint scheme (EMULATOR CHOICE): every host the real service hands out becomes a path
/// segment under `/dataplane/` on the emulator's own origin, e.g. `https://X.openai.azure.com/`
/// -> `https://localhost:8443/dataplane/X.openai.azure.com/`, so `properties.endpoint(s)` point at
/// this emulator and name the real host they stand for. They are rendered per request from the
/// origin the client used. The data plane itself (inference) is not served.
///
/// Limitations (LocalStack style): managedComputeDeployments, computes, encryption scopes,
/// capabilityHosts, raiBlocklists, modelCapacities and calculateModelCapacity are not served (501
/// on every verb); private endpoint connections exist only through Microsoft.Network, which is
/// not served. Deployments of a kind without models answer `OperationNotSupported`. Deleting a
/// resource group removes its accounts outright (no soft delete); deleting an account removes its
/// deployments and returns their quota at once (the rule), so a restored account comes
/// back without deployments.
package struct CognitiveServicesProvider: Sendable {
    package static let namespace = "Microsoft.CognitiveServices"
    static let accountType = "Microsoft.CognitiveServices/accounts"
    static let deploymentType = "Microsoft.CognitiveServices/accounts/deployments"
    static let projectType = "Microsoft.CognitiveServices/accounts/projects"
    static let accountConnectionType = "Microsoft.CognitiveServices/accounts/connections"
    static let projectConnectionType = "Microsoft.CognitiveServices/accounts/projects/connections"
    static let raiPolicyType = "Microsoft.CognitiveServices/accounts/raiPolicies"
    static let deletedAccountType = "Microsoft.CognitiveServices/locations/resourceGroups/deletedAccounts"

    let store: ResourceStore
    let operations: LongRunningOperations
    let quotas: QuotaLimits
    let serializer = WriteSerializer()
    let now: @Sendable () -> Date

    package init(
        store: ResourceStore, operations: LongRunningOperations, quotas: QuotaLimits = QuotaLimits(),
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.operations = operations
        self.quotas = quotas
        self.now = now
    }

    var catalog: ModelCatalog { quotas.catalog }

    /// Newest first (`az resource` takes the first stable one, docs/azure-behaviours.md "Resource providers"). Any well-formed
    /// version is served with the same shapes (docs/azure-behaviours.md "api-versions the emulator advertises"); these are the advertised
    /// ones.
    static let apiVersions = [
        "2026-05-15-preview", "2025-10-01-preview", "2025-09-01", "2025-07-01-preview", "2025-06-01", "2025-04-01-preview",
        "2024-10-01", "2024-06-01-preview", "2023-05-01",
    ]

    package static var registration: ResourceProviderRegistration {
        let regions = ModelCatalog.embeddedRegions
        let tracked =
            "CrossResourceGroupResourceMove, CrossSubscriptionResourceMove, SystemAssignedResourceIdentity, SupportsTags, SupportsLocation"
        return ResourceProviderRegistration(
            namespace: namespace,
            resourceTypes: [
                .init(name: "accounts", apiVersions: apiVersions, locations: regions, capabilities: tracked),
                .init(name: "accounts/deployments", apiVersions: apiVersions, locations: regions),
                .init(name: "accounts/projects", apiVersions: apiVersions, locations: regions, capabilities: tracked),
                .init(name: "accounts/connections", apiVersions: apiVersions),
                .init(name: "accounts/projects/connections", apiVersions: apiVersions),
                .init(name: "accounts/raiPolicies", apiVersions: apiVersions),
                .init(name: "accounts/managedNetworks", apiVersions: apiVersions),
                .init(name: "accounts/managedNetworks/outboundRules", apiVersions: apiVersions),
                .init(name: "accounts/privateLinkResources", apiVersions: apiVersions),
                .init(name: "accounts/privateEndpointConnections", apiVersions: apiVersions),
                .init(name: "accounts/commitmentPlans", apiVersions: apiVersions),
                .init(name: "commitmentPlans", apiVersions: apiVersions, locations: regions, capabilities: tracked),
                .init(name: "commitmentPlans/accountAssociations", apiVersions: apiVersions),
                .init(name: "locations/commitmentTiers", apiVersions: apiVersions),
                .init(name: "deletedAccounts", apiVersions: apiVersions),
                .init(name: "locations", apiVersions: apiVersions),
                .init(name: "locations/resourceGroups/deletedAccounts", apiVersions: apiVersions),
                .init(name: "locations/models", apiVersions: apiVersions),
                .init(name: "locations/usages", apiVersions: apiVersions),
                .init(name: "locations/checkSkuAvailability", apiVersions: apiVersions),
                .init(name: "locations/operationResults", apiVersions: apiVersions),
                .init(name: "locations/operationStatuses", apiVersions: apiVersions),
                .init(name: "checkDomainAvailability", apiVersions: apiVersions),
                .init(name: "skus", apiVersions: apiVersions),
            ])
    }

    package var routes: [Route] {
        accountRoutes + keyRoutes + deletedAccountRoutes + catalogRoutes + deploymentRoutes + projectRoutes + connectionRoutes
            + raiPolicyRoutes + managedNetworkRoutes + privateLinkRoutes + commitmentPlanRoutes + unimplementedRoutes
    }

    // MARK: shared helpers

    static let resourceGroupPrefix =
        "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.CognitiveServices"
    static let subscriptionPrefix = "/subscriptions/{subscriptionId}/providers/Microsoft.CognitiveServices"
    static let accountPattern = resourceGroupPrefix + "/accounts/{accountName}"

    /// The account a child operation needs, or 404 `ParentResourceNotFound` (a missing resource
    /// group was answered before, by `ResourceGroupMiddleware`).
    func requireParentAccount(_ request: ARMRequest, childType: String, operation: String) throws -> StoredResource {
        let id = request.resourceID.enclosing("accounts")
        guard let account = store.get(id) else {
            throw ARMError.parentResourceNotFound(operation: operation, childType: childType, parentID: id.description)
        }
        return account
    }

    /// Child names (deployments, projects, raiPolicies): `^[a-zA-Z0-9][a-zA-Z0-9_.-]*$`, 2-64 or 1-64.
    static func isValidName(_ name: String, minimum: Int = 1, maximum: Int = 64, allowDot: Bool = true) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard scalars.count >= minimum, scalars.count <= maximum, let first = scalars.first, isASCIIAlphanumeric(first) else {
            return false
        }
        return scalars.dropFirst().allSatisfy { isASCIIAlphanumeric($0) || $0 == "_" || $0 == "-" || (allowDot && $0 == ".") }
    }

    static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// 32 lower-case hex characters (`internalId`).
    static func newHexKey() -> String {
        newGUID().replacingOccurrences(of: "-", with: "")
    }

    /// Provisioning: synchronous mode answers `Succeeded` at once; with `--provisioning-delay` the
    /// state is `Creating` until a background step (which runs whether or not anyone polls, as
    /// `az … deployment create` never does) sets `Succeeded`. Answers the polling headers, if any.
    func finishProvisioning(
        _ id: ResourceID, request: ARMRequest, location: String, render: @escaping @Sendable (JSONObject) -> JSONValue
    ) -> HTTPHeaders? {
        guard !operations.isSynchronous else { return nil }
        let store = self.store
        let handle = operations.beginProducing(
            for: request, namespace: Self.namespace, location: location, kind: .create, resourceID: id
        ) {
            let done = try store.update(id) { body in
                var properties = body["properties"]?.objectValue ?? JSONObject()
                properties["provisioningState"] = "Succeeded"
                body["properties"] = .object(properties)
            }
            return render(done.body)
        }
        return operations.headers(for: handle)
    }

    /// The state a fresh write starts in.
    var initialProvisioningState: JSONValue { operations.isSynchronous ? "Succeeded" : "Creating" }
}
