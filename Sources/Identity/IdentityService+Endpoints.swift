/// The endpoints `route(_:)` serves, as method and path template (the form of the OpenAPI
/// document). Routing itself is a `switch` on the lower-cased segments; this list is what the
/// OpenAPI test compares with the document, and the test also sends each one to the service to
/// prove it is really served.
extension IdentityService {
    public static let endpoints: [(method: String, path: String)] = {
        var endpoints: [(method: String, path: String)] = [
            ("GET", "/msi/token"),
            ("GET", "/metadata/identity/oauth2/token"),
            ("GET", "/{tenant}/v2.0/.well-known/openid-configuration"),
            ("GET", "/{tenant}/.well-known/openid-configuration"),
            ("GET", "/{tenant}/discovery/v2.0/keys"),
            ("GET", "/{tenant}/discovery/keys"),
            ("GET", "/{tenant}/discovery/instance"),
            ("GET", "/{tenant}/userrealm/{username}"),
        ]
        for version in ["/oauth2", "/oauth2/v2.0"] {
            endpoints += [
                ("POST", "/{tenant}\(version)/token"),
                ("POST", "/{tenant}\(version)/devicecode"),
                ("GET", "/{tenant}\(version)/deviceauth"),
                ("GET", "/{tenant}\(version)/logout"),
                ("GET", "/{tenant}\(version)/authorize"),
            ]
        }
        return endpoints
    }()
}
