import ARMCore
import EmulatorHTTP

/// Identity's route table: every Entra ID endpoint as a `Route` with its operation id, matched by a
/// `Router` like every other route group (`IdentityPipeline`). `{tenant}` is a tenant id, a tenant
/// domain, `organizations` or `common`.
extension IdentityService {
    /// The routes, each with whether it also answers other methods: the token and device-code
    /// endpoints refuse them with Entra's AADSTS900561 themselves, and the sign-in pages answer any
    /// method; the rest answer 405.
    package var routes: [(route: Route, anyMethod: Bool)] {
        var routes: [(route: Route, anyMethod: Bool)] = [
            (get("/msi/token", "ManagedIdentity_GetAppServiceToken") { request, _ in self.appServiceToken(request) }, false),
            (get("/metadata/identity/oauth2/token", "ManagedIdentity_GetImdsToken") { request, _ in self.imdsToken(request) }, false),
            (
                get("/{tenant}/v2.0/.well-known/openid-configuration", "OpenIdConfiguration_GetV2") { request, parameters in
                    self.openIDConfiguration(request, tenant: parameters.required("tenant"), version: .v2)
                }, false
            ),
            (
                get("/{tenant}/.well-known/openid-configuration", "OpenIdConfiguration_GetV1") { request, parameters in
                    self.openIDConfiguration(request, tenant: parameters.required("tenant"), version: .v1)
                }, false
            ),
            (get("/{tenant}/discovery/v2.0/keys", "Keys_ListV2") { request, _ in self.json(200, self.documents.keys(), request) }, false),
            (get("/{tenant}/discovery/keys", "Keys_ListV1") { request, _ in self.json(200, self.documents.keys(), request) }, false),
            (get("/{tenant}/discovery/instance", "InstanceDiscovery_Get") { request, _ in self.instanceDiscovery(request) }, false),
            (
                get("/{tenant}/userrealm/{username}", "UserRealm_Get") { request, parameters in
                    self.json(200, self.documents.userRealm(username: parameters.required("username"), directory: self.directory), request)
                }, false
            ),
        ]
        for (prefix, version, suffix) in [("/oauth2", TokenRequest.Version.v1, "V1"), ("/oauth2/v2.0", .v2, "V2")] {
            routes += [
                (
                    Route("POST", "/{tenant}\(prefix)/token", operationID: "Token_Acquire" + suffix, action: nil) { request, parameters in
                        ARMResponse(
                            raw: self.tokenEndpoint(request.http, tenant: parameters.required("tenant"), version: version) {
                                (request) throws(EntraError) in try self.tokens.token(request)
                            })
                    }, true
                ),
                (
                    // The v2 device-code operation keeps its published id, DeviceCode_Start.
                    Route(
                        "POST", "/{tenant}\(prefix)/devicecode", operationID: version == .v2 ? "DeviceCode_Start" : "DeviceCode_StartV1",
                        action: nil
                    ) { request, parameters in
                        ARMResponse(
                            raw: self.tokenEndpoint(request.http, tenant: parameters.required("tenant"), version: version) {
                                (request) throws(EntraError) in try self.tokens.deviceAuthorization(request)
                            })
                    }, true
                ),
                (get("/{tenant}\(prefix)/deviceauth", "DeviceAuth_Page" + suffix) { request, _ in self.deviceAuthPage(request) }, true),
                (get("/{tenant}\(prefix)/logout", "Logout_Page" + suffix) { request, _ in self.logoutPage(request) }, true),
                (get("/{tenant}\(prefix)/authorize", "Authorize_Start" + suffix) { request, _ in self.authorize(request) }, true),
            ]
        }
        return routes
    }

    /// A GET route whose answer is an `HTTPResponse` built by the service.
    private func get(
        _ pattern: String, _ operationID: String, _ answer: @escaping @Sendable (HTTPRequest, RouteParameters) -> HTTPResponse
    ) -> Route {
        Route("GET", pattern, operationID: operationID, action: nil) { request, parameters in
            ARMResponse(raw: answer(request.http, parameters))
        }
    }
}
