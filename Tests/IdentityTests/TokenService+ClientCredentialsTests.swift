import Foundation
import Testing

@testable import Identity

@Suite struct TokenServiceClientCredentialsTests {
    @Test func operatorGetsAnAppToken() async throws {
        // Given the well-known world
        let clock = TestClock()
        let service = makeService(clock: clock)
        // When the operator asks for an ARM token as azure-identity does
        let response = await service.handle(formPost("/\(WellKnown.tenantId)/oauth2/v2.0/token", clientCredentialsForm()))
        // Then it gets a Bearer token with Entra's fields
        #expect(response.status == 200)
        #expect(response.headers["Cache-Control"] == "no-store, no-cache")
        let body = jsonObject(response)
        #expect(body["token_type"] as? String == "Bearer")
        #expect(body["expires_in"] as? Int == 3599)
        #expect(body["ext_expires_in"] as? Int == 3599)
        #expect(body["scope"] as? String == "https://management.azure.com/.default")
        #expect(body["refresh_token"] == nil)
        #expect(body["id_token"] == nil)
        // And the access token carries the app claims of docs/azure-behaviours.md "Access-token claims"
        let token = try #require(claims(body["access_token"] as? String))
        let issuedAt = Int(clock.now.timeIntervalSince1970)
        #expect(token.aud == "https://management.azure.com")
        #expect(token.iss == "https://sts.windows.net/\(WellKnown.tenantId)/")
        #expect(token.tid == WellKnown.tenantId)
        #expect(token.oid == WellKnown.operatorObjectId)
        #expect(token.sub == WellKnown.operatorObjectId)
        #expect(token.appid == WellKnown.operatorClientId)
        #expect(token.azp == WellKnown.operatorClientId)
        #expect(token.appidacr == "1")
        #expect(token.idtyp == "app")
        #expect(token.ver == "1.0")
        #expect(token.uti?.isEmpty == false)
        #expect(token.iat == issuedAt && token.nbf == issuedAt && token.exp == issuedAt + 3600)
        #expect(token.upn == nil && token.scp == nil)
    }

