import ARMCore
import Foundation
import JSON

/// PUT/GET/DELETE/list of the four tracked dependent types, with the ARM envelope.
extension DependentsProvider {
    func trackedRoutes(for kind: DependentType) -> [Route] {
        let collection = Self.resourceGroupPattern + "/providers/\(kind.namespace)/\(kind.type)"
        let item = collection + "/{resourceName}"
        let prefix = kind.fullType
        // Azure's own operation groups: StorageAccounts, Vaults, Registries, Components.
        let group = kind.operationGroup ?? kind.type.prefix(1).uppercased() + kind.type.dropFirst()
        return [
            Route("PUT", item, operationID: "\(group)_CreateOrUpdate", action: prefix + "/write") { request, parameters in
                try createOrUpdate(kind, request, parameters)
            },
            Route("GET", item, operationID: "\(group)_Get", action: prefix + "/read") { request, parameters in
                return .ok(.object(try store.require(request.resourceID).body))
            },
            Route("PATCH", item, operationID: "\(group)_Update", action: prefix + "/write") { _, _ in
                throw ARMError.notImplemented("\(group)_Update")
            }.skippingResourceGroupCheck(),
            Route("DELETE", item, operationID: "\(group)_Delete", action: prefix + "/delete") { request, parameters in
                if kind.fullType == DependentType.vaults.fullType { return try deleteVault(request) }
                let removed = store.removeAll(under: request.resourceID)
                return ARMResponse(status: removed.isEmpty ? 204 : 200)
            },
            Route("GET", collection, operationID: "\(group)_ListByResourceGroup", action: prefix + "/read") { request, parameters in
                try Pager(request: request).list(store, under: request.resourceID, types: [kind.fullType])
            },
            Route(
                "GET", "/subscriptions/{subscriptionId}/providers/\(kind.namespace)/\(kind.type)",
                operationID: "\(group)_List", action: prefix + "/read"
            ) { request, parameters in
                try Pager(request: request).list(store, under: .subscription(parameters.required("subscriptionId")), types: [kind.fullType])
            },
        ]
    }

    /// PUT: `createdStatus` (201, Storage 200) when created, 200 when replaced; `location` required, server-filled properties
    /// overwrite the client's.
    func createOrUpdate(_ kind: DependentType, _ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let name = parameters.required("resourceName")
        try kind.validateName(name)
        let input = try request.jsonBody()
        guard let locationText = input["location"]?.stringValue, !locationText.isEmpty else { throw ARMError.missingLocation }
        guard let location = AzureRegion.lookup(locationText)?.name else {
            throw ARMError.locationNotAvailableForResourceType(locationText, type: kind.fullType, available: AzureRegion.allNames)
        }
        let tags = try TagRules.validate(input["tags"] ?? .object(JSONObject()))
        let id = request.resourceID
        let caller = request.caller
        let date = now()
        // NFS 3.0 is behind the AllowNFSV3 preview feature (registered unless a client unregistered it).
        if kind.fullType == DependentType.storageAccounts.fullType, input["properties"]?["isNfsV3Enabled"]?.boolValue == true,
            let subscriptionID = id.subscriptionID,
            !FeatureRegistration.isFeatureRegistered(
                store, subscriptionID: subscriptionID, namespace: "Microsoft.Storage", feature: "AllowNFSV3")
        {
            throw ARMError.subscriptionNotRegisteredForFeature(
                subscriptionID: subscriptionID, namespace: "Microsoft.Storage", feature: "AllowNFSV3")
        }
        // Storage account and vault names are global (checkNameAvailability answers the same).
        if let taken = takenName(name, type: kind), taken != id, kind.fullType == DependentType.storageAccounts.fullType {
            throw ARMError.storageAccountAlreadyTaken(name)
        }
        var startProperties = input["properties"]?.objectValue ?? JSONObject()
        if kind.fullType == DependentType.vaults.fullType {
            if let taken = takenName(name, type: kind), taken != id { throw ARMError.vaultAlreadyExists(name) }
            if !store.contains(id) { startProperties = try prepareVault(id, input: input, caller: caller) }
        }
        let write = try store.upsert(id, precondition: request.precondition) { existing in
            if let existingLocation = existing?.body["location"]?.stringValue, existingLocation != location {
                throw ARMError.invalidResourceLocation(
                    name: name, existing: existingLocation, resourceGroup: id.resourceGroup ?? "", requested: location)
            }
            let existingProperties = existing?.body["properties"]?.objectValue
            var properties = startProperties
            for (key, value) in kind.serverProperties(name, location, existingProperties).pairs { properties[key] = value }
            var body = JSONObject([
                ("id", .string(id.description)), ("name", .string(name)), ("type", .string(kind.fullType)),
                ("location", .string(location)), ("tags", .object(tags)),
            ])
            if let kindValue = input["kind"]?.stringValue ?? kind.defaultKind { body["kind"] = .string(kindValue) }
            if let sku = input["sku"] ?? kind.defaultSKU { body["sku"] = sku }
            if let identity = input["identity"] { body["identity"] = identity }
            body["properties"] = .object(properties)
            body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: existing?.body["systemData"]))
            return (body, existing?.privateState ?? kind.initialPrivateState?(date) ?? JSONObject())
        }
        return ARMResponse(status: write.created ? kind.createdStatus : 200, body: .object(write.resource.body))
    }
}
