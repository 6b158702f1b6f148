import ARMCore
import Foundation
import JSON

/// A storage account, key vault, container registry, Insights component or Log Analytics workspace
/// as a PUT writes it (docs/azure-behaviours.md "Dependent resources of a hub"): validated from the
/// request body, then rendered over the existing resource with the server-filled properties of its
/// `DependentType`.
struct DependentResource {
    /// What a write is checked against besides its body.
    struct WriteContext {
        /// Whether a preview feature is registered for a subscription (`FeatureRegistration`).
        let isFeatureRegistered: (_ subscriptionID: String, _ namespace: String, _ feature: String) -> Bool
        /// The resource of this type that holds a name, wherever it lives.
        let holderOfName: (String) -> ResourceID?
    }

    let kind: DependentType
    let id: ResourceID
    let input: JSONObject
    /// The canonical region name.
    let location: String
    let tags: JSONObject
    /// The client's properties, which the server-filled ones overwrite (a new vault's are
    /// prepared first, `DependentsProvider.prepareVault`).
    var properties: JSONObject

    /// The name follows the type's rules (checked before the body is read), `location` is a known
    /// region, tags follow the tag rules; NFS 3.0 needs its preview feature; storage account and
    /// vault names are global (checkNameAvailability answers the same).
    init(validating input: @autoclosure () throws -> JSONObject, kind: DependentType, id: ResourceID, context: WriteContext) throws {
        try kind.validateName(id.name)
        let input = try input()
        guard let locationText = input["location"]?.stringValue, !locationText.isEmpty else { throw ARMError.missingLocation }
        guard let location = AzureRegion.lookup(locationText)?.name else {
            throw ARMError.locationNotAvailableForResourceType(locationText, type: kind.fullType, available: AzureRegion.allNames)
        }
        self.kind = kind
        self.id = id
        self.input = input
        self.location = location
        self.tags = try TagRules.validate(input["tags"] ?? .object(JSONObject()))
        self.properties = input["properties"]?.objectValue ?? JSONObject()
        let isStorage = kind.fullType == DependentType.storageAccounts.fullType
        // NFS 3.0 is behind the AllowNFSV3 preview feature (registered unless a client unregistered it).
        if isStorage, input["properties"]?["isNfsV3Enabled"]?.boolValue == true, let subscriptionID = id.subscriptionID,
            !context.isFeatureRegistered(subscriptionID, "Microsoft.Storage", "AllowNFSV3")
        {
            throw ARMError.subscriptionNotRegisteredForFeature(
                subscriptionID: subscriptionID, namespace: "Microsoft.Storage", feature: "AllowNFSV3")
        }
        if isStorage, let holder = context.holderOfName(id.name), holder != id { throw ARMError.storageAccountAlreadyTaken(id.name) }
        if kind.fullType == DependentType.vaults.fullType, let holder = context.holderOfName(id.name), holder != id {
            throw ARMError.vaultAlreadyExists(id.name)
        }
    }

    /// The body stored over `existing` (the location never changes) and the private state the
    /// resource keeps (a new storage account's keys).
    func body(replacing existing: StoredResource?, caller: Caller?, at date: Date) throws -> (body: JSONObject, privateState: JSONObject) {
        if let existingLocation = existing?.body["location"]?.stringValue, existingLocation != location {
            throw ARMError.invalidResourceLocation(
                name: id.name, existing: existingLocation, resourceGroup: id.resourceGroup ?? "", requested: location)
        }
        var properties = self.properties
        for (key, value) in kind.serverProperties(id.name, location, existing?.body["properties"]?.objectValue).pairs {
            properties[key] = value
        }
        var body = JSONObject([
            ("id", .string(id.description)), ("name", .string(id.name)), ("type", .string(kind.fullType)),
            ("location", .string(location)), ("tags", .object(tags)),
        ])
        if let kindValue = input["kind"]?.stringValue ?? kind.defaultKind { body["kind"] = .string(kindValue) }
        if let sku = input["sku"] ?? kind.defaultSKU { body["sku"] = sku }
        if let identity = input["identity"] { body["identity"] = identity }
        body["properties"] = .object(properties)
        body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: existing?.body["systemData"]))
        return (body, existing?.privateState ?? kind.initialPrivateState?(date) ?? JSONObject())
    }
}