    @Test func azDoubleSlashScopeAndClaimsAreAccepted() async throws {
        // Given az's service-principal login body (docs/azure-behaviours.md "What the Azure CLI needs")
        let service = makeService()
        var form = clientCredentialsForm(scope: "https://localhost:8443//.default")
        form.append(("claims", #"{"access_token":{"xms_cc":{"values":["CP1"]}}}"#))
        // When posted
        let response = await service.handle(formPost("/\(WellKnown.tenantId)/oauth2/v2.0/token", form))
        // Then the audience keeps its trailing slash
        #expect(response.status == 200)
        #expect(claims(jsonObject(response)["access_token"] as? String)?.aud == "https://localhost:8443/")
    }

    @Test func wrongSecretIsInvalidClient() async {
        let service = makeService()
        let response = await service.handle(
            formPost(
                "/\(WellKnown.tenantId)/oauth2/v2.0/token", clientCredentialsForm(secret: "wrong"),
                headers: [("client-request-id", "req-1")]))
        #expect(response.status == 401)
        let body = jsonObject(response)
        #expect(body["error"] as? String == "invalid_client")
        #expect(body["error_codes"] as? [Int] == [7_000_215])
        #expect((body["error_description"] as? String)?.hasPrefix("AADSTS7000215: Invalid client secret provided.") == true)
        #expect((body["error_description"] as? String)?.contains("app '\(WellKnown.operatorClientId)'") == true)
        #expect(body["correlation_id"] as? String == "req-1")
        #expect(response.headers["client-request-id"] == "req-1")
    }

    @Test func missingSecretIsInvalidClient() async {
        let service = makeService()
        let form = clientCredentialsForm().filter { $0.0 != "client_secret" }
        let response = await service.handle(formPost("/\(WellKnown.tenantId)/oauth2/v2.0/token", form))
        #expect(response.status == 401)
        #expect(jsonObject(response)["error_codes"] as? [Int] == [7_000_218])
    }

    @Test func unknownClientIsUnauthorized() async {
        let service = makeService()
        let response = await service.handle(
            formPost(
                "/\(WellKnown.tenantId)/oauth2/v2.0/token", clientCredentialsForm(clientID: "11111111-1111-4111-8111-111111111111")))
        #expect(response.status == 400)
        let body = jsonObject(response)
        #expect(body["error"] as? String == "unauthorized_client")
        #expect(body["error_codes"] as? [Int] == [700016])
        #expect((body["error_description"] as? String)?.contains("directory 'Foundry Emulator'") == true)
    }

    @Test func unknownTenantIsNotFound() async {
        let service = makeService()
        let response = await service.handle(formPost("/11111111-1111-4111-8111-111111111111/oauth2/v2.0/token", clientCredentialsForm()))
        #expect(response.status == 400)
        #expect(jsonObject(response)["error_codes"] as? [Int] == [90002])
    }

    @Test func tenantByDomainAndOrganizationsWork() async {
        let service = makeService()
        for tenant in [WellKnown.tenantDomain, "organizations", WellKnown.tenantId.uppercased()] {
            let response = await service.handle(formPost("/\(tenant)/oauth2/v2.0/token", clientCredentialsForm()))
            #expect(response.status == 200, "\(tenant)")
            #expect(claims(jsonObject(response)["access_token"] as? String)?.tid == WellKnown.tenantId)
        }
    }

    @Test func commonIsRefusedForAppTokens() async {
        let response = await makeService().handle(formPost("/common/oauth2/v2.0/token", clientCredentialsForm()))
        #expect(jsonObject(response)["error_codes"] as? [Int] == [9_001_023])
    }

    @Test func principalOfAnotherTenantIsNotFoundHere() async throws {
        // Given a principal in a second tenant
        let directory = try Directory(seedPath: Fixture.seedExamplePath)
        let service = makeService(directory: directory)
        // When it asks the well-known tenant
        let form = clientCredentialsForm(clientID: "72f988bf-0000-4000-8000-0000000000a1", secret: "ci-pipeline-secret")
        let wrongTenant = await service.handle(formPost("/\(WellKnown.tenantId)/oauth2/v2.0/token", form))
        let ownTenant = await service.handle(formPost("/contoso.onmicrosoft.com/oauth2/v2.0/token", form))
        // Then only its own tenant answers
        #expect(jsonObject(wrongTenant)["error_codes"] as? [Int] == [700016])
        #expect(claims(jsonObject(ownTenant)["access_token"] as? String)?.tid == "72f988bf-0000-4000-8000-000000000001")
    }

    @Test func scopeMustBeDotDefault() async {
        let service = makeService()
        let bad = await service.handle(
            formPost(
                "/\(WellKnown.tenantId)/oauth2/v2.0/token", clientCredentialsForm(scope: "https://management.azure.com/user_impersonation"))
        )
        #expect(jsonObject(bad)["error_codes"] as? [Int] == [1_002_012])
        let missing = await service.handle(
            formPost(
                "/\(WellKnown.tenantId)/oauth2/v2.0/token", clientCredentialsForm().filter { $0.0 != "scope" }))
        #expect(jsonObject(missing)["error_codes"] as? [Int] == [900144])
        #expect((jsonObject(missing)["error_description"] as? String)?.contains("'scope'") == true)
    }

    @Test func basicAuthenticationCarriesTheCredentials() async {
        let service = makeService()
        let credentials = Data("\(WellKnown.operatorClientId):\(WellKnown.operatorClientSecret)".utf8).base64EncodedString()
        let form = [("grant_type", "client_credentials"), ("scope", "https://management.azure.com/.default")]
        let response = await service.handle(
            formPost(
                "/\(WellKnown.tenantId)/oauth2/v2.0/token", form, headers: [("Authorization", "Basic \(credentials)")]))
        #expect(response.status == 200)
    }

    @Test func v1EndpointTakesAResource() async throws {
        let service = makeService()
        let form = [
            ("grant_type", "client_credentials"), ("client_id", WellKnown.operatorClientId),
            ("client_secret", WellKnown.operatorClientSecret), ("resource", "https://management.core.windows.net/"),
        ]
        let response = await service.handle(formPost("/\(WellKnown.tenantId)/oauth2/token", form))
        #expect(response.status == 200)
        let body = jsonObject(response)
        #expect(body["expires_in"] as? String == "3599")
        #expect(body["resource"] as? String == "https://management.core.windows.net/")
        #expect(Int(body["expires_on"] as? String ?? "") != nil)
        #expect(claims(body["access_token"] as? String)?.aud == "https://management.core.windows.net/")
    }
}
