import EmulatorHTTP
import Testing

@testable import Identity

@Suite struct TokenServiceDeviceCodeTests {
    private let scope = "https://management.core.windows.net//.default offline_access openid profile"

    private func requestCode(
        _ service: IdentityService, tenant: String = "organizations", extra: [(String, String)] = []
    ) async -> [String: Any] {
        jsonObject(
            await service.handle(
                formPost(
                    "/\(tenant)/oauth2/v2.0/devicecode", [("client_id", WellKnown.azureCLIClientId), ("scope", scope)] + extra)))
    }

    private func poll(_ service: IdentityService, _ deviceCode: String, tenant: String = "organizations") async -> HTTPResponseBox {
        // az's poll: no scope (docs/azure-behaviours.md "What the Azure CLI needs")
        HTTPResponseBox(
            await service.handle(
                formPost(
                    "/\(tenant)/oauth2/v2.0/token",
                    [
                        ("client_id", WellKnown.azureCLIClientId), ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
                        ("device_code", deviceCode), ("client_info", "1"),
                    ])))
    }

    @Test func azDeviceCodeLoginEndToEnd() async throws {
        // Given az starting a device-code login
        let service = makeService()
        let code = await requestCode(service)
        #expect(code["expires_in"] as? Int == 900)
        #expect(code["interval"] as? Int == 1)
        #expect((code["user_code"] as? String)?.count == 9)
        #expect((code["verification_uri"] as? String)?.hasPrefix("https://localhost:8443/") == true)
        #expect((code["message"] as? String)?.contains(code["user_code"] as? String ?? "?") == true)
        let deviceCode = try #require(code["device_code"] as? String)

        // When it polls once, without a scope
        let first = await poll(service, deviceCode)
        // Then the code was already approved for the default user
        #expect(first.status == 200)
        let access = try #require(claims(first.body["access_token"] as? String))
        #expect(access.aud == "https://management.core.windows.net/")
        #expect(access.upn == WellKnown.userPrincipalName)
        #expect(claims(first.body["id_token"] as? String)?.preferredUsername == WellKnown.userPrincipalName)
        #expect(first.body["client_info"] is String)
        let refreshToken = try #require(first.body["refresh_token"] as? String)

        // And the refresh token then gets a token for the tenant az found under /tenants
        let refreshed = await service.handle(
            formPost(
                "/\(WellKnown.tenantId)/oauth2/v2.0/token",
                [
                    ("client_id", WellKnown.azureCLIClientId), ("grant_type", "refresh_token"), ("refresh_token", refreshToken),
                    ("scope", scope), ("client_info", "1"),
                ]))
        #expect(refreshed.status == 200)
        #expect(claims(jsonObject(refreshed)["access_token"] as? String)?.oid == WellKnown.userObjectId)

        // And the device code cannot be exchanged twice (RFC 8628 section 3.4)
        let second = await poll(service, deviceCode)
        #expect(second.body["error_codes"] as? [Int] == [70000])
    }

    @Test func expiredDeviceCode() async throws {
        let clock = TestClock()
        let service = makeService(clock: clock)
        let deviceCode = try #require(await requestCode(service)["device_code"] as? String)
        clock.advance(by: 901)
        let response = await poll(service, deviceCode)
        #expect(response.status == 400)
        #expect(response.body["error"] as? String == "expired_token")
        #expect(response.body["error_codes"] as? [Int] == [70019])
    }

    @Test func loginHintChoosesASeededUser() async throws {
        let service = makeService(directory: try Directory(seedPath: Fixture.seedExamplePath))
        let code = await requestCode(service, extra: [("login_hint", "alice@contoso.onmicrosoft.com")])
        let response = await poll(service, try #require(code["device_code"] as? String))
        let access = try #require(claims(response.body["access_token"] as? String))
        #expect(access.upn == "alice@contoso.onmicrosoft.com")
        #expect(access.tid == "72f988bf-0000-4000-8000-000000000001")
    }

    @Test func unknownLoginHintIsRefused() async {
        let code = await requestCode(makeService(), extra: [("login_hint", "ghost@foundryemulator.onmicrosoft.com")])
        #expect(code["error_codes"] as? [Int] == [50034])
    }

    @Test func garbageDeviceCodeIsInvalidGrant() async {
        let response = await poll(makeService(), "not-a-code")
        #expect(response.body["error"] as? String == "invalid_grant")
    }

    @Test func anotherClientCannotRedeemTheCode() async throws {
        let service = makeService()
        let deviceCode = try #require(await requestCode(service)["device_code"] as? String)
        let response = await service.handle(
            formPost(
                "/organizations/oauth2/v2.0/token",
                [
                    ("client_id", WellKnown.azurePowerShellClientId), ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
                    ("device_code", deviceCode),
                ]))
        #expect(jsonObject(response)["error_codes"] as? [Int] == [70000])
    }

    @Test func deviceCodeRequestNeedsAScope() async {
        let response = await makeService().handle(
            formPost("/organizations/oauth2/v2.0/devicecode", [("client_id", WellKnown.azureCLIClientId)]))
        #expect(jsonObject(response)["error_codes"] as? [Int] == [900144])
    }
}

/// A response with its JSON body decoded once.
struct HTTPResponseBox {
    var status: Int
    var body: [String: Any]

    init(_ response: HTTPResponse) {
        status = response.status
        body = jsonObject(response)
    }
}
