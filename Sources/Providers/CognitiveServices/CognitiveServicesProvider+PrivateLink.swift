import ARMCore
import JSON

/// Private link on accounts. `privateLinkResources` lists the one group an account exposes,
/// `account`, with the private DNS zones of its kind (Microsoft Learn, "Azure Private Endpoint
/// private DNS zone values": AI services / Cognitive Services / Azure OpenAI).
/// `privateEndpointConnections` only come into being when a private endpoint is created in
/// Microsoft.Network, which the emulator does not serve: the list is empty, GET and PUT
/// (approve/reject) on a name answer 404, DELETE 204 (docs/served.md).
extension CognitiveServicesProvider {
    static let privateEndpointConnectionType = "Microsoft.CognitiveServices/accounts/privateEndpointConnections"
    static let privateLinkResourceType = "Microsoft.CognitiveServices/accounts/privateLinkResources"

    var privateLinkRoutes: [Route] {
        let connections = Self.accountPattern + "/privateEndpointConnections"
        let connection = connections + "/{privateEndpointConnectionName}"
        let action = "Microsoft.CognitiveServices/accounts/privateEndpointConnections/"
        return [
            Route(
                "GET", Self.accountPattern + "/privateLinkResources", operationID: "AccountPrivateLinkResources_List",
                action: "Microsoft.CognitiveServices/accounts/privateLinkResources/read"
            ) { request, parameters in
                let account = try requireParentAccount(request, childType: Self.privateLinkResourceType, operation: "read")
                return .ok(["value": [Self.privateLinkResource(account)]])
            },
            Route("GET", connections, operationID: "PrivateEndpointConnections_List", action: action + "read") { request, parameters in
                let account = try requireParentAccount(request, childType: Self.privateEndpointConnectionType, operation: "read")
                return .ok([
                    "value": .array(store.children(of: account.id, type: Self.privateEndpointConnectionType).map { .object($0.body) })
                ])
            },
            Route("GET", connection, operationID: "PrivateEndpointConnections_Get", action: action + "read") { request, parameters in
                .ok(.object(try store.require(try privateEndpointConnectionID(request, parameters, operation: "read")).body))
            },
            Route("PUT", connection, operationID: "PrivateEndpointConnections_CreateOrUpdate", action: action + "write") {
                request, parameters in try putPrivateEndpointConnection(request, parameters)
            },
            Route("DELETE", connection, operationID: "PrivateEndpointConnections_Delete", action: action + "delete") {
                request, parameters in
                let id = try privateEndpointConnectionID(request, parameters, operation: "delete")
                guard let existing = store.get(id) else { return .noContent }
                try request.precondition?.check(existing)
                try store.delete(id)
                return ARMResponse(status: 200)
            },
        ]
    }

    func privateEndpointConnectionID(_ request: ARMRequest, _ parameters: RouteParameters, operation: String) throws -> ResourceID {
        let account = try requireParentAccount(request, childType: Self.privateEndpointConnectionType, operation: operation)
        return account.id.child(type: "privateEndpointConnections", name: parameters.required("privateEndpointConnectionName"))
    }

    /// Approve or reject a connection that exists: only
    /// `properties.privateLinkServiceConnectionState.{status, description, actionsRequired}` change.
    func putPrivateEndpointConnection(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let id = try privateEndpointConnectionID(request, parameters, operation: "write")
        let state = try PrivateEndpointConnectionState(input: try request.jsonBody())
        let updated = try store.update(id, precondition: request.precondition) { state.apply(to: &$0) }
        return .ok(.object(updated.body))
    }

    /// Group `account`; the zones of the kind (OpenAI: openai; AIServices: the three Foundry zones).
    static func privateLinkResource(_ account: StoredResource) -> JSONValue {
        let kind = account.body["kind"]?.stringValue?.lowercased() ?? ""
        let zones: [String]
        switch kind {
        case "openai": zones = ["privatelink.openai.azure.com"]
        case "aiservices":
            zones = ["privatelink.cognitiveservices.azure.com", "privatelink.openai.azure.com", "privatelink.services.ai.azure.com"]
        default: zones = ["privatelink.cognitiveservices.azure.com"]
        }
        return [
            "id": .string(account.id.child(type: "privateLinkResources", name: "account").description),
            "name": "account",
            "type": .string(privateLinkResourceType),
            "properties": [
                "groupId": "account", "displayName": "account", "requiredMembers": ["default"],
                "requiredZoneNames": .array(zones.map(JSONValue.string)),
            ],
        ]
    }
}
