/// The one catalog of Entra (AADSTS) errors the token service answers with. Codes, OAuth error names,
/// statuses and texts follow Entra's; where Entra hides a value (`{EUII Hidden}`) we hide it too.
extension EntraError {
    // MARK: request shape

    /// A required form field is missing.
    package static func missingParameter(_ name: String) -> EntraError {
        EntraError(
            status: 400, error: "invalid_request", code: 900144,
            message: "The request body must contain the following parameter: '\(name)'.")
    }

    /// The token endpoint was called with another method than POST.
    package static func postRequired(_ method: String) -> EntraError {
        EntraError(
            status: 400, error: "invalid_request", code: 900561,
            message: "The endpoint only accepts POST requests. Received a \(method) request.")
    }

    package static func unsupportedGrantType(_ grantType: String) -> EntraError {
        EntraError(
            status: 400, error: "unsupported_grant_type", code: 70003,
            message: "The app requested an unsupported grant type '\(grantType)'.")
    }

    // MARK: tenants

    /// `error` is `invalid_request` on the token endpoint and `invalid_tenant` on discovery documents.
    package static func tenantNotFound(_ tenant: String, error: String = "invalid_request") -> EntraError {
        EntraError(
            status: 400, error: error, code: 90002,
            message:
                "Tenant '\(tenant)' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant."
        )
    }

    /// Client credentials need a tenant: `/common` and `/consumers` cannot say which one.
    package static let grantNotSupportedOnCommon = EntraError(
        status: 400, error: "invalid_request", code: 9_001_023,
        message:
            "The grant type is not supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint."
    )

    // MARK: clients

    package static func applicationNotFound(_ appId: String, directory: String) -> EntraError {
        EntraError(
            status: 400, error: "unauthorized_client", code: 700016,
            message:
                "Application with identifier '\(appId)' was not found in the directory '\(directory)'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant."
        )
    }

    package static func invalidClientSecret(appId: String) -> EntraError {
        EntraError(
            status: 401, error: "invalid_client", code: 7_000_215,
            message:
                "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '\(appId)'."
        )
    }

    package static let missingClientCredential = EntraError(
        status: 401, error: "invalid_client", code: 7_000_218,
        message: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.")

    /// Certificate credentials (`client_assertion`): the emulator's principals have no certificates.
    package static let clientAssertionKeyNotFound = EntraError(
        status: 401, error: "invalid_client", code: 700027,
        message: "Client assertion failed signature validation. [Reason - The key was not found.]")

    package static let publicClientWithSecret = EntraError(
        status: 401, error: "invalid_client", code: 700025,
        message: "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.")

    // MARK: scopes

    package static func invalidClientCredentialsScope(_ scope: String) -> EntraError {
        EntraError(
            status: 400, error: "invalid_scope", code: 1_002_012,
            message:
                "The provided value for scope \(scope) is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI)."
        )
    }

    package static func scopeWithSeveralResources(_ scope: String) -> EntraError {
        EntraError(
            status: 400, error: "invalid_scope", code: 28000,
            message:
                "Provided value for the input parameter scope is not valid because it contains more than one resource. Scope \(scope) is not valid."
        )
    }

    // MARK: users

    package static let invalidUsernameOrPassword = EntraError(
        status: 400, error: "invalid_grant", code: 50126,
        message: "Error validating credentials due to invalid username or password.")

    package static func userNotFound(tenant: String) -> EntraError {
        EntraError(
            status: 400, error: "invalid_grant", code: 50034,
            message:
                "The user account {EUII Hidden} does not exist in the \(tenant) directory. To sign into this application, the account must be added to the directory."
        )
    }

    // MARK: device code (RFC 8628 section 3.5)

    package static let authorizationPending = EntraError(
        status: 400, error: "authorization_pending", code: 70016,
        message: "OAuth 2.0 device flow error. Authorization is pending. Continue polling.")

    package static let deviceCodeExpired = EntraError(
        status: 400, error: "expired_token", code: 70019, message: "Verification code expired.")

    // MARK: grants

    /// A device code or refresh token that is not ours, was already redeemed or belongs to another client.
    package static let invalidGrant = EntraError(
        status: 400, error: "invalid_grant", code: 70000, message: "Provided grant is invalid or malformed.")

    /// A refresh token that cannot be parsed or verified.
    package static let malformedRefreshToken = EntraError(
        status: 400, error: "invalid_grant", code: 9_002_313, message: "Invalid request. Request is malformed or invalid.")

    package static func refreshTokenExpired(issued: String) -> EntraError {
        EntraError(
            status: 400, error: "invalid_grant", code: 700082,
            message: "The refresh token has expired due to inactivity. The token was issued on \(issued) and was inactive for 90.00:00:00.")
    }
}
