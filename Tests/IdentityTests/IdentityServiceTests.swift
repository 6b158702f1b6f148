import EmulatorHTTP
import Foundation
import Testing

@testable import Identity

@Suite struct IdentityServiceTests {
    @Test func handlesItsPathsOnly() {
        let service = makeService()
        let yes: [[String]] = [
            [WellKnown.tenantId, "oauth2", "v2.0", "token"], ["organizations", "oauth2", "v2.0", "devicecode"],
            ["common", "v2.0", ".well-known", "openid-configuration"], [WellKnown.tenantId, ".well-known", "openid-configuration"],
            ["common", "discovery", "v2.0", "keys"], ["msi", "token"], ["metadata", "identity", "oauth2", "token"],
            ["X", "OAuth2", "Token"],
        ]
        let no: [[String]] = [
            ["subscriptions"], ["subscriptions", WellKnown.subscriptionId, "resourceGroups"], ["metadata", "endpoints"], ["tenants"],
            ["_emulator", "info"], ["providers", "Microsoft.Resources", "operations"], ["x", "v2.0", "other"], ["msi"],
        ]
        for path in yes { #expect(service.handles(path: path), "\(path)") }
        for path in no { #expect(!service.handles(path: path), "\(path)") }
        // The raw path the top-level dispatch passes answers the same, empty segments dropped and
        // segments percent-decoded.
        for path in yes { #expect(service.handles(rawPath: "/" + path.joined(separator: "//")), "\(path)") }
        for path in no { #expect(!service.handles(rawPath: "/" + path.joined(separator: "/")), "\(path)") }
        #expect(service.handles(rawPath: "/common/OAuth%32/token"))
        #expect(service.handles(rawPath: "//msi/%74oken/"))
        // Only the segment that is encoded is decoded: one before or after a plain one
        #expect(service.handles(rawPath: "/%6Dsi/token"))
        #expect(service.handles(rawPath: "/t%C3%A9nant/oauth2/v2.0/token"))
        #expect(service.handles(rawPath: "/tenant/o%61uth2"))
        #expect(!service.handles(rawPath: "/msi/tokén"))
        #expect(!service.handles(rawPath: "/%6Dsi"))
        #expect(!service.handles(rawPath: "/msi/token/x"))
        #expect(!service.handles(rawPath: "/common/userrealm/a/b"))
    }

    @Test func tokenEndpointNeedsPOST() async {
        let response = await makeService().handle(get("/\(WellKnown.tenantId)/oauth2/v2.0/token"))
        #expect(response.status == 400)
        #expect(jsonObject(response)["error_codes"] as? [Int] == [900561])
    }

    @Test func missingAndUnsupportedGrantTypes() async {
        let service = makeService()
        let missing = await service.handle(formPost("/\(WellKnown.tenantId)/oauth2/v2.0/token", [("client_id", "x")]))
        #expect(jsonObject(missing)["error_codes"] as? [Int] == [900144])
        let unsupported = await service.handle(
            formPost(
                "/\(WellKnown.tenantId)/oauth2/v2.0/token", [("client_id", "x"), ("grant_type", "authorization_code")]))
        #expect(jsonObject(unsupported)["error"] as? String == "unsupported_grant_type")
        #expect(jsonObject(unsupported)["error_codes"] as? [Int] == [70003])
    }

    @Test func unknownEndpointsAreNotFoundAndAuthorizeIsNotImplemented() async {
        let service = makeService()
        #expect(await service.handle(get("/\(WellKnown.tenantId)/oauth2/v2.0/nothing")).status == 404)
        #expect(await service.handle(get("/\(WellKnown.tenantId)/oauth2/v2.0/authorize?client_id=x")).status == 501)
        #expect(await service.handle(formPost("/\(WellKnown.tenantId)/discovery/keys", [])).status == 405)
        #expect(await service.handle(get("/\(WellKnown.tenantId)/oauth2/deviceauth")).status == 200)
    }

    /// MSAL's home-realm discovery before `az login -u/-p` (docs/rbac-and-hub-proxy.md).
    @Test func userRealmIsManagedForDirectoryUsersOnly() async {
        let service = makeService()
        #expect(service.handles(path: ["common", "userrealm", WellKnown.userPrincipalName]))
        let known = await service.handle(get("/common/userrealm/\(WellKnown.userPrincipalName.uppercased())?api-version=1.0"))
        #expect(known.status == 200)
        #expect(jsonObject(known)["account_type"] as? String == "Managed")
        #expect(jsonObject(known)["domain_name"] as? String == WellKnown.tenantDomain)
        let unknown = await service.handle(get("/common/userrealm/someone@contoso.com?api-version=1.0"))
        #expect(jsonObject(unknown)["account_type"] as? String == "Unknown")
        #expect(await service.handle(formPost("/common/userrealm/x@y.z", [])).status == 405)
    }

    @Test func percentEncodedPathsAreUnderstood() async {
        let response = await makeService().handle(formPost("/organizations/oauth2/v2.0%2Ftoken", clientCredentialsForm()))
        // `%2F` decodes inside one segment, which is not a route: only real segments count.
        #expect(response.status == 404)
        let ok = await makeService().handle(formPost("/%6Frganizations/oauth2/v2.0/token", clientCredentialsForm()))
        #expect(ok.status == 200)
    }

    @Test func issueTokenMintsForAnyPrincipal() throws {
        let directory = Directory()
        let service = makeService(directory: directory)
        let user = try #require(directory.user(objectId: WellKnown.userObjectId))
        let token = try #require(claims(service.issueToken(for: .user(user), audience: "https://localhost:8443/")))
        #expect(token.idtyp == "user" && token.upn == user.userPrincipalName && token.aud == "https://localhost:8443/")
        let caller = try service.validator.validate(bearer: service.issueToken(for: .user(user), audience: "a"))
        #expect(caller.principalType == .user)
    }

    @Test func operatorTokenHonoursItsLifetime() throws {
        let clock = TestClock()
        let service = makeService(clock: clock)
        let issued = service.issueOperatorToken(audience: "https://localhost:8443/", lifetime: 600)
        #expect(issued.expiresOn == clock.now.addingTimeInterval(600))
        #expect(try service.validator.validate(bearer: issued.token).objectId == WellKnown.operatorObjectId)
        let expired = service.issueOperatorToken(audience: "x", lifetime: -3600)
        #expect(throws: JWTError.self) { try service.validator.validate(bearer: expired.token) }
    }
}
