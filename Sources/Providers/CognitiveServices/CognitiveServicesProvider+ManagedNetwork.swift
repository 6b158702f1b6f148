import ARMCore
import Foundation
import JSON

/// `accounts/{a}/managedNetworks/default` and its outbound rules, as `az cognitiveservices account
/// managed-network` drives them (api-version 2026-01-15-preview and later). The shapes follow the
/// Azure CLI's recordings of the real service (`test_managed_network_crud.yaml`,
/// `test_outbound_rule_fqdn.yaml` in Azure/azure-cli): the service (an AzureML backend) answers
/// `{"properties": …}` without `id`/`name`, and lists rules as `{"value": [{"properties": …}]}`.
/// Choosing `AllowOnlyApprovedOutbound` adds the required rule `__SYS_ST_AzureActiveDirectory_TCP`.
/// Every write completes at once (no `--provisioning-delay`); docs/accounts-and-deployments.md.
extension CognitiveServicesProvider {
    static let managedNetworkType = "Microsoft.CognitiveServices/accounts/managedNetworks"

    var managedNetworkRoutes: [Route] {
        let collection = Self.accountPattern + "/managedNetworks"
        let item = collection + "/{managedNetworkName}"
        let rules = item + "/outboundRules"
        let rule = rules + "/{ruleName}"
        let action = "Microsoft.CognitiveServices/accounts/managedNetworks/"
        return [
            Route("GET", collection, operationID: "ManagedNetworkSettings_List", action: action + "read") { request, parameters in
                let account = try requireParentAccount(request, childType: Self.managedNetworkType, operation: "read")
                let networks = store.children(of: account.id, type: Self.managedNetworkType)
                return .ok(["value": .array(networks.map { Self.renderManagedNetwork($0) })])
            },
            Route("GET", item, operationID: "ManagedNetworkSettings_Get", action: action + "read") { request, parameters in
                .ok(Self.renderManagedNetwork(try store.require(try managedNetworkID(request, parameters, operation: "read"))))
            },
            Route("PUT", item, operationID: "ManagedNetworkSettings_Put", action: action + "write") { request, parameters in
                try putManagedNetwork(request, parameters, replace: true)
            },
            Route("PATCH", item, operationID: "ManagedNetworkSettings_Patch", action: action + "write") { request, parameters in
                try putManagedNetwork(request, parameters, replace: false)
            },
            Route("DELETE", item, operationID: "ManagedNetworkSettings_Delete", action: action + "delete") { request, parameters in
                let id = try managedNetworkID(request, parameters, operation: "delete")
                guard let existing = store.get(id) else { return .noContent }
                try request.precondition?.check(existing)
                try store.delete(id)
                return .noContent
            },
            Route(
                "POST", item + "/provision", operationID: "AccountManagedNetworkProvisions_ProvisionManagedNetwork",
                action: action + "provision/action"
            ) { request, parameters in
                let id = try managedNetworkID(request, parameters, operation: "provision")
                let updated = try store.update(id) { body in
                    body["properties"]?["managedNetwork"]?["status"] = ["status": "Active"]
                }
                return .ok(updated.body["properties"]?["managedNetwork"]?["status"] ?? ["status": "Active"])
            },
            Route("POST", item + "/batchOutboundRules", operationID: "OutboundRules_Post", action: action + "outboundRules/write") {
                request, parameters in
                let id = try managedNetworkID(request, parameters, operation: "write")
                let validated = try ManagedNetworkSettings.outboundRules(batch: try request.jsonBody())
                let updated = try store.update(id) { body in
                    var network = body["properties"]?["managedNetwork"]?.objectValue ?? JSONObject()
                    var current = network["outboundRules"]?.objectValue ?? JSONObject()
                    for (name, value) in validated.pairs { current[name] = value }
                    network["outboundRules"] = .object(current)
                    body["properties"]?["managedNetwork"] = .object(network)
                }
                return .ok(["properties": updated.body["properties"]?["managedNetwork"] ?? .null])
            },
            Route("GET", rules, operationID: "OutboundRule_List", action: action + "outboundRules/read") { request, parameters in
                let network = try store.require(try managedNetworkID(request, parameters, operation: "read"))
                let all = Self.outboundRules(of: network).pairs
                return .ok(["value": .array(all.map { ["properties": $0.value] })])
            },
            Route("GET", rule, operationID: "OutboundRule_Get", action: action + "outboundRules/read") { request, parameters in
                let network = try store.require(try managedNetworkID(request, parameters, operation: "read"))
                let name = parameters.required("ruleName")
                guard let found = Self.outboundRules(of: network).value(forKeyIgnoringCase: name) else {
                    throw ARMError.resourceNotFound(network.id.child(type: "outboundRules", name: name))
                }
                return .ok(["properties": found])
            },
            Route("PUT", rule, operationID: "OutboundRule_CreateOrUpdate", action: action + "outboundRules/write") {
                request, parameters in
                let id = try managedNetworkID(request, parameters, operation: "write")
                let name = parameters.required("ruleName")
                try ManagedNetworkSettings.checkRuleName(name)
                let rule = try ManagedNetworkSettings.outboundRule(input: try request.jsonBody())
                try store.update(id) { body in body["properties"]?["managedNetwork"]?["outboundRules"]?[name] = .object(rule) }
                return .ok(["properties": .object(rule)])
            },
            Route("DELETE", rule, operationID: "OutboundRule_Delete", action: action + "outboundRules/delete") { request, parameters in
                let id = try managedNetworkID(request, parameters, operation: "delete")
                let name = parameters.required("ruleName")
                guard let network = store.get(id),
                    let key = Self.outboundRules(of: network).pairs.first(where: {
                        $0.key.lowercased() == name.lowercased()
                    })?.key
                else { return .noContent }
                try store.update(id) { body in
                    var map = body["properties"]?["managedNetwork"]?["outboundRules"]?.objectValue ?? JSONObject()
                    map[key] = nil
                    body["properties"]?["managedNetwork"]?["outboundRules"] = .object(map)
                }
                return .noContent
            },
        ]
    }

