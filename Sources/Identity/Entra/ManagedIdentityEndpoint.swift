import ARMCore
import EmulatorHTTP
import Foundation
import JSON

/// Managed-identity token endpoints, unauthenticated except for their own header checks:
/// - App Service / Functions / ML compute (`IDENTITY_ENDPOINT` + `IDENTITY_HEADER`):
///   `GET /msi/token?api-version=2019-08-01&resource=...` with `X-IDENTITY-HEADER`;
/// - Azure VM IMDS: `GET /metadata/identity/oauth2/token?api-version=2018-02-01&resource=...` with
///   `Metadata: true`.
/// The identity is chosen by `client_id`, `object_id`/`principal_id` or `mi_res_id`/`msi_res_id`;
/// with none, the well-known "foundry-emulator-host" identity answers.
struct ManagedIdentityEndpoint: Sendable {
    let directory: Directory
    let tokens: TokenService
    let identityHeader: String

    /// The App Service protocol. Its errors are `{"statusCode","message","correlationId"}`.
    func appService(_ request: HTTPRequest) -> (status: Int, body: JSONValue) {
        let query = QueryParameters(request.query ?? "")
        func failure(_ status: Int, _ message: String) -> (Int, JSONValue) {
            (
                status,
                .object(
                    JSONObject([
                        ("statusCode", .int(Int64(status))), ("message", .string(message)), ("correlationId", .string(newGUID())),
                    ]))
            )
        }
        guard let header = request.headers["X-IDENTITY-HEADER"] else {
            return failure(400, "The request is missing the X-IDENTITY-HEADER header (the value of IDENTITY_HEADER).")
        }
        guard header == identityHeader else {
            return failure(401, "The X-IDENTITY-HEADER header does not match IDENTITY_HEADER.")
        }
        guard let apiVersion = nonEmpty(query["api-version"]) else { return failure(400, "The api-version query parameter is required.") }
        guard let resource = nonEmpty(query["resource"]) else { return failure(400, "The resource query parameter is required.") }
        let identity: ManagedIdentity
        switch select(query) {
        case .success(let found): identity = found
        case .failure(let error): return failure(400, error.message)
        }
        let issued = issue(for: identity, resource: resource)
        // 2017-09-01 answered `expires_on` as a date string; 2019-08-01 as epoch seconds in a string.
        let expiresOn =
            apiVersion == "2017-09-01"
            ? UTCTime.entra(Date(timeIntervalSince1970: TimeInterval(issued.expiresOn))) : String(issued.expiresOn)
        return (
            200,
            .object(
                JSONObject([
                    ("access_token", .string(issued.token)),
                    ("expires_on", .string(expiresOn)),
                    ("resource", .string(resource)),
                    ("token_type", "Bearer"),
                    ("client_id", .string(identity.clientId)),
                ]))
        )
    }

    /// The IMDS protocol. Its errors are OAuth-style `{"error","error_description"}`.
    func imds(_ request: HTTPRequest) -> (status: Int, body: JSONValue) {
        let query = QueryParameters(request.query ?? "")
        func failure(_ status: Int, _ error: String, _ description: String) -> (Int, JSONValue) {
            (status, .object(JSONObject([("error", .string(error)), ("error_description", .string(description))])))
        }
        guard request.headers["Metadata"]?.lowercased() == "true" else {
            return failure(400, "invalid_request", "Required metadata header not specified")
        }
        guard nonEmpty(query["api-version"]) != nil else {
            return failure(400, "invalid_request", "Required query variable 'api-version' is missing")
        }
        guard let resource = nonEmpty(query["resource"]) else {
            return failure(400, "invalid_request", "Required audience parameter not specified")
        }
        let identity: ManagedIdentity
        switch select(query) {
        case .success(let found): identity = found
        case .failure: return failure(400, "invalid_request", "Identity not found")
        }
        let issued = issue(for: identity, resource: resource)
        return (
            200,
            .object(
                JSONObject([
                    ("access_token", .string(issued.token)),
                    ("client_id", .string(identity.clientId)),
                    ("expires_in", .string(String(WellKnown.expiresIn))),
                    ("expires_on", .string(String(issued.expiresOn))),
                    ("ext_expires_in", .string(String(WellKnown.expiresIn))),
                    ("not_before", .string(String(issued.expiresOn - WellKnown.accessTokenLifetime))),
                    ("resource", .string(resource)),
                    ("token_type", "Bearer"),
                ]))
        )
    }

    /// The named identity, or the default one.
    func select(_ query: QueryParameters) -> Result<ManagedIdentity, DirectoryError> {
        let clientID = nonEmpty(query["client_id"] ?? query["clientid"])
        let objectID = nonEmpty(query["object_id"] ?? query["principal_id"])
        let resourceID = nonEmpty(query["mi_res_id"] ?? query["msi_res_id"])
        let given = [clientID, objectID, resourceID].compactMap { $0 }
        if given.count > 1 {
            return .failure(DirectoryError("Only one of client_id, object_id/principal_id and mi_res_id may be given."))
        }
        let found: ManagedIdentity?
        if let clientID {
            found = directory.managedIdentity(clientId: clientID)
        } else if let objectID {
            found = directory.managedIdentity(objectId: objectID)
        } else if let resourceID {
            found = directory.managedIdentity(resourceId: resourceID)
        } else {
            found = directory.managedIdentity(objectId: WellKnown.managedIdentityObjectId)
        }
        guard let found else {
            return .failure(
                DirectoryError("Unable to load the requested managed identity '\(given.first ?? WellKnown.managedIdentityDisplayName)'."))
        }
        return .success(found)
    }

    /// `resource` is the audience as given; a `/.default` suffix (a scope passed as a resource) is dropped.
    private func issue(for identity: ManagedIdentity, resource: String) -> (token: String, expiresOn: Int) {
        let audience = resource.hasSuffix("/.default") ? String(resource.dropLast("/.default".count)) : resource
        let issuedAt = tokens.currentSeconds()
        let token = tokens.mintAccessToken(
            for: .managedIdentity(identity), audience: audience, clientID: nil, appidacr: nil, scp: nil, issuedAt: issuedAt,
            lifetime: WellKnown.accessTokenLifetime)
        return (token, issuedAt + WellKnown.accessTokenLifetime)
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
