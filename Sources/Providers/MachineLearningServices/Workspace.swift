import ARMCore
import Foundation
import Identity
import JSON

/// A workspace PUT, validated (docs/azure-behaviours.md "Workspaces", "Workspaces: kind", "Hub and
/// project rules"): kind, properties, tags and, once the provider has looked up what the kind
/// links to, a project's hub or a hub's own location and managed network. It renders the stored
/// body; the provider does what needs the store, the directory or other providers.
struct Workspace: Sendable {
    let id: ResourceID
    let input: JSONObject
    let existing: StoredResource?
    let kind: WorkspaceKind
    /// The properties to store: server-maintained ones removed, dependents and network resolved.
    var properties: JSONObject
    let tags: JSONObject
    /// The region: a hub's or default workspace's own, a project's hub's.
    private(set) var location = ""
    /// The hub a project joins; nil for hubs and default workspaces.
    private(set) var hubID: ResourceID?

    /// The checks every kind shares, in the service's order: kind (and that it does not change),
    /// `properties` an object, tags, `publicNetworkAccess`.
    init(input: JSONObject, id: ResourceID, existing: StoredResource?) throws {
        guard let kind = WorkspaceKind(input["kind"]?.stringValue) else {
            throw ARMError.invalidWorkspaceKind(input["kind"]?.stringValue ?? "")
        }
        if let existing, WorkspaceKind.of(existing.body) != kind {
            throw ARMError.workspaceKindImmutable(
                existing: existing.body["kind"]?.stringValue ?? "Default", requested: input["kind"]?.stringValue ?? "Default")
        }
        if kind == .featureStore { throw ARMError.notImplemented("Workspaces_CreateOrUpdate (kind FeatureStore)") }
        if let properties = input["properties"], properties.objectValue == nil {
            throw ARMError.workspaceInvalidValue("properties", value: properties.kindName, allowed: ["an object"])
        }
        var properties = input["properties"]?.objectValue ?? JSONObject()
        self.tags = try TagRules.validate(input["tags"] ?? .object(JSONObject()))
        for key in Self.serverProperties { properties[key] = nil }
        if let access = properties["publicNetworkAccess"] {
            properties["publicNetworkAccess"] = .string(try Self.publicNetworkAccess(access))
        }
        self.id = id
        self.input = input
        self.existing = existing
        self.kind = kind
        self.properties = properties
    }

    /// The identity types asked for (`MachineLearningServicesProvider.identityTypes`).
    func identityTypes() throws -> Set<String> {
        try MachineLearningServicesProvider.identityTypes(input["identity"])
    }

    // MARK: projects

    /// The project rules once its hub is found (docs/azure-behaviours.md "Hub and project rules"): no
    /// dependents or managed network of its own, the hub's location, an immutable `hubResourceId`.
    /// Leaves only what the project itself owns in `properties`.
    mutating func join(hub: StoredResource) throws {
        let hubText = properties["hubResourceId"]?.stringValue ?? ""
        if let existingHub = existing?.body["properties"]?["hubResourceId"]?.stringValue, existingHub.lowercased() != hub.id.key {
            throw ARMError.hubResourceIdImmutable(existing: existingHub, requested: hubText)
        }
        let hubProperties = hub.body["properties"]?.objectValue ?? JSONObject()
        // A GET body sent back unchanged carries the inherited values: equal values are accepted.
        for key in ["storageAccount", "keyVault", "containerRegistry"] {
            guard let value = properties[key], value != .null else { continue }
            guard value.stringValue?.lowercased() == hubProperties[key]?.stringValue?.lowercased() else {
                throw ARMError.projectDependentResource(key)
            }
        }
        if let network = properties["managedNetwork"], !Self.isInheritedNetwork(network, hubNetwork: hubProperties["managedNetwork"]) {
            throw ARMError.projectManagedNetwork
        }
        let hubLocation = hub.body["location"]?.stringValue ?? ""
        if let locationText = input["location"]?.stringValue, !locationText.isEmpty, AzureRegion.normalize(locationText) != hubLocation {
            throw ARMError.projectLocationMismatch(location: locationText, hubLocation: hubLocation)
        }
        for key in Self.inheritedProperties where key != "applicationInsights" { properties[key] = nil }
        properties["hubResourceId"] = .string(hub.id.description)
        hubID = hub.id
        location = hubLocation
    }

    /// True when a project's `managedNetwork` is only its hub's, sent back: null, or the same
    /// isolation mode with no outbound rules other than the hub's.
    static func isInheritedNetwork(_ network: JSONValue, hubNetwork: JSONValue?) -> Bool {
        guard network != .null else { return true }
        guard network.objectValue != nil else { return false }
        if let mode = network["isolationMode"]?.stringValue?.lowercased(),
            mode != (hubNetwork?["isolationMode"]?.stringValue ?? "Disabled").lowercased()
        {
            return false
        }
        if let rules = network["outboundRules"], rules != .null, rules.objectValue?.isEmpty == false,
            rules != hubNetwork?["outboundRules"]
        {
            return false
        }
        return true
    }

    // MARK: hubs and default workspaces

    /// The location of a workspace that owns its dependents: required, known, unchanged.
    mutating func locate() throws {
        let location = try Self.location(input["location"])
        if let existingLocation = existing?.body["location"]?.stringValue, existingLocation != location {
            throw ARMError.invalidResourceLocation(
                name: id.name, existing: existingLocation, resourceGroup: id.resourceGroup ?? "", requested: location)
        }
        self.location = location
    }

