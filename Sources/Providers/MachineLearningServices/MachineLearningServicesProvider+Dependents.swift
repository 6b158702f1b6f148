import ARMCore
import Foundation
import Identity

/// A workspace's dependent resources (reference §7) and what a project gets on creation (§5).
///
/// EMULATOR CHOICE (§7): a hub or default workspace PUT without `storageAccount`/`keyVault` gets
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

    /// azure-ai-ml's `get_name_for_dependent_resource` (§7): 24 characters; a vault name must start
    /// with a letter, so a leading digit gets the prefix `kv`.
    static func dependentName(_ workspaceName: String, word: String) -> String {
        let alphanumerics = String(workspaceName.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.prefix(8))
        let random = newGUID().replacingOccurrences(of: "-", with: "")
        var name = String((alphanumerics + word + random).prefix(24))
        if word == "keyvault", name.first?.isNumber == true { name = String(("kv" + name).prefix(24)) }
        return name
    }

    /// Writes the missing dependents with DependentsProvider's envelope (first-party write).
    func writeDependents(_ pending: PendingDependents, location: String, caller: Caller?, at date: Date) {
        for id in pending.missing where !store.contains(id) {
            let name = id.name
            var body = JSONObject([
                ("id", .string(id.description)), ("name", .string(name)), ("type", .string(id.fullType)),
                ("location", .string(location)), ("tags", .object(JSONObject())),
            ])
            switch id.fullType.lowercased() {
            case "microsoft.storage/storageaccounts":
                body["kind"] = "StorageV2"
                body["sku"] = ["name": "Standard_LRS", "tier": "Standard"]
                body["properties"] = [
                    "provisioningState": "Succeeded", "supportsHttpsTrafficOnly": true, "allowBlobPublicAccess": false,
                    "minimumTlsVersion": "TLS1_2", "primaryLocation": .string(location), "statusOfPrimary": "available",
                    "creationTime": .string(ARMTimestamp.string(from: date)),
                    "primaryEndpoints": [
                        "blob": .string("https://\(name).blob.core.windows.net/"), "dfs": .string("https://\(name).dfs.core.windows.net/"),
                        "file": .string("https://\(name).file.core.windows.net/"),
                        "queue": .string("https://\(name).queue.core.windows.net/"),
                        "table": .string("https://\(name).table.core.windows.net/"),
                    ],
                ]
            case "microsoft.keyvault/vaults":
                body["properties"] = [
                    "tenantId": .string(caller?.tenantId ?? WellKnown.tenantId), "sku": ["family": "A", "name": "standard"],
                    "accessPolicies": [], "enableRbacAuthorization": true, "vaultUri": .string("https://\(name).vault.azure.net/"),
                    "provisioningState": "Succeeded",
                ]
            case "microsoft.containerregistry/registries":
                body["sku"] = ["name": "Basic", "tier": "Basic"]
                body["properties"] = [
                    "loginServer": .string(name.lowercased() + ".azurecr.io"), "adminUserEnabled": false,
                    "creationDate": .string(ARMTimestamp.string(from: date)), "provisioningState": "Succeeded",
                ]
            default:
                let key = newGUID()
                body["kind"] = "web"
                body["properties"] = [
                    "ApplicationId": .string(name), "AppId": .string(newGUID()), "Application_Type": "web",
                    "InstrumentationKey": .string(key), "ConnectionString": .string("InstrumentationKey=\(key)"),
                    "provisioningState": "Succeeded",
                ]
            }
            body["systemData"] = .object(SystemData.make(caller: caller, at: date))
            _ = try? store.put(id, body: body)
        }
    }

    // MARK: projects (§5)

    static let storageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe"
    static let containerSuffixes = ["azureml", "blobstore", "code", "file"]
    /// The Azure Machine Learning first-party application, recorded as `createdBy` of what the
    /// service creates for a project.
    static let machineLearningServiceAppId = "0736f41a-0425-4b46-bdb5-1563eff02385"

    /// The ABAC condition limiting blob data actions to containers named after the project's
    /// workspaceId, in the guarded form the portal writes (§5).
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

    /// On project creation: the four `{workspaceId}-*` containers in the hub's storage account and
    /// Storage Blob Data Contributor for the project's identity on that account, with the ABAC
    /// condition. Written as the ML service (first party), not as the caller.
    func provisionProject(_ project: StoredResource, hubID: ResourceID, at date: Date) throws {
        _ = try store.update(hubID) { body in
            guard var properties = body["properties"]?.objectValue else { return }
            var associated = properties["associatedWorkspaces"]?.arrayValue ?? []
            if !associated.contains(where: { $0.stringValue?.lowercased() == project.id.key }) {
                associated.append(.string(project.id.description))
            }
            properties["associatedWorkspaces"] = .array(associated)
            body["properties"] = .object(properties)
        }
        // A hub whose storage account was deleted meanwhile gets no containers and no assignment.
        guard let hub = store.get(hubID), let storageText = hub.body["properties"]?["storageAccount"]?.stringValue,
            let storage = ResourceID(storageText), store.contains(storage),
            let workspaceId = project.body["properties"]?["workspaceId"]?.stringValue
        else { return }
        for suffix in Self.containerSuffixes {
            let id = ResourceID(
                subscriptionID: storage.subscriptionID ?? "", resourceGroup: storage.resourceGroup,
                namespace: "Microsoft.Storage", types: ["storageAccounts", "blobServices", "containers"],
                names: [storage.name, "default", "\(workspaceId)-\(suffix)"])
            if store.contains(id) { continue }
            var properties = JSONObject()
            properties["publicAccess"] = "None"
            properties["lastModifiedTime"] = .string(ARMTimestamp.string(from: date))
            properties["leaseStatus"] = "Unlocked"
            properties["leaseState"] = "Available"
            properties["hasImmutabilityPolicy"] = false
            properties["hasLegalHold"] = false
            properties["deleted"] = false
            try store.put(
                id,
                body: JSONObject([
                    ("id", .string(id.description)), ("name", .string(id.name)),
                    ("type", "Microsoft.Storage/storageAccounts/blobServices/containers"), ("properties", .object(properties)),
                ]))
        }
        guard let principalId = project.body["identity"]?["principalId"]?.stringValue else { return }
        let assignment = Self.projectRoleAssignmentID(storage: storage, projectID: project.id)
        let timestamp = JSONValue.string(ARMTimestamp.string(from: date))
        let properties: JSONObject = [
            "roleDefinitionId": .string(
                "/subscriptions/\(storage.subscriptionID ?? "")/providers/Microsoft.Authorization/roleDefinitions/"
                    + Self.storageBlobDataContributor),
            "principalId": .string(principalId),
            "principalType": "ServicePrincipal",
            "scope": .string(storage.description),
            "condition": .string(Self.projectCondition(workspaceId: workspaceId)),
            "conditionVersion": "2.0",
            "createdOn": timestamp, "updatedOn": timestamp,
            "createdBy": .string(Self.machineLearningServiceAppId), "updatedBy": .string(Self.machineLearningServiceAppId),
            "description": .string("Storage access of project workspace '\(project.id.name)' limited to its containers."),
        ]
        try store.put(
            assignment,
            body: JSONObject([
                ("id", .string(assignment.description)), ("type", "Microsoft.Authorization/roleAssignments"),
                ("name", .string(assignment.name)), ("properties", .object(properties)),
            ]),
            bodyETag: false)
    }

    /// The project's identity is gone with it, so is its role assignment. Its containers stay, as
    /// data in Azure outlives the workspace until the storage account goes.
    func removeProjectRoleAssignment(projectID: ResourceID, workspace: StoredResource, removedHub: StoredResource? = nil) {
        guard
            let hub = hub(of: workspace.body) ?? workspace.body["properties"]?["hubResourceId"]?.stringValue
                .flatMap(ResourceID.init).flatMap(store.get) ?? removedHub,
            let storage = hub.body["properties"]?["storageAccount"]?.stringValue.flatMap(ResourceID.init)
        else { return }
        _ = try? store.delete(Self.projectRoleAssignmentID(storage: storage, projectID: projectID))
    }
}
