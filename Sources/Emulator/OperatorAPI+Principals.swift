import ARMCore
import Foundation
import Identity
import JSON

/// `/_emulator/principals`: create service principals and users to test RBAC with, and list every
/// principal of the directory (managed identities of workspaces and accounts included) with the
/// credentials a test needs to sign in as it. Not part of Azure.
extension OperatorAPI {
    var principalRoutes: [Route] {
        [
            Route("GET", "/_emulator/principals", operationID: "Emulator_ListPrincipals", action: nil) { _, _ in
                let directory = emulator.directory
                let all =
                    directory.servicePrincipals.map { Self.json(.servicePrincipal($0)) }
                    + directory.users.map { Self.json(.user($0)) }
                    + directory.managedIdentities.map { Self.json(.managedIdentity($0)) }
                return .ok(["value": .array(all)])
            },
            Route("POST", "/_emulator/principals", operationID: "Emulator_CreatePrincipal", action: nil) { request, _ in
                try createPrincipal(request)
            },
        ]
    }

    /// `{displayName}` creates a service principal; `{userPrincipalName, password[, displayName]}`
    /// a user. 201 with the new principal and its credentials.
    func createPrincipal(_ request: ARMRequest) throws -> ARMResponse {
        let body = try request.jsonBody()
        let directory = emulator.directory
        if let upn = body["userPrincipalName"]?.stringValue {
            guard upn.contains("@") else {
                throw ARMError.invalidParameter("'userPrincipalName' must look like name@domain.", target: "userPrincipalName")
            }
            guard let password = body["password"]?.stringValue, !password.isEmpty else {
                throw ARMError.invalidParameter("A user needs a non-empty 'password'.", target: "password")
            }
            let displayName = body["displayName"]?.stringValue ?? String(upn.prefix { $0 != "@" })
            do {
                let user = try directory.createUser(upn: upn, password: password, displayName: displayName)
                return .created(Self.json(.user(user)))
            } catch {
                throw ARMError.principalConflict(error.message)
            }
        }
        guard let displayName = body["displayName"]?.stringValue, !displayName.isEmpty else {
            throw ARMError.invalidParameter(
                "Send {\"displayName\"} for a service principal or {\"userPrincipalName\",\"password\"} for a user.", target: "displayName")
        }
        return .created(Self.json(.servicePrincipal(directory.createServicePrincipal(displayName: displayName))))
    }

    static func json(_ principal: Principal) -> JSONValue {
        switch principal {
        case .servicePrincipal(let sp):
            return .object(
                JSONObject([
                    ("type", "ServicePrincipal"), ("objectId", .string(sp.objectId)), ("clientId", .string(sp.appId)),
                    ("appId", .string(sp.appId)), ("clientSecret", sp.secrets.first.map(JSONValue.string) ?? .null),
                    ("displayName", .string(sp.displayName)), ("tenantId", .string(sp.tenantId)),
                ]))
        case .user(let user):
            return .object(
                JSONObject([
                    ("type", "User"), ("objectId", .string(user.objectId)), ("userPrincipalName", .string(user.userPrincipalName)),
                    ("password", .string(user.password)), ("displayName", .string(user.displayName)), ("tenantId", .string(user.tenantId)),
                ]))
        case .managedIdentity(let identity):
            return .object(
                JSONObject([
                    ("type", "ManagedIdentity"), ("objectId", .string(identity.objectId)), ("clientId", .string(identity.clientId)),
                    ("displayName", .string(identity.displayName)), ("resourceId", identity.resourceId.map(JSONValue.string) ?? .null),
                    ("tenantId", .string(identity.tenantId)),
                ]))
        }
    }
}