    /// The managed network of a workspace that owns it, and a hub's `workspaceHubConfig` default.
    mutating func configureNetwork() throws {
        properties["managedNetwork"] = .object(
            try MachineLearningServicesProvider.managedNetwork(
                properties["managedNetwork"], existing: existing?.body["properties"]?["managedNetwork"]?.objectValue,
                provisionNow: properties["provisionNetworkNow"]?.boolValue == true))
        if kind == .hub {
            let group = ResourceID(subscriptionID: id.subscriptionID, resourceGroup: id.resourceGroup)
            properties["workspaceHubConfig"] =
                properties["workspaceHubConfig"]
                ?? ["additionalWorkspaceStorageAccounts": [], "defaultWorkspaceResourceGroup": .string(group.description)]
        }
    }

    // MARK: rendering

    /// The body and private state to store over `current`. With `synchronous` false (a provisioning
    /// delay) the workspace shows Creating/Updating until its operation ends.
    func stored(
        over current: StoredResource?, workspaceId: String, identity: JSONObject?, caller: Caller?, at date: Date, synchronous: Bool
    ) -> (body: JSONObject, privateState: JSONObject) {
        var filled = properties
        filled["workspaceId"] = .string(workspaceId)
        filled["provisioningState"] = .string(synchronous ? "Succeeded" : (current == nil ? "Creating" : "Updating"))
        filled["discoveryUrl"] = .string("https://\(location).api.azureml.ms/discovery")
        filled["mlFlowTrackingUri"] = .string(
            "azureml://\(location).api.azureml.ms/mlflow/v1.0/subscriptions/\(id.subscriptionID ?? "")/resourceGroups/"
                + "\(id.resourceGroup ?? "")/providers/Microsoft.MachineLearningServices/workspaces/\(id.name)")
        filled["tenantId"] = .string(caller?.tenantId ?? WellKnown.tenantId)
        filled["hbiWorkspace"] = filled["hbiWorkspace"] ?? false
        filled["v1LegacyMode"] = filled["v1LegacyMode"] ?? false
        filled["storageHnsEnabled"] = false
        filled["privateLinkCount"] = 0
        filled["privateEndpointConnections"] = []
        if kind.ownsDependents { filled["publicNetworkAccess"] = filled["publicNetworkAccess"] ?? "Enabled" }
        if kind == .hub { filled["associatedWorkspaces"] = current?.body["properties"]?["associatedWorkspaces"] ?? [] }
        var body = JSONObject([
            ("id", .string(id.description)), ("name", .string(id.name)),
            ("type", .string(MachineLearningServicesProvider.workspaceType)), ("location", .string(location)),
            ("tags", .object(tags)), ("kind", .string(input["kind"]?.stringValue ?? "Default")),
            ("sku", input["sku"] ?? ["name": "Basic", "tier": "Basic"]),
        ])
        if let identity { body["identity"] = .object(identity) }
        body["properties"] = .object(filled)
        body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: current?.body["systemData"]))
        var privateState = current?.privateState ?? JSONObject()
        if privateState["storageKey"] == nil { privateState["storageKey"] = .string(MachineLearningServicesProvider.newStorageKey()) }
        return (body, privateState)
    }

    // MARK: shared rules

    /// Read-only or service-maintained properties a client may echo back; the server's values win.
    static let serverProperties = [
        "workspaceId", "provisioningState", "mlFlowTrackingUri", "discoveryUrl", "tenantId", "privateLinkCount",
        "privateEndpointConnections", "notebookInfo", "storageHnsEnabled", "serviceProvisionedResourceGroup",
        "associatedWorkspaces",
    ]

    /// `location`: required for hubs and default workspaces, a known region, normalised.
    static func location(_ value: JSONValue?) throws -> String {
        guard let text = value?.stringValue, !text.isEmpty else { throw ARMError.missingLocation }
        guard let region = AzureRegion.lookup(text) else {
            throw ARMError.locationNotAvailableForResourceType(
                text, type: MachineLearningServicesProvider.workspaceType, available: AzureRegion.allNames)
        }
        return region.name
    }

    /// `Enabled`/`Disabled`, any case. azure-ai-ml 1.35.2 sends `PublicNetworkAccessType.ENABLED`
    /// (an SDK bug, docs/azure-behaviours.md "What azure-ai-ml needs"), which is read as `Enabled`.
    static func publicNetworkAccess(_ value: JSONValue) throws -> String {
        let text = value.stringValue ?? ""
        let word = text.split(separator: ".").last.map(String.init)?.lowercased() ?? ""
        switch word {
        case "enabled": return "Enabled"
        case "disabled": return "Disabled"
        default: throw ARMError.workspaceInvalidValue("properties.publicNetworkAccess", value: text, allowed: ["Enabled", "Disabled"])
        }
    }

    /// The properties a project inherits from its hub (docs/azure-behaviours.md "Hub and project rules").
    static let inheritedProperties = [
        "storageAccount", "keyVault", "containerRegistry", "applicationInsights", "managedNetwork", "publicNetworkAccess",
        "encryption", "enableServiceSideCMKEncryption", "hbiWorkspace",
    ]
}
