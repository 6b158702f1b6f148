import Foundation
import Testing

@testable import Identity

@Suite struct OIDCDocumentsTests {
    @Test func v2DocumentPointsAtTheRequestsHost() async {
        // Given a request on some host and port
        let service = makeService()
        // When MSAL fetches the v2 discovery document
        let response = await service.handle(get("/\(WellKnown.tenantId)/v2.0/.well-known/openid-configuration", host: "127.0.0.1:18443"))
        // Then every endpoint is on that host, under the tenant
        #expect(response.status == 200)
        let document = jsonObject(response)
        let root = "https://127.0.0.1:18443/\(WellKnown.tenantId)"
        #expect(document["token_endpoint"] as? String == "\(root)/oauth2/v2.0/token")
        #expect(document["authorization_endpoint"] as? String == "\(root)/oauth2/v2.0/authorize")
        #expect(document["device_authorization_endpoint"] as? String == "\(root)/oauth2/v2.0/devicecode")
        #expect(document["jwks_uri"] as? String == "\(root)/discovery/v2.0/keys")
        #expect(document["end_session_endpoint"] as? String == "\(root)/oauth2/v2.0/logout")
        #expect(document["issuer"] as? String == "\(root)/v2.0")
        #expect(document["id_token_signing_alg_values_supported"] as? [String] == ["RS256"])
        #expect(document["tenant_region_scope"] as? String == "NA")
        #expect(document["response_types_supported"] is [String])
        #expect(document["subject_types_supported"] is [String])
        #expect(document["scopes_supported"] is [String])
    }

    @Test func domainIsAnsweredWithTheTenantId() async {
        let document = jsonObject(await makeService().handle(get("/\(WellKnown.tenantDomain)/v2.0/.well-known/openid-configuration")))
        #expect(document["token_endpoint"] as? String == "https://localhost:8443/\(WellKnown.tenantId)/oauth2/v2.0/token")
    }

    @Test func organizationsKeepsItsName() async {
        let document = jsonObject(await makeService().handle(get("/organizations/v2.0/.well-known/openid-configuration")))
        #expect(document["token_endpoint"] as? String == "https://localhost:8443/organizations/oauth2/v2.0/token")
        #expect(document["issuer"] as? String == "https://localhost:8443/{tenantid}/v2.0")
    }

    @Test func v1DocumentHasTheV1Issuer() async {
        let document = jsonObject(await makeService().handle(get("/\(WellKnown.tenantId)/.well-known/openid-configuration")))
        #expect(document["issuer"] as? String == "https://sts.windows.net/\(WellKnown.tenantId)/")
        #expect(document["token_endpoint"] as? String == "https://localhost:8443/\(WellKnown.tenantId)/oauth2/token")
    }

    @Test func unknownTenantIsInvalidTenant() async {
        let response = await makeService().handle(get("/contoso.example/v2.0/.well-known/openid-configuration"))
        #expect(response.status == 400)
        #expect(jsonObject(response)["error"] as? String == "invalid_tenant")
        #expect(jsonObject(response)["error_codes"] as? [Int] == [90002])
    }

    @Test func jwksVerifiesAnIssuedToken() async throws {
        // Given a token from the token endpoint and the published key set
        let service = makeService()
        let token = try #require(
            jsonObject(
                await service.handle(
                    formPost(
                        "/\(WellKnown.tenantId)/oauth2/v2.0/token", clientCredentialsForm())))["access_token"] as? String)
        for path in ["/\(WellKnown.tenantId)/discovery/v2.0/keys", "/common/discovery/keys"] {
            let keys = try #require(jsonObject(await service.handle(get(path)))["keys"] as? [[String: String]])
            // When the token's kid is looked up there
            let header = try JWT.decodeUnverified(token).header
            let jwk = try #require(keys.first { $0["kid"] == header.kid })
            // Then the key is the one that verifies it
            #expect(jwk["kty"] == "RSA" && jwk["alg"] == "RS256" && jwk["use"] == "sig" && jwk["x5t"] == header.kid)
            #expect(jwk["n"] == SigningKey.wellKnown.modulus && jwk["e"] == SigningKey.wellKnown.exponent)
            _ = try JWT.verify(token, keys: [.wellKnown], isKnownTenant: { _ in true }, now: Date(timeIntervalSince1970: 1_750_000_000))
        }
    }

    @Test func instanceDiscoveryNamesThisHost() async {
        let response = await makeService().handle(
            get(
                "/common/discovery/instance?api-version=1.1&authorization_endpoint=https://localhost:8443/\(WellKnown.tenantId)/oauth2/v2.0/authorize"
            ))
        let body = jsonObject(response)
        #expect(
            body["tenant_discovery_endpoint"] as? String
                == "https://localhost:8443/\(WellKnown.tenantId)/v2.0/.well-known/openid-configuration")
        #expect(((body["metadata"] as? [[String: Any]])?.first?["aliases"] as? [String]) == ["localhost:8443"])
    }
}
