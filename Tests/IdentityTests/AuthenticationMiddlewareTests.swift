import ARMCore
import EmulatorHTTP
import Foundation
import JSON
import Testing

@testable import Identity

/// The next step of the pipeline: records the caller it was given.
private struct CallerEcho: ARMResponder {
    func respond(to request: ARMRequest) async throws -> ARMResponse {
        guard let caller = request.caller else { return ARMResponse(status: 500) }
        return .ok(
            .object(
                JSONObject([
                    ("objectId", .string(caller.objectId)), ("type", .string(caller.principalType.rawValue)),
                    ("upn", caller.userPrincipalName.map { .string($0) } ?? .null),
                ])))
    }
}

@Suite struct AuthenticationMiddlewareTests {
    let clock = TestClock()

    private func run(
        _ authorization: String?, path: String = "/subscriptions/\(WellKnown.subscriptionId)/resourcegroups",
        service: IdentityService? = nil
    ) async -> Result<ARMResponse, ARMError> {
        let service = service ?? makeService(clock: clock)
        var headers: [(String, String)] = [("Host", "localhost:8443")]
        if let authorization { headers.append(("Authorization", authorization)) }
        let request = ARMRequest(
            http: HTTPRequest(method: "GET", target: path + "?api-version=2022-12-01", headers: HTTPHeaders(headers), isTLS: true))
        do {
            return .success(try await AuthenticationMiddleware(validator: service.validator).respond(to: request, next: CallerEcho()))
        } catch let error as ARMError {
            return .failure(error)
        } catch {
            return .failure(ARMError.internalServerError("\(error)"))
        }
    }

    private func failure(_ result: Result<ARMResponse, ARMError>) -> ARMError? {
        if case .failure(let error) = result { return error }
        return nil
    }

    @Test func missingHeaderIsAuthenticationFailed() async throws {
        let error = try #require(failure(await run(nil)))
        #expect(error.status == 401)
        #expect(error.code == "AuthenticationFailed")
        let challenge = try #require(error.headers["WWW-Authenticate"])
        #expect(challenge.hasPrefix("Bearer authorization_uri=\"https://localhost:8443/\(WellKnown.tenantId)\""))
        #expect(challenge.contains("error=\"invalid_token\""))
    }

    @Test func nonBearerHeaderIsInvalidHeader() async throws {
        for header in ["Basic abc", "Bearer", "Bearer a b", "token"] {
            #expect(failure(await run(header))?.code == "AuthenticationFailedInvalidHeader", "\(header)")
        }
    }

    @Test func badTokensAreInvalidAuthenticationToken() async throws {
        let service = makeService(clock: clock)
        let good = service.issueOperatorToken(audience: "a").token
        var parts = good.split(separator: ".").map(String.init)
        parts[2] = String(parts[2].reversed())
        let foreign = IdentityService(directory: Directory(), signingKey: otherSigningKey, now: clock.closure)
            .issueOperatorToken(audience: "a").token
        for token in ["garbage", parts.joined(separator: "."), foreign] {
            let error = try #require(failure(await run("Bearer \(token)", service: service)))
            #expect(error.status == 401)
            #expect(error.code == "InvalidAuthenticationToken")
            #expect(error.headers["WWW-Authenticate"]?.contains("authorization_uri=") == true)
        }
    }

