import Testing

@testable import Identity

@Suite struct TokenServicePasswordTests {
    private func passwordForm(
        username: String = WellKnown.userPrincipalName, password: String = WellKnown.userPassword
    ) -> [(String, String)] {
        [
            ("client_id", WellKnown.azureCLIClientId), ("grant_type", "password"), ("username", username), ("password", password),
            ("scope", "https://management.azure.com/.default offline_access openid profile"), ("client_info", "1"),
        ]
    }

    @Test func defaultUserSignsIn() async throws {
        // Given the well-known user
        let service = makeService()
        // When az signs in with a password
        let response = await service.handle(formPost("/organizations/oauth2/v2.0/token", passwordForm()))
        // Then access, refresh and id tokens and client_info come back
        #expect(response.status == 200)
        let body = jsonObject(response)
        let access = try #require(claims(body["access_token"] as? String))
        #expect(access.idtyp == "user")
        #expect(access.oid == WellKnown.userObjectId)
        #expect(access.upn == WellKnown.userPrincipalName)
        #expect(access.uniqueName == WellKnown.userPrincipalName)
        #expect(access.name == WellKnown.userDisplayName)
        #expect(access.scp == "user_impersonation")
        #expect(access.appid == WellKnown.azureCLIClientId)
        #expect(access.appidacr == "0")
        #expect(access.aud == "https://management.azure.com")
        #expect(body["refresh_token"] is String)
        let id = try #require(claims(body["id_token"] as? String))
        #expect(id.aud == WellKnown.azureCLIClientId)
        #expect(id.iss == "https://localhost:8443/\(WellKnown.tenantId)/v2.0")
        #expect(id.preferredUsername == WellKnown.userPrincipalName)
        #expect(id.ver == "2.0")
        #expect(id.tid == WellKnown.tenantId)
        let clientInfo = String(decoding: Base64URL.decode(body["client_info"] as? String ?? "") ?? [], as: UTF8.self)
        #expect(clientInfo == #"{"uid":"\#(WellKnown.userObjectId)","utid":"\#(WellKnown.tenantId)"}"#)
    }

    @Test func wrongPasswordIsInvalidGrant() async {
        let response = await makeService().handle(formPost("/organizations/oauth2/v2.0/token", passwordForm(password: "nope")))
        #expect(response.status == 400)
        #expect(jsonObject(response)["error"] as? String == "invalid_grant")
        #expect(jsonObject(response)["error_codes"] as? [Int] == [50126])
    }

    @Test func unknownUserIsNotInTheDirectory() async {
        let response = await makeService().handle(
            formPost(
                "/organizations/oauth2/v2.0/token", passwordForm(username: "ghost@foundryemulator.onmicrosoft.com")))
        #expect(jsonObject(response)["error_codes"] as? [Int] == [50034])
    }

    @Test func userOfAnotherTenantIsRefusedThere() async throws {
        let service = makeService(directory: try Directory(seedPath: Fixture.seedExamplePath))
        let response = await service.handle(
            formPost(
                "/\(WellKnown.tenantId)/oauth2/v2.0/token",
                passwordForm(username: "alice@contoso.onmicrosoft.com", password: "Alice-Password-1")))
        #expect(jsonObject(response)["error_codes"] as? [Int] == [50034])
    }

    @Test func publicClientMustNotSendASecret() async {
        var form = passwordForm()
        form.append(("client_secret", "x"))
        let response = await makeService().handle(formPost("/organizations/oauth2/v2.0/token", form))
        #expect(response.status == 401)
        #expect(jsonObject(response)["error_codes"] as? [Int] == [700025])
    }

    @Test func withoutOpenIDScopesOnlyTheAccessTokenComes() async {
        var form = passwordForm()
        form.removeAll { $0.0 == "scope" }
        form.append(("scope", "https://management.azure.com/.default"))
        let body = jsonObject(await makeService().handle(formPost("/organizations/oauth2/v2.0/token", form)))
        #expect(body["access_token"] is String)
        #expect(body["refresh_token"] == nil)
        #expect(body["id_token"] == nil)
    }
}
