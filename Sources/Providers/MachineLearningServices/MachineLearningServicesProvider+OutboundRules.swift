import ARMCore
import Foundation
import JSON

/// `workspaces/{ws}/outboundRules` (docs/azure-behaviours.md "Workspaces: managed network and outbound rules"): a view on the hub's
/// `properties.managedNetwork.outboundRules` map, so a rule written through either API shows in
/// both. On a project the hub's rules are readable (the network is shared, docs/azure-behaviours.md "Hub and project rules"); writing them
/// through the project is refused with the service's managed-network error.
extension MachineLearningServicesProvider {
    static let outboundRuleType = workspaceType + "/outboundRules"

    var outboundRuleRoutes: [Route] {
        let collection = Self.workspacePattern + "/outboundRules"
        let item = collection + "/{ruleName}"
        let action = "Microsoft.MachineLearningServices/workspaces/outboundRules/"
        return [
            Route("PUT", item, operationID: "ManagedNetworkSettingsRule_CreateOrUpdate", action: action + "write") {
                request, parameters in try putOutboundRule(request, parameters)
            },
            Route("GET", item, operationID: "ManagedNetworkSettingsRule_Get", action: action + "read") { request, parameters in
                let network = owner(of: try requireWorkspace(request))
                let name = parameters.required("ruleName")
                guard let rule = Self.rules(of: network).pairs.first(where: { $0.key.lowercased() == name.lowercased() }) else {
                    throw ARMError.workspaceChildNotFound("Outbound rule", name: name, workspace: network.id.name)
                }
                return .ok(.object(ruleResource(rule.key, rule.value, in: network)))
            },
            Route("DELETE", item, operationID: "ManagedNetworkSettingsRule_Delete", action: action + "delete") { request, parameters in
                try deleteOutboundRule(request, parameters)
            },
            Route("GET", collection, operationID: "ManagedNetworkSettingsRule_List", action: action + "read") { request, parameters in
                let network = owner(of: try requireWorkspace(request))
                let rules = Self.rules(of: network).pairs.sorted { $0.key.lowercased() < $1.key.lowercased() }
                return try Pager(request: request).list(rules, key: { $0.key.lowercased() }) {
                    .object(ruleResource($0.key, $0.value, in: network))
                }
            },
        ]
    }

    static func rules(of workspace: StoredResource) -> JSONObject {
        workspace.body["properties"]?["managedNetwork"]?["outboundRules"]?.objectValue ?? JSONObject()
    }

    /// `{id, name, type, systemData, etag, properties}`; systemData and etag are the rule's own,
    /// kept in the workspace's private state.
    func ruleResource(_ name: String, _ rule: JSONValue, in workspace: StoredResource) -> JSONObject {
        let id = workspace.id.child(type: "outboundRules", name: name)
        var body = JSONObject([("id", .string(id.description)), ("name", .string(name)), ("type", .string(Self.outboundRuleType))])
        let meta = workspace.privateState["outboundRules"]?[name]
        if let systemData = meta?["systemData"] { body["systemData"] = systemData }
        if let etag = meta?["etag"] { body["etag"] = etag }
        body["properties"] = rule
        return body
    }

    func putOutboundRule(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let workspace = try requireWorkspace(request)
        guard WorkspaceKind.of(workspace.body).ownsDependents else { throw ARMError.projectManagedNetwork }
        let name = parameters.required("ruleName")
        guard Self.isValidWorkspaceChildName(name) else { throw ARMError.invalidWorkspaceChildName(name, type: Self.outboundRuleType) }
        let input = try request.jsonBody()
        guard let properties = input["properties"] else { throw ARMError.workspaceMissingProperty("properties") }
        let active = workspace.body["properties"]?["managedNetwork"]?["status"]?["status"]?.stringValue == "Active"
        let rule = try Self.outboundRule(properties, active: active)
        let (caller, date) = (request.caller, now())
        let updated = try store.updateResource(workspace.id) { resource in
            let previous = resource.privateState["outboundRules"]?[name]
            let meta: JSONValue = [
                "systemData": .object(SystemData.make(caller: caller, at: date, previous: previous?["systemData"])),
                "etag": .string(ResourceStore.newETag()),
            ]
            Self.setOutboundRule(name, rule, meta: meta, in: &resource)
        }
        return .ok(.object(ruleResource(name, .object(rule), in: updated)))
    }

    /// 200 when the rule existed, 204 when there was none (spec: 200/202/204).
    func deleteOutboundRule(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let workspace = try requireWorkspace(request)
        guard WorkspaceKind.of(workspace.body).ownsDependents else { throw ARMError.projectManagedNetwork }
        let name = parameters.required("ruleName")
        guard Self.rules(of: workspace)[name] != nil else { return .noContent }
        try store.updateResource(workspace.id) { resource in Self.setOutboundRule(name, nil, meta: nil, in: &resource) }
        return ARMResponse(status: 200)
    }

    /// Puts one rule into a workspace's managed network, its systemData and etag into private
    /// state; nil removes both.
    static func setOutboundRule(_ name: String, _ rule: JSONObject?, meta: JSONValue?, in resource: inout StoredResource) {
        var properties = resource.body["properties"]?.objectValue ?? JSONObject()
        var network = properties["managedNetwork"]?.objectValue ?? JSONObject()
        var rules = network["outboundRules"]?.objectValue ?? JSONObject()
        rules[name] = rule.map(JSONValue.object)
        network["outboundRules"] = .object(rules)
        properties["managedNetwork"] = .object(network)
        resource.body["properties"] = .object(properties)
        var metas = resource.privateState["outboundRules"]?.objectValue ?? JSONObject()
        metas[name] = meta
        resource.privateState["outboundRules"] = .object(metas)
    }
}
