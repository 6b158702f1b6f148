import ARMCore
import Foundation
import Identity
import JSON

/// A workspace's dependent resources (docs/azure-behaviours.md "Dependent resources of a hub") and
/// what a project gets on creation (docs/hubs-and-projects.md "Resources the ML service creates").
///
/// Emulator choice (docs/hubs-and-projects.md "Resources the ML service creates"): a hub or default workspace PUT without `storageAccount`/`keyVault` gets
/// them created in its resource group, named as azure-ai-ml names them
/// (`{first 8 alphanumerics of the name}storage{hex}`, 24 characters); referenced dependents that
/// do not exist yet are created too, when their resource group exists. Application Insights and
/// container registries are never created unless referenced.
extension MachineLearningServicesProvider {
    static let dependentProperties: [(property: String, namespace: String, type: String, word: String)] = [
        ("storageAccount", "Microsoft.Storage", "storageAccounts", "storage"),
        ("keyVault", "Microsoft.KeyVault", "vaults", "keyvault"),
        ("applicationInsights", "Microsoft.Insights", "components", "insights"),
        ("containerRegistry", "Microsoft.ContainerRegistry", "registries", "containe"),
    ]

    func validateOwnedDependents(
        _ properties: inout JSONObject, name: String, group: ResourceID, location: String, existing: StoredResource?,
        into pending: inout PendingDependents
    ) throws {
        let existingProperties = existing?.body["properties"]?.objectValue
        for dependent in Self.dependentProperties {
            let given = properties[dependent.property]?.stringValue
            if let existingValue = existingProperties?[dependent.property]?.stringValue,
                dependent.property == "storageAccount" || dependent.property == "keyVault"
            {
                if let given, given.lowercased() != existingValue.lowercased() {
                    throw ARMError.workspacePropertyImmutable(dependent.property)
                }
                properties[dependent.property] = .string(existingValue)
                continue
            }
            if let given, !given.isEmpty {
                guard let id = ResourceID(given), id.fullType.lowercased() == "\(dependent.namespace)/\(dependent.type)".lowercased()
                else { throw ARMError.linkedInvalidPropertyID(given, property: "properties." + dependent.property) }
                if !store.contains(id) {
                    guard let rg = id.resourceGroupID, store.contains(rg) else {
                        throw ARMError.dependentResourceGroupNotFound(dependent.property, id: given)
                    }
                    pending.missing.append(id)
                }
                properties[dependent.property] = .string(id.description)
            } else if dependent.property == "storageAccount" || dependent.property == "keyVault" {
                let id = group.appending(
                    namespace: dependent.namespace, type: dependent.type, name: Self.dependentName(name, word: dependent.word))
                pending.missing.append(id)
                properties[dependent.property] = .string(id.description)
            } else {
                properties[dependent.property] = nil
            }
        }
    }

    /// azure-ai-ml's `get_name_for_dependent_resource` (azure-ai-ml, `azure/ai/ml/_utils/_workspace_utils.py`): 24 characters; a vault name must start
    /// with a letter, so a leading digit gets the prefix `kv`.
    static func dependentName(_ workspaceName: String, word: String) -> String {
        let alphanumerics = String(workspaceName.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.prefix(8))
        let random = newGUID().replacingOccurrences(of: "-", with: "")
        var name = String((alphanumerics + word + random).prefix(24))
        if word == "keyvault", name.first?.isNumber == true { name = String(("kv" + name).prefix(24)) }
        return name
    }

    /// The request the service sends for a missing dependent: the provider's own body is built
    /// from it (one body per type). The settings are the secure ones azure-ai-ml's workspace
    /// template asks for: HTTPS only, TLS 1.2, no public blob access, a vault under RBAC, a registry
    /// without its admin user, a web component.
    static func dependentCreation(_ id: ResourceID, location: String, tenantId: String) -> FirstPartyCreation {
        var body = JSONObject([("location", .string(location))])
        let apiVersion: String
        switch id.fullType.lowercased() {
        case "microsoft.storage/storageaccounts":
            apiVersion = "2023-05-01"
            body["kind"] = "StorageV2"
            body["sku"] = ["name": "Standard_LRS", "tier": "Standard"]
            body["properties"] = ["supportsHttpsTrafficOnly": true, "allowBlobPublicAccess": false, "minimumTlsVersion": "TLS1_2"]
        case "microsoft.keyvault/vaults":
            apiVersion = "2023-07-01"
            body["properties"] = [
                "tenantId": .string(tenantId), "sku": ["family": "A", "name": "standard"], "accessPolicies": [],
                "enableRbacAuthorization": true,
            ]
        case "microsoft.containerregistry/registries":
            apiVersion = "2023-07-01"
            body["sku"] = ["name": "Basic", "tier": "Basic"]
            body["properties"] = ["adminUserEnabled": false]
        default:
            apiVersion = "2020-02-02"
            body["kind"] = "web"
            body["properties"] = ["Application_Type": "web"]
        }
        return FirstPartyCreation(id: id, apiVersion: apiVersion, body: .object(body))
    }

    /// Creates the missing dependents as the ML service, before the workspace is written; the key
    /// vault goes last, as deleting one only soft-deletes it. A refusal fails the workspace PUT.
    func createDependents(_ pending: PendingDependents, location: String, for request: ARMRequest) async throws {
        let tenantId = request.caller?.tenantId ?? WellKnown.tenantId
        let missing = pending.missing.filter { !store.contains($0) }
        let ordered =
            missing.filter { $0.fullType.lowercased() != "microsoft.keyvault/vaults" }
            + missing.filter { $0.fullType.lowercased() == "microsoft.keyvault/vaults" }
        try await createAll(ordered.map { Self.dependentCreation($0, location: location, tenantId: tenantId) }, for: request)
    }