    /// The one managed network an account has, `default` (the only name the CLI sends).
    func managedNetworkID(_ request: ARMRequest, _ parameters: RouteParameters, operation: String) throws -> ResourceID {
        let account = try requireParentAccount(request, childType: Self.managedNetworkType, operation: operation)
        let name = parameters.required("managedNetworkName")
        guard name.lowercased() == "default" else {
            throw ARMError.workspaceInvalidValue("managedNetworkName", value: name, allowed: ["default"])
        }
        return account.id.child(type: "managedNetworks", name: "default")
    }

    static func renderManagedNetwork(_ resource: StoredResource) -> JSONValue {
        ["properties": resource.body["properties"] ?? .null]
    }

    static func outboundRules(of network: StoredResource) -> JSONObject {
        network.body["properties"]?["managedNetwork"]?["outboundRules"]?.objectValue ?? JSONObject()
    }

    /// PUT replaces the settings (rules kept unless given); PATCH changes the fields it names.
    func putManagedNetwork(_ request: ARMRequest, _ parameters: RouteParameters, replace: Bool) throws -> ARMResponse {
        let id = try managedNetworkID(request, parameters, operation: "write")
        let input = try request.jsonBody()
        let account = try store.require(request.resourceID.enclosing("accounts"))
        let existing = store.get(id)
        if existing == nil && !replace { throw ARMError.resourceNotFound(id) }
        let network = try ManagedNetworkSettings(id: id, input: input, existing: existing, replace: replace, account: account)
        let write = try store.put(id, body: network.body, precondition: request.precondition, bodyETag: false)
        return .ok(Self.renderManagedNetwork(write.resource))
    }
}