    @Test func expiredTokenNamesBothTimes() async throws {
        let service = makeService(clock: clock)
        let token = service.issueOperatorToken(audience: "a").token
        clock.advance(by: 2 * 3600)
        let error = try #require(failure(await run("Bearer \(token)", service: service)))
        #expect(error.code == "ExpiredAuthenticationToken")
        // Issued 2025-06-15 15:06:40 UTC (the test clock's start), expired an hour later, checked two hours later.
        #expect(
            error.message
                == "The access token expiry UTC time '6/15/2025 4:06:40 PM' is earlier than current UTC time '6/15/2025 5:06:40 PM'.")
    }

    @Test func unknownTenantIsInvalid() async throws {
        // Given a token of a tenant the checking emulator does not know
        let seeded = try Directory(seedPath: Fixture.seedExamplePath)
        let issuer = makeService(clock: clock, directory: seeded)
        let principal = try #require(seeded.servicePrincipal(appId: "72f988bf-0000-4000-8000-0000000000a1"))
        let token = issuer.issueToken(for: .servicePrincipal(principal), audience: "a")
        // Then the plain emulator refuses it
        #expect(failure(await run("Bearer \(token)", path: "/tenants"))?.code == "InvalidAuthenticationToken")
    }

    @Test func tokenOfAnotherTenantThanTheSubscriptionsIsRefused() async throws {
        let seeded = try Directory(seedPath: Fixture.seedExamplePath)
        let service = makeService(clock: clock, directory: seeded)
        let principal = try #require(seeded.servicePrincipal(appId: "72f988bf-0000-4000-8000-0000000000a1"))
        let token = service.issueToken(for: .servicePrincipal(principal), audience: "a")
        let error = try #require(failure(await run("Bearer \(token)", service: service)))
        #expect(error.code == "InvalidAuthenticationTokenTenant")
        #expect(error.headers["WWW-Authenticate"]?.contains("https://localhost:8443/\(WellKnown.tenantId)") == true)
        // While its own subscription lets it through
        let own = await run("Bearer \(token)", path: "/subscriptions/72f988bf-0000-4000-8000-000000000002/resourcegroups", service: service)
        #expect(failure(own) == nil)
    }

    @Test func callerIsSetForEachPrincipalKind() async throws {
        let directory = Directory()
        let service = makeService(clock: clock, directory: directory)
        let cases: [(Principal, String, String?)] = [
            (.servicePrincipal(directory.servicePrincipal(objectId: WellKnown.operatorObjectId)!), "ServicePrincipal", nil),
            (.user(directory.user(objectId: WellKnown.userObjectId)!), "User", WellKnown.userPrincipalName),
            (.managedIdentity(directory.managedIdentity(objectId: WellKnown.managedIdentityObjectId)!), "ManagedIdentity", nil),
        ]
        for (principal, type, upn) in cases {
            let token = service.issueToken(for: principal, audience: "https://management.azure.com")
            guard case .success(let response) = await run("bearer \(token)", service: service), case .object(let body)? = response.body
            else {
                Issue.record("no response for \(type)")
                continue
            }
            #expect(body["objectId"] == .string(principal.objectId))
            #expect(body["type"] == .string(type))
            #expect(body["upn"] == (upn.map { .string($0) } ?? .null))
        }
    }

    /// The scheme is case-insensitive and blanks around and between the parts are tolerated
    /// (RFC 9110 section 11.4 allows 1*SP; clients are seen sending tabs and trailing blanks).
    @Test func bearerSchemeIsCaseInsensitiveAndToleratesBlanks() async throws {
        let directory = Directory()
        let service = makeService(clock: clock, directory: directory)
        let operatorPrincipal = Principal.servicePrincipal(directory.servicePrincipal(objectId: WellKnown.operatorObjectId)!)
        let token = service.issueToken(for: operatorPrincipal, audience: "https://management.azure.com")
        for header in ["BEARER \(token)", "  Bearer\t\(token)  ", "Bearer   \(token)"] {
            guard case .success = await run(header, service: service) else {
                Issue.record("refused \(header.prefix(12))")
                continue
            }
        }
        // A blank anywhere inside the (long) token makes two credentials, not one
        let middle = token.utf8.count / 2
        let split = [
            "Bearer \(token.prefix(middle)) \(token.dropFirst(middle))", "Bearer \(token.prefix(middle))\t\(token.dropFirst(middle))",
        ]
        for header in ["Bearer\(token)", "Bearerx \(token)", "Bearer \(token) extra", "Bearer \(token.dropLast())\tx"] + split {
            #expect(failure(await run(header, service: service))?.code == "AuthenticationFailedInvalidHeader")
        }
    }

    /// Requests the emulator sends itself (`InternalRequests`) carry their caller instead of a token;
    /// the same request from a client, without `isInternal`, is still refused.
    @Test func internalRequestsPassWithTheirCaller() async throws {
        let caller = Caller(objectId: WellKnown.operatorObjectId, tenantId: WellKnown.tenantId, principalType: .servicePrincipal)
        var request = ARMRequest(
            http: HTTPRequest(method: "GET", target: "/subscriptions/\(WellKnown.subscriptionId)/resourcegroups?api-version=2022-12-01"))
        request.caller = caller
        let middleware = AuthenticationMiddleware(validator: makeService(clock: clock).validator)
        await #expect(throws: ARMError.self) { try await middleware.respond(to: request, next: CallerEcho()) }
        request.isInternal = true
        let response = try await middleware.respond(to: request, next: CallerEcho())
        #expect(response.body?["objectId"] == .string(WellKnown.operatorObjectId))
    }
}