    // MARK: projects

    static let storageBlobDataContributor = MachineLearningServiceRole.assignableRole
    /// The Microsoft.Authorization api-version the service's role assignment requests use.
    static let roleAssignmentAPIVersion = "2022-04-01"
    static let containerSuffixes = ["azureml", "blobstore", "code", "file"]

    /// The ABAC condition limiting blob data actions to containers named after the project's
    /// workspaceId, in the guarded form the portal writes (docs/azure-behaviours.md "ABAC: project identity
    /// and hub storage").
    static func projectCondition(workspaceId: String) -> String {
        let actions = ["read", "write", "delete", "add/action", "move/action"].map {
            "!(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/\($0)'})"
        }
        return "((" + actions.joined(separator: " AND ") + ") OR "
            + "(@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringStartsWith '\(workspaceId)'))"
    }

    /// The id of the project's role assignment on its hub's storage account: a GUID derived from
    /// the project id and the role, so it is the same on every repeat.
    static func projectRoleAssignmentID(storage: ResourceID, projectID: ResourceID) -> ResourceID {
        storage.appending(
            namespace: "Microsoft.Authorization", type: "roleAssignments",
            name: DeterministicGUID.make(projectID.key + "|" + storageBlobDataContributor))
    }

    /// A project is listed in its hub's `associatedWorkspaces` (the hub is the ML service's own).
    func associateProject(_ projectID: ResourceID, hubID: ResourceID) {
        _ = try? store.update(hubID) { body in
            guard var properties = body["properties"]?.objectValue else { return }
            var associated = properties["associatedWorkspaces"]?.arrayValue ?? []
            if !associated.contains(where: { $0.stringValue?.lowercased() == projectID.key }) {
                associated.append(.string(projectID.description))
            }
            properties["associatedWorkspaces"] = .array(associated)
            body["properties"] = .object(properties)
        }
    }

    /// What a new project gets, before it is written: the four `{workspaceId}-*` containers in the
    /// hub's storage account and Storage Blob Data Contributor for the project's identity on that
    /// account, with the ABAC condition. Created as the ML service (first party), not as the
    /// caller; a refusal fails the project PUT.
    func provisionProject(
        _ projectID: ResourceID, workspaceId: String, principalId: String?, hubID: ResourceID, for request: ARMRequest
    )
        async throws
    {
        // A hub whose storage account was deleted meanwhile gets no containers and no assignment.
        guard let hub = store.get(hubID), let storageText = hub.body["properties"]?["storageAccount"]?.stringValue,
            let storage = ResourceID(storageText), store.contains(storage)
        else { return }
        var creations: [FirstPartyCreation] = []
        for suffix in Self.containerSuffixes {
            let id = ResourceID(
                subscriptionID: storage.subscriptionID ?? "", resourceGroup: storage.resourceGroup,
                namespace: "Microsoft.Storage", types: ["storageAccounts", "blobServices", "containers"],
                names: [storage.name, "default", "\(workspaceId)-\(suffix)"])
            if store.contains(id) { continue }
            creations.append(FirstPartyCreation(id: id, apiVersion: "2023-05-01", body: ["properties": ["publicAccess": "None"]]))
        }
        if let principalId {
            let properties: JSONObject = [
                "roleDefinitionId": .string(
                    "/subscriptions/\(storage.subscriptionID ?? "")/providers/Microsoft.Authorization/roleDefinitions/"
                        + Self.storageBlobDataContributor),
                "principalId": .string(principalId),
                "principalType": "ServicePrincipal",
                "condition": .string(Self.projectCondition(workspaceId: workspaceId)),
                "conditionVersion": "2.0",
                "description": .string("Storage access of project workspace '\(projectID.name)' limited to its containers."),
            ]
            creations.append(
                FirstPartyCreation(
                    id: Self.projectRoleAssignmentID(storage: storage, projectID: projectID), apiVersion: Self.roleAssignmentAPIVersion,
                    body: ["properties": .object(properties)]))
        }
        try await createAll(creations, for: request)
    }

    /// The project's identity is gone with it, so is its role assignment: the ML service deletes it
    /// through the Authorization provider (its role allows deleting Storage Blob Data Contributor
    /// assignments only). Sent only when the assignment is there, so a group deleted with the
    /// storage account logs no request; a refusal leaves it, as the workspace is gone either way.
    /// The containers stay, as data in Azure outlives the workspace until the storage account goes.
    func removeProjectRoleAssignment(
        projectID: ResourceID, workspace: StoredResource, removedHub: StoredResource? = nil, for request: ARMRequest
    ) async {
        guard
            let hub = hub(of: workspace.body) ?? workspace.body["properties"]?["hubResourceId"]?.stringValue
                .flatMap(ResourceID.init).flatMap(store.get) ?? removedHub,
            let storage = hub.body["properties"]?["storageAccount"]?.stringValue.flatMap(ResourceID.init)
        else { return }
        let assignment = Self.projectRoleAssignmentID(storage: storage, projectID: projectID)
        guard store.contains(assignment) else { return }
        _ = try? await sendAsService("DELETE", assignment.description, apiVersion: Self.roleAssignmentAPIVersion, for: request)
    }
}
