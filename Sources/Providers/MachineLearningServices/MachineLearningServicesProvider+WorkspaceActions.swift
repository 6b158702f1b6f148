import ARMCore
import Foundation
import JSON

/// POST actions on a workspace (docs/azure-behaviours.md "Workspaces", "Workspaces: managed network and outbound rules"): `listKeys`,
/// `resyncKeys`, `diagnose`, `provisionManagedNetwork` with simple, honest answers; the notebook, private-link and feature
/// operations answer 501.
extension MachineLearningServicesProvider {
    var workspaceActionRoutes: [Route] {
        let item = Self.workspacePattern
        let prefix = "Microsoft.MachineLearningServices/workspaces/"
        var routes = [
            Route("POST", item + "/listKeys", operationID: "Workspaces_ListKeys", action: prefix + "listKeys/action") {
                request, parameters in
                .ok(.object(listKeys(owner(of: try requireWorkspace(request)), own: try requireWorkspace(request))))
            },
            Route(
                "POST", item + "/resyncKeys", operationID: "Workspaces_ResyncKeys",
                action: prefix + "resyncKeys/action"
            ) { request, parameters in
                _ = try requireWorkspace(request)
                return ARMResponse(status: 200)
            },
            // Emulator choice (docs/azure-behaviours.md "Workspaces"): nothing to diagnose, so every result list is empty.
            Route(
                "POST", item + "/diagnose", operationID: "Workspaces_Diagnose",
                action: prefix + "diagnose/action"
            ) { request, parameters in
                _ = try requireWorkspace(request)
                _ = try request.optionalJSONBody()
                let lists = [
                    "userDefinedRouteResults", "networkSecurityRuleResults", "resourceLockResults", "dnsResolutionResults",
                    "storageAccountResults", "keyVaultResults", "containerRegistryResults", "applicationInsightsResults",
                    "otherResults",
                ]
                return .ok(["value": .object(JSONObject(lists.map { ($0, JSONValue.array([])) }))])
            },
            Route(
                "POST", item + "/provisionManagedNetwork", operationID: "ManagedNetworkProvisions_ProvisionManagedNetwork",
                action: prefix + "provisionManagedNetwork/action"
            ) { request, parameters in
                try provisionManagedNetwork(request, parameters)
            },
        ]
        let unmodelled: [(String, String, String)] = [
            ("POST", "/listStorageAccountKeys", "Workspaces_ListStorageAccountKeys"),
            ("POST", "/listNotebookKeys", "Workspaces_ListNotebookKeys"),
            ("POST", "/listNotebookAccessToken", "Workspaces_ListNotebookAccessToken"),
            ("POST", "/prepareNotebook", "Workspaces_PrepareNotebook"),
            ("GET", "/outboundNetworkDependenciesEndpoints", "Workspaces_ListOutboundNetworkDependenciesEndpoints"),
            // Not `PrivateEndpointConnections_List`: each provider's spec has that id, and here both share one document.
            ("GET", "/privateEndpointConnections", "WorkspacePrivateEndpointConnections_List"),
            ("GET", "/privateLinkResources", "PrivateLinkResources_List"),
            ("GET", "/features", "WorkspaceFeatures_List"),
        ]
        for (method, suffix, operation) in unmodelled {
            let verb = String(suffix.dropFirst())
            let action = method == "GET" ? prefix + verb + "/read" : prefix + verb + "/action"
            routes.append(
                Route(method, item + suffix, operationID: operation, action: action) { request, parameters in
                    _ = try requireWorkspace(request)
                    throw ARMError.notImplemented(operation)
                })
        }
        return routes
    }

    /// `ListWorkspaceKeysResult`: the storage key of the owning workspace, the registry
    /// credentials when it has a registry, the App Insights key when the component exists. Both
    /// `userStorageResourceId` (S1) and `userStorageArmId` (S3/S5) are emitted.
    func listKeys(_ owner: StoredResource, own: StoredResource) -> JSONObject {
        let properties = render(own)["properties"]?.objectValue ?? JSONObject()
        var result = JSONObject()
        result["userStorageKey"] = owner.privateState["storageKey"] ?? .null
        result["userStorageResourceId"] = properties["storageAccount"] ?? .null
        result["userStorageArmId"] = properties["storageAccount"] ?? .null
        let insights = properties["applicationInsights"]?.stringValue.flatMap(ResourceID.init).flatMap(store.get)
        result["appInsightsInstrumentationKey"] = insights?.body["properties"]?["InstrumentationKey"] ?? .null
        if let registry = properties["containerRegistry"]?.stringValue.flatMap(ResourceID.init) {
            let password = owner.privateState["storageKey"]?.stringValue.map { String($0.prefix(32)) } ?? ""
            result["containerRegistryCredentials"] = [
                "location": .string(owner.body["location"]?.stringValue ?? ""), "username": .string(registry.name),
                "passwords": [
                    ["name": "password", "value": .string(password)],
                    ["name": "password2", "value": .string(String(password.reversed()))],
                ],
            ]
        } else {
            result["containerRegistryCredentials"] = .null
        }
        result["notebookAccessKeys"] = ["primaryAccessKey": nil, "secondaryAccessKey": nil]
        return result
    }

    /// Marks the managed network Active (its rules too); `includeSpark` sets `sparkReady`. A
    /// project has no network of its own (docs/azure-behaviours.md "Hub and project rules"), and `Disabled` isolation has nothing to
    /// provision.
    func provisionManagedNetwork(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let workspace = try requireWorkspace(request)
        guard WorkspaceKind.of(workspace.body).ownsDependents else { throw ARMError.projectManagedNetwork }
        let includeSpark = try request.optionalJSONBody()?["includeSpark"]?.boolValue ?? false
        let status: JSONObject = ["status": "Active", "sparkReady": .bool(includeSpark)]
        let mode = workspace.body["properties"]?["managedNetwork"]?["isolationMode"]?.stringValue ?? "Disabled"
        guard mode != "Disabled" else {
            throw ARMError.workspaceInvalidValue(
                "properties.managedNetwork.isolationMode", value: mode, allowed: ["AllowInternetOutbound", "AllowOnlyApprovedOutbound"])
        }
        try store.update(workspace.id) { body in
            guard var properties = body["properties"]?.objectValue else { return }
            var network = properties["managedNetwork"]?.objectValue ?? JSONObject()
            network["status"] = .object(status)
            var rules = network["outboundRules"]?.objectValue ?? JSONObject()
            for (name, rule) in rules.pairs {
                guard var object = rule.objectValue else { continue }
                object["status"] = "Active"
                rules[name] = .object(object)
            }
            network["outboundRules"] = .object(rules)
            properties["managedNetwork"] = .object(network)
            body["properties"] = .object(properties)
        }
        return .ok(.object(status))
    }
}
