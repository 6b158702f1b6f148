import Foundation
import Testing

@testable import Identity

@Suite struct ManagedIdentityEndpointTests {
    private let header = ("X-IDENTITY-HEADER", WellKnown.identityHeader)

    @Test func appServiceProtocolGivesTheDefaultIdentity() async throws {
        // Given az login --identity against IDENTITY_ENDPOINT
        let clock = TestClock()
        let service = makeService(clock: clock)
        // When it asks for a token with the header
        let response = await service.handle(
            get(
                "/msi/token?api-version=2019-08-01&resource=https://localhost:8443/", headers: [header, ("Metadata", "true")]))
        // Then the default host identity answers, expires_on as an epoch string
        #expect(response.status == 200)
        let body = jsonObject(response)
        #expect(body["token_type"] as? String == "Bearer")
        #expect(body["resource"] as? String == "https://localhost:8443/")
        #expect(body["client_id"] as? String == WellKnown.managedIdentityClientId)
        #expect(body["expires_on"] as? String == String(Int(clock.now.timeIntervalSince1970) + 3600))
        let token = try #require(claims(body["access_token"] as? String))
        #expect(token.tid == WellKnown.tenantId)
        #expect(token.oid == WellKnown.managedIdentityObjectId)
        #expect(token.appid == WellKnown.managedIdentityClientId)
        #expect(token.idtyp == "app")
        #expect(token.aud == "https://localhost:8443/")
        #expect(token.xmsMirid == WellKnown.managedIdentityResourceId)
    }

    @Test func missingHeaderIsBadRequestAndWrongHeaderUnauthorized() async {
        let service = makeService()
        let missing = await service.handle(get("/msi/token?api-version=2019-08-01&resource=https://localhost:8443/"))
        let wrong = await service.handle(
            get(
                "/msi/token?api-version=2019-08-01&resource=https://localhost:8443/", headers: [("X-IDENTITY-HEADER", "guess")]))
        #expect(missing.status == 400)
        #expect(wrong.status == 401)
        #expect(jsonObject(wrong)["access_token"] == nil)
    }

    @Test func customHeaderValueIsHonoured() async {
        let service = IdentityService(directory: Directory(), signingKey: .wellKnown, identityHeader: "s3cret")
        let ok = await service.handle(get("/msi/token?api-version=2019-08-01&resource=r", headers: [("X-IDENTITY-HEADER", "s3cret")]))
        let old = await service.handle(get("/msi/token?api-version=2019-08-01&resource=r", headers: [header]))
        #expect(ok.status == 200)
        #expect(old.status == 401)
    }

    @Test func identitySelection() async throws {
        // Given a workspace identity
        let directory = Directory()
        let identity = directory.createManagedIdentity(displayName: "ws", resourceId: "/subscriptions/s/resourceGroups/rg/providers/x/ws")
        let service = makeService(directory: directory)
        // When it is named by client id, object id, principal id or resource id
        for selector in [
            "client_id=\(identity.clientId)", "object_id=\(identity.objectId)", "principal_id=\(identity.objectId)",
            "mi_res_id=\(identity.resourceId!.uppercased())",
        ] {
            let body = jsonObject(await service.handle(get("/msi/token?api-version=2019-08-01&resource=r&\(selector)", headers: [header])))
            // Then that identity gets the token
            #expect(body["client_id"] as? String == identity.clientId, "\(selector)")
        }
        // And an unknown one is a 400
        let unknown = await service.handle(get("/msi/token?api-version=2019-08-01&resource=r&client_id=nope", headers: [header]))
        #expect(unknown.status == 400)
    }

    @Test func resourceIsRequired() async {
        let response = await makeService().handle(get("/msi/token?api-version=2019-08-01", headers: [header]))
        #expect(response.status == 400)
    }

    @Test func imdsNeedsTheMetadataHeader() async throws {
        let service = makeService()
        let missing = await service.handle(
            get("/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/"))
        #expect(missing.status == 400)
        #expect(jsonObject(missing)["error_description"] as? String == "Required metadata header not specified")
        let ok = await service.handle(
            get(
                "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/",
                headers: [("Metadata", "true")]))
        #expect(ok.status == 200)
        let body = jsonObject(ok)
        #expect(body["expires_in"] as? String == "3599")
        #expect(claims(body["access_token"] as? String)?.aud == "https://management.azure.com/")
        let unknown = await service.handle(
            get(
                "/metadata/identity/oauth2/token?api-version=2018-02-01&resource=r&object_id=nope", headers: [("Metadata", "true")]))
        #expect(jsonObject(unknown)["error_description"] as? String == "Identity not found")
    }
}
