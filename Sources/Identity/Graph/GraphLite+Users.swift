import ARMCore

/// `/v1.0/users` and `/v1.0/me`: `az ad user create/show/list/update/delete`, `az ad signed-in-user show`
/// and the UPN lookups of `az role assignment` (https://learn.microsoft.com/graph/api/resources/user).
extension GraphLite {
    var userRoutes: [Route] {
        [
            Route("GET", "/v1.0/users", operationID: "Graph_ListUsers", action: nil) { request, _ in
                try filtered(directory.users.map(Self.json), request, type: "users")
            },
            Route("POST", "/v1.0/users", operationID: "Graph_CreateUser", action: nil) { request, _ in
                try createUser(request)
            },
            Route("GET", "/v1.0/users/{id}", operationID: "Graph_GetUser", action: nil) { request, parameters in
                let user = try requireUser(parameters.required("id"))
                return .ok(single(Self.json(user), type: "users", baseURL: request.baseURL))
            },
            Route("PATCH", "/v1.0/users/{id}", operationID: "Graph_UpdateUser", action: nil) { request, parameters in
                try requireDirectoryWriter(request)
                let user = try requireUser(parameters.required("id"))
                let body = try request.jsonBody()
                do {
                    _ = try directory.updateUser(
                        objectId: user.objectId, displayName: body["displayName"]?.stringValue,
                        password: body["passwordProfile"]?["password"]?.stringValue)
                } catch let error as DirectoryError {
                    throw Self.graphError(error, id: user.objectId)
                }
                return ARMResponse(status: 204)
            },
            Route("DELETE", "/v1.0/users/{id}", operationID: "Graph_DeleteUser", action: nil) { request, parameters in
                try requireDirectoryWriter(request)
                let user = try requireUser(parameters.required("id"))
                if Self.directoryAdministrators.contains(user.objectId) { throw ARMError.graphAuthorizationRequestDenied }
                directory.remove(objectId: user.objectId)
                return ARMResponse(status: 204)
            },
            Route("GET", "/v1.0/me", operationID: "Graph_GetMe", action: nil) { request, _ in
                guard let caller = request.caller, caller.principalType == .user, let user = directory.user(objectId: caller.objectId)
                else {
                    throw ARMError.graphMeNeedsDelegatedToken
                }
                return .ok(single(Self.json(user), type: "users", baseURL: request.baseURL))
            },
        ]
    }

    /// By object id or UPN (also `('upn')`, the form az uses for a UPN starting with `$`).
    func requireUser(_ idOrUPN: String) throws -> User {
        var key = idOrUPN
        if key.hasPrefix("('"), key.hasSuffix("')") { key = String(key.dropFirst(2).dropLast(2)) }
        guard let user = directory.user(objectId: key) ?? directory.user(userPrincipalName: key) else {
            throw ARMError.graphResourceNotFound(idOrUPN)
        }
        return user
    }

    /// `{accountEnabled, displayName, mailNickname, userPrincipalName, passwordProfile:{password}}`:
    /// 201 with the user, who can sign in with that password at once.
    func createUser(_ request: ARMRequest) throws -> ARMResponse {
        try requireDirectoryWriter(request)
        let body = try request.jsonBody()
        for property in ["displayName", "mailNickname", "userPrincipalName"] where (body[property]?.stringValue ?? "").isEmpty {
            throw ARMError.graphMissingProperty(property)
        }
        guard let password = body["passwordProfile"]?["password"]?.stringValue, !password.isEmpty else {
            throw ARMError.graphMissingProperty("passwordProfile")
        }
        let upn = body["userPrincipalName"]?.stringValue ?? ""
        let tenant = tenantId(request)
        let parts = upn.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty,
            let domain = directory.tenant(id: tenant)?.defaultDomain, parts[1].lowercased() == domain
        else {
            throw ARMError.graphInvalidUPNDomain
        }
        if directory.user(userPrincipalName: upn) != nil { throw ARMError.graphDuplicateProperty("userPrincipalName") }
        do {
            let user = try directory.createUser(
                upn: upn, password: password, displayName: body["displayName"]?.stringValue ?? upn, tenantId: tenant)
            return .created(single(Self.json(user), type: "users", baseURL: request.baseURL))
        } catch {
            throw ARMError.graphBadRequest(error.message)
        }
    }
}
