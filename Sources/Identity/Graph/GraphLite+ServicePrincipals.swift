import ARMCore
import JSON

/// `/v1.0/servicePrincipals`: lookups `az role assignment` makes, and `az ad sp create/show/list/delete`
/// (https://learn.microsoft.com/graph/api/resources/serviceprincipal).
extension GraphLite {
    var servicePrincipalRoutes: [Route] {
        [
            Route("GET", "/v1.0/servicePrincipals", operationID: "Graph_ListServicePrincipals", action: nil) { request, _ in
                try filtered(servicePrincipalObjects().map(\.json), request, type: "servicePrincipals")
            },
            Route("POST", "/v1.0/servicePrincipals", operationID: "Graph_CreateServicePrincipal", action: nil) { request, _ in
                try createServicePrincipal(request)
            },
            Route("GET", "/v1.0/servicePrincipals/{id}", operationID: "Graph_GetServicePrincipal", action: nil) { request, parameters in
                let id = parameters.required("id")
                guard let object = servicePrincipalObjects().first(where: { $0.id == id.lowercased() }) else {
                    throw ARMError.graphResourceNotFound(id)
                }
                return .ok(single(object.json, type: "servicePrincipals", baseURL: request.baseURL))
            },
            Route("DELETE", "/v1.0/servicePrincipals/{id}", operationID: "Graph_DeleteServicePrincipal", action: nil) {
                request, parameters in
                try requireDirectoryWriter(request)
                let id = parameters.required("id")
                // Managed identities go with their resource, and the emulator's own principals stay.
                guard directory.servicePrincipal(objectId: id) != nil, !Self.directoryAdministrators.contains(id.lowercased()),
                    id.lowercased() != WellKnown.hubProxyObjectId
                else {
                    if directory.principal(objectId: id) != nil { throw ARMError.graphAuthorizationRequestDenied }
                    throw ARMError.graphResourceNotFound(id)
                }
                directory.remove(objectId: id)
                return ARMResponse(status: 204)
            },
        ]
    }

    struct GraphObject {
        let id: String
        let appId: String
        let displayName: String
        let json: JSONObject
    }

    func servicePrincipalObjects() -> [GraphObject] {
        directory.servicePrincipals.map { principal in
            let uris = directory.application(appId: principal.appId)?.identifierUris ?? []
            return GraphObject(
                id: principal.objectId, appId: principal.appId, displayName: principal.displayName,
                json: Self.servicePrincipalJSON(
                    id: principal.objectId, appId: principal.appId, displayName: principal.displayName, type: "Application",
                    tenantId: principal.tenantId, names: [principal.appId] + uris))
        }
            + directory.managedIdentities.map { identity in
                GraphObject(
                    id: identity.objectId, appId: identity.clientId, displayName: identity.displayName,
                    json: Self.servicePrincipalJSON(
                        id: identity.objectId, appId: identity.clientId, displayName: identity.displayName, type: "ManagedIdentity",
                        tenantId: identity.tenantId, names: [identity.clientId] + (identity.resourceId.map { [$0] } ?? [])))
            }
    }

    /// `{appId, accountEnabled?}`: 201 with the application's service principal; 400 when no
    /// application has the appId, 409 when it already has one.
    func createServicePrincipal(_ request: ARMRequest) throws -> ARMResponse {
        try requireDirectoryWriter(request)
        guard let appId = try request.jsonBody()["appId"]?.stringValue, !appId.isEmpty else { throw ARMError.graphMissingProperty("appId") }
        guard let application = directory.application(appId: appId) else { throw ARMError.graphAppIdNotReferenced(appId) }
        if directory.servicePrincipal(appId: appId) != nil { throw ARMError.graphServicePrincipalNameInUse(appId) }
        let principal: ServicePrincipal
        do {
            principal = try directory.createServicePrincipal(forApplication: application)
        } catch {
            // Another request made it since the check above.
            throw ARMError.graphServicePrincipalNameInUse(appId)
        }
        guard let object = servicePrincipalObjects().first(where: { $0.id == principal.objectId }) else {
            throw ARMError.graphResourceNotFound(principal.objectId)
        }
        return .created(single(object.json, type: "servicePrincipals", baseURL: request.baseURL))
    }
}
