import ARMCore
import Foundation
import JSON

/// `/v1.0/applications`: what `az ad app create/show/list/update/delete`, `az ad app credential
/// reset/list/delete` and `az ad sp create-for-rbac` call
/// (https://learn.microsoft.com/graph/api/resources/application).
extension GraphLite {
    var applicationRoutes: [Route] {
        [
            Route("GET", "/v1.0/applications", operationID: "Graph_ListApplications", action: nil) { request, _ in
                try filtered(directory.applications.map(Self.json), request, type: "applications")
            },
            Route("POST", "/v1.0/applications", operationID: "Graph_CreateApplication", action: nil) { request, _ in
                try createApplication(request)
            },
            Route("GET", "/v1.0/applications/{id}", operationID: "Graph_GetApplication", action: nil) { request, parameters in
                let application = try requireApplication(parameters.required("id"))
                return .ok(single(Self.json(application), type: "applications", baseURL: request.baseURL))
            },
            Route("PATCH", "/v1.0/applications/{id}", operationID: "Graph_UpdateApplication", action: nil) { request, parameters in
                try updateApplication(request, id: parameters.required("id"))
            },
            Route("DELETE", "/v1.0/applications/{id}", operationID: "Graph_DeleteApplication", action: nil) { request, parameters in
                try requireDirectoryWriter(request)
                let id = parameters.required("id")
                guard directory.removeApplication(objectId: id) != nil else { throw ARMError.graphResourceNotFound(id) }
                return ARMResponse(status: 204)
            },
            Route("POST", "/v1.0/applications/{id}/addPassword", operationID: "Graph_AddApplicationPassword", action: nil) {
                request, parameters in
                try addPassword(request, id: parameters.required("id"))
            },
            Route("POST", "/v1.0/applications/{id}/removePassword", operationID: "Graph_RemoveApplicationPassword", action: nil) {
                request, parameters in
                try requireDirectoryWriter(request)
                let id = parameters.required("id")
                _ = try requireApplication(id)
                guard let keyId = try request.jsonBody()["keyId"]?.stringValue else { throw ARMError.graphMissingProperty("keyId") }
                do {
                    guard try directory.removePassword(applicationObjectId: id, keyId: keyId) else {
                        throw ARMError.graphBadRequest("No password credential with keyId '\(keyId)' was found.")
                    }
                } catch let error as DirectoryError {
                    throw Self.graphError(error, id: id)
                }
                return ARMResponse(status: 204)
            },
            Route("GET", "/v1.0/applications/{id}/owners", operationID: "Graph_ListApplicationOwners", action: nil) {
                request, parameters in
                _ = try requireApplication(parameters.required("id"))
                return collection([], type: "directoryObjects", baseURL: request.baseURL)
            },
        ]
    }

    func requireApplication(_ id: String) throws -> Application {
        guard let application = directory.application(objectId: id) else { throw ARMError.graphResourceNotFound(id) }
        return application
    }

    /// `{displayName, identifierUris?, signInAudience?, ...}`: 201 with the new application. Other
    /// properties (web, appRoles, requiredResourceAccess) are accepted and not kept.
    func createApplication(_ request: ARMRequest) throws -> ARMResponse {
        try requireDirectoryWriter(request)
        let body = try request.jsonBody()
        guard let displayName = body["displayName"]?.stringValue, !displayName.isEmpty else {
            throw ARMError.graphMissingProperty("displayName")
        }
        let uris = body["identifierUris"]?.arrayValue?.compactMap(\.stringValue) ?? []
        try checkIdentifierUrisFree(uris, except: nil)
        let application: Application
        do {
            application = try directory.createApplication(
                displayName: displayName, identifierUris: uris,
                signInAudience: body["signInAudience"]?.stringValue ?? "AzureADMyOrg", tenantId: tenantId(request), now: now())
        } catch {
            throw ARMError.graphBadRequest(error.message)
        }
        return .created(single(Self.json(application), type: "applications", baseURL: request.baseURL))
    }

    /// PATCH: `displayName`, `identifierUris`, `signInAudience`; 204.
    func updateApplication(_ request: ARMRequest, id: String) throws -> ARMResponse {
        try requireDirectoryWriter(request)
        _ = try requireApplication(id)
        let body = try request.jsonBody()
        let uris = body["identifierUris"]?.arrayValue?.compactMap(\.stringValue)
        if let uris { try checkIdentifierUrisFree(uris, except: id) }
        do {
            _ = try directory.updateApplication(objectId: id) { application in
                if let name = body["displayName"]?.stringValue, !name.isEmpty { application.displayName = name }
                if let uris { application.identifierUris = uris }
                if let audience = body["signInAudience"]?.stringValue { application.signInAudience = audience }
            }
        } catch {
            throw Self.graphError(error, id: id)
        }
        return ARMResponse(status: 204)
    }

    func checkIdentifierUrisFree(_ uris: [String], except id: String?) throws {
        let taken = directory.applications.filter { $0.objectId != id?.lowercased() }.flatMap(\.identifierUris).map { $0.lowercased() }
        if uris.contains(where: { taken.contains($0.lowercased()) }) { throw ARMError.graphDuplicateProperty("identifierUris") }
    }

    /// `{passwordCredential:{displayName, startDateTime, endDateTime}}` (all optional): 200 with the
    /// credential and its `secretText`. Without dates the secret is valid from now for two years
    /// (Graph's default).
    func addPassword(_ request: ARMRequest, id: String) throws -> ARMResponse {
        try requireDirectoryWriter(request)
        _ = try requireApplication(id)
        let input = (try? request.jsonBody())?["passwordCredential"]?.objectValue ?? JSONObject()
        let start = now()
        let startText = input["startDateTime"]?.stringValue ?? ARMTimestamp.string(from: start)
        let endText = input["endDateTime"]?.stringValue ?? ARMTimestamp.string(from: start.addingTimeInterval(2 * 365 * 24 * 3600))
        for (name, text) in [("startDateTime", startText), ("endDateTime", endText)] where ARMTimestamp.date(from: text) == nil {
            throw ARMError.graphBadRequest("Invalid value specified for property '\(name)' of resource 'PasswordCredential'.")
        }
        do {
            let credential = try directory.addPassword(
                applicationObjectId: id, displayName: input["displayName"]?.stringValue, startDateTime: startText, endDateTime: endText)
            var body = JSONObject([("@odata.context", .string(request.baseURL + "/v1.0/$metadata#microsoft.graph.passwordCredential"))])
            for (key, value) in Self.json(credential, withSecret: true).pairs { body[key] = value }
            return .ok(.object(body))
        } catch {
            throw Self.graphError(error, id: id)
        }
    }
}
