import ARMCore
import Foundation
import JSON

/// The Microsoft Graph v1.0 calls `az ad`, `az role assignment` and azure-identity users make,
/// served at the cloud's `microsoftGraphResourceId` (this server; docs/rbac-and-hub-proxy.md):
/// applications (with password credentials), service principals, users, groups and their members,
/// `directoryObjects/getByIds` and `checkMemberGroups`, `me`. The object id Graph returns is the
/// `oid` of the principal's tokens. Managed identities are service principals of type
/// `ManagedIdentity`, as in Entra.
///
/// Reads need any valid token; writes need directory rights (`requireDirectoryWriter`). Errors
/// take Graph's shape (`GraphErrorMiddleware`).
package struct GraphLite: Sendable {
    let directory: Directory
    let now: @Sendable () -> Date

    /// Who holds directory rights (Entra's Global Administrator, EMULATOR CHOICE documented in
    /// docs/rbac-and-hub-proxy.md): the operator service principal and the default user.
    package static let directoryAdministrators: Set<String> = [WellKnown.operatorObjectId, WellKnown.userObjectId]

    package init(directory: Directory, now: @escaping @Sendable () -> Date = Date.init) {
        self.directory = directory
        self.now = now
    }

    package var routes: [Route] {
        applicationRoutes + servicePrincipalRoutes + userRoutes + groupRoutes + directoryObjectRoutes
    }

    /// 403 `Authorization_RequestDenied` unless the caller is a directory administrator.
    func requireDirectoryWriter(_ request: ARMRequest) throws {
        guard let caller = request.caller, Self.directoryAdministrators.contains(caller.objectId.lowercased()) else {
            throw ARMError.graphAuthorizationRequestDenied
        }
    }

    /// The tenant new objects go to: the caller's.
    func tenantId(_ request: ARMRequest) -> String {
        request.caller?.tenantId ?? WellKnown.tenantId
    }

    /// The object's JSON with `@odata.context` first.
    func single(_ object: JSONObject, type: String, baseURL: String) -> JSONValue {
        var result = JSONObject([("@odata.context", .string(baseURL + "/v1.0/$metadata#\(type)/$entity"))])
        for (key, value) in object.pairs { result[key] = value }
        return .object(result)
    }

    func collection(_ objects: [JSONObject], type: String, baseURL: String) -> ARMResponse {
        .ok(
            .object(
                JSONObject([
                    ("@odata.context", .string(baseURL + "/v1.0/$metadata#\(type)")),
                    ("value", .array(objects.map(JSONValue.object))),
                ])))
    }

    /// A list filtered by the request's `$filter` (none: all).
    func filtered(_ objects: [JSONObject], _ request: ARMRequest, type: String) throws -> ARMResponse {
        guard let text = request.query["$filter"], !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            return collection(objects, type: type, baseURL: request.baseURL)
        }
        let filter = try GraphFilter(text)
        return collection(objects.filter(filter.matches), type: type, baseURL: request.baseURL)
    }

    /// The object id a `{"@odata.id": ".../directoryObjects/{id}"}` reference names.
    static func referencedId(_ body: JSONObject) throws -> String {
        guard let reference = body["@odata.id"]?.stringValue, let last = reference.split(separator: "/").last,
            UUID(uuidString: String(last)) != nil
        else {
            throw ARMError.graphBadRequest("Invalid object identifier '\(body["@odata.id"]?.stringValue ?? "")'.")
        }
        return String(last).lowercased()
    }

    /// `Request_ResourceNotFound` for a directory error that says something is missing, else `Request_BadRequest`.
    static func graphError(_ error: DirectoryError, id: String) -> ARMError {
        error.isNotFound ? .graphResourceNotFound(id) : .graphBadRequest(error.message)
    }
}
