import ARMCore

/// Operations clients may call that the emulator does not model: 501 with an ARM error on every
/// verb of the type, never a fake success and never 404 `InvalidResourceType` (the list is in
/// docs/served.md), whether or not the resource group exists.
/// `managedComputeDeployments` and `computes` need real Azure ML compute behind them, which the
/// emulator cannot stand in for honestly.
extension CognitiveServicesProvider {
    var unimplementedRoutes: [Route] {
        let single: [(String, String, String, String)] = [
            (
                "GET", Self.subscriptionPrefix + "/modelCapacities", "ModelCapacities_List",
                "Microsoft.CognitiveServices/modelCapacities/read"
            ),
            (
                "GET", Self.subscriptionPrefix + "/locations/{location}/modelCapacities", "LocationBasedModelCapacities_List",
                "Microsoft.CognitiveServices/locations/modelCapacities/read"
            ),
            (
                "POST", Self.subscriptionPrefix + "/calculateModelCapacity", "CognitiveServicesManagement_CalculateModelCapacity",
                "Microsoft.CognitiveServices/calculateModelCapacity/action"
            ),
        ]
        // (collection path, item parameter, operation group, action type, extra POST actions on an item)
        let childTypes: [(String, String, String, String, [String])] = [
            (
                Self.accountPattern + "/managedComputeDeployments", "deploymentName", "ManagedComputeDeployments",
                "managedComputeDeployments", []
            ),
            (Self.accountPattern + "/computes", "computeName", "Computes", "computes", ["start", "stop", "restart"]),
            (Self.accountPattern + "/capabilityHosts", "capabilityHostName", "AccountCapabilityHosts", "capabilityHosts", []),
            (Self.accountPattern + "/raiBlocklists", "raiBlocklistName", "RaiBlocklists", "raiBlocklists", []),
            (Self.accountPattern + "/encryptionScopes", "encryptionScopeName", "EncryptionScopes", "encryptionScopes", []),
        ]
        var routes = single.map { method, pattern, operationID, action in
            Route(method, pattern, operationID: operationID, action: action) { _, _ in throw ARMError.notImplemented(operationID) }
                .skippingResourceGroupCheck()
        }
        for (collection, parameter, group, type, actions) in childTypes {
            let item = collection + "/{\(parameter)}"
            let prefix = "Microsoft.CognitiveServices/accounts/\(type)/"
            var verbs: [(String, String, String, String)] = [
                ("GET", collection, "\(group)_List", prefix + "read"), ("GET", item, "\(group)_Get", prefix + "read"),
                ("PUT", item, "\(group)_CreateOrUpdate", prefix + "write"), ("PATCH", item, "\(group)_Update", prefix + "write"),
                ("DELETE", item, "\(group)_Delete", prefix + "delete"),
            ]
            for name in actions { verbs.append(("POST", item + "/" + name, "\(group)_\(name.capitalized)", prefix + "\(name)/action")) }
            routes += verbs.map { method, pattern, operationID, action in
                Route(method, pattern, operationID: operationID, action: action) { _, _ in throw ARMError.notImplemented(operationID) }
                    .skippingResourceGroupCheck()
            }
        }
        return routes
    }
}
