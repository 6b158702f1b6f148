import ARMCore
import Foundation
import Identity
import JSON

/// A workspace PATCH (`WorkspaceUpdateParameters`, docs/azure-behaviours.md "Workspaces"),
/// validated against the stored workspace and what clients see of it: immutable links, the
/// patchable properties only, a project's inherited values accepted only as they are.
struct WorkspaceUpdate: Sendable {
    /// The stored properties with the patch merged in.
    let properties: JSONObject
    let tags: JSONObject?
    let sku: JSONValue?
    /// The identity types asked for; nil when the PATCH leaves `identity` alone.
    let identityTypes: Set<String>?

    /// `rendered` is the workspace as clients see it (a project's inherited values filled in).
    init(input: JSONObject, workspace: StoredResource, rendered: JSONObject) throws {
        let kind = WorkspaceKind.of(workspace.body)
        let current = workspace.body["properties"]?.objectValue ?? JSONObject()
        let seen = rendered["properties"]?.objectValue ?? JSONObject()
        var patch = input["properties"]?.objectValue ?? JSONObject()
        for key in ["storageAccount", "keyVault", "hubResourceId"] {
            guard let value = patch[key] else { continue }
            if value.stringValue?.lowercased() != seen[key]?.stringValue?.lowercased() {
                throw key == "hubResourceId"
                    ? ARMError.hubResourceIdImmutable(existing: current[key]?.stringValue ?? "", requested: value.stringValue ?? "")
                    : ARMError.workspacePropertyImmutable(key)
            }
        }
        for key in patch.keys where !Self.patchableProperties.contains(key) { patch[key] = nil }
        if kind == .project { try Self.dropInherited(&patch, inherited: seen) }
        if let access = patch["publicNetworkAccess"] {
            patch["publicNetworkAccess"] = .string(try Workspace.publicNetworkAccess(access))
        }
        var merged = current
        merged.mergePatch(patch)
        if kind.ownsDependents, patch["managedNetwork"] != nil {
            merged["managedNetwork"] = .object(
                try MachineLearningServicesProvider.managedNetwork(
                    merged["managedNetwork"], existing: current["managedNetwork"]?.objectValue, provisionNow: false))
        }
        self.properties = merged
        self.tags = try input["tags"].map { try TagRules.validate($0) }
        self.sku = input["sku"]
        self.identityTypes = try input["identity"].map { try MachineLearningServicesProvider.identityTypes($0) }
    }

    /// Inherited values sent back as they are (azure-ai-ml's update PATCHes the whole entity it
    /// got) are accepted and dropped; different ones are refused.
    static func dropInherited(_ patch: inout JSONObject, inherited: JSONObject) throws {
        if let network = patch["managedNetwork"], !Workspace.isInheritedNetwork(network, hubNetwork: inherited["managedNetwork"]) {
            throw ARMError.projectManagedNetwork
        }
        for key in ["containerRegistry", "publicNetworkAccess", "encryption"] {
            guard let value = patch[key], value != .null else { continue }
            let given = key == "publicNetworkAccess" ? (try? Workspace.publicNetworkAccess(value)).map(JSONValue.string) : value
            let text = given?.stringValue?.lowercased()
            let matches = given == inherited[key] || (text != nil && text == inherited[key]?.stringValue?.lowercased())
            if !matches { throw ARMError.projectDependentResource(key) }
        }
        for key in Workspace.inheritedProperties where key != "applicationInsights" { patch[key] = nil }
    }

    /// Applies the update to the stored body. `identity` is the rendered block when the PATCH set
    /// `identity` (nil inside for `None`).
    func apply(to body: inout JSONObject, identity: JSONObject??, caller: Caller?, at date: Date) {
        body["properties"] = .object(properties)
        if let tags { body["tags"] = .object(tags) }
        if let sku { body["sku"] = sku }
        if let identity { body["identity"] = identity.map(JSONValue.object) ?? .null }
        if body["identity"] == .null { body["identity"] = nil }
        body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: body["systemData"]))
    }

    /// The patchable properties of `WorkspaceUpdateParameters` (2025-12-01 plus previews;
    /// docs/azure-behaviours.md "Workspaces").
    static let patchableProperties: Set<String> = [
        "description", "friendlyName", "imageBuildCompute", "serviceManagedResourcesSettings", "primaryUserAssignedIdentity",
        "serverlessComputeSettings", "publicNetworkAccess", "applicationInsights", "containerRegistry", "featureStoreSettings",
        "managedNetwork", "enableDataIsolation", "systemDatastoresAuthMode", "v1LegacyMode", "encryption",
        "allowRoleAssignmentOnRG", "enableSoftwareBillOfMaterials", "ipAllowlist", "networkAcls", "softDeleteRetentionInDays",
    ]
}
