import ARMTestSupport
import Foundation
import Identity
import Testing

@testable import Emulator

/// The whole emulator on real sockets (docs/architecture.md "A request's way": a live suite that starts the real server
/// on port 0 with TLS and uses URLSession; see `LiveEmulator` for why URLSession uses the listener's
/// plain-HTTP side on Linux). Each test starts its own emulator.
@Suite struct LiveServerTests {
    let subscription = "/subscriptions/\(WellKnown.subscriptionId)"

    @Test func servesTLSThatAStrictClientVerifies() async throws {
        let live = try LiveEmulator()
        // A strict client trusting only the emulator's certificate accepts it for 127.0.0.1 and localhost
        #expect(try live.verifiedTLSGet("/_emulator/health").status == 200)
        let metadata = try live.verifiedTLSGet("/metadata/endpoints?api-version=2022-09-01", host: "localhost")
        #expect(metadata.status == 200)
        #expect(metadata.body.contains("\"resourceManager\":\"https://localhost:"))
        // And the PEM served at /_emulator/cert is that certificate
        let served = try await live.client.send("GET", "/_emulator/cert")
        #expect(served.status == 200)
        let file = try String(contentsOfFile: live.emulator.world.certificatePath, encoding: .utf8)
        #expect(String(decoding: served.body, as: UTF8.self) == file)
    }

    @Test func healthAndInfoAnswer() async throws {
        let live = try LiveEmulator()
        let health = try await live.client.send("GET", "/_emulator/health")
        #expect(health.status == 200)
        let info = try #require(try await live.client.send("GET", "/_emulator/info").jsonObject)
        #expect(info["tenantId"] as? String == WellKnown.tenantId)
        #expect(info["subscriptionId"] as? String == WellKnown.subscriptionId)
        #expect(info["resourceManagerUrl"] as? String == live.baseURL + "/")
    }

    @Test func clientCredentialsTokenManagesAResourceGroup() async throws {
        let live = try LiveEmulator()
        // Given a token from the token endpoint with the operator's well-known secret
        let form =
            "grant_type=client_credentials&client_id=\(WellKnown.operatorClientId)"
            + "&client_secret=\(WellKnown.operatorClientSecret)&scope=https%3A%2F%2Fmanagement.azure.com%2F.default"
        let issued = try await live.client.send(
            "POST", "/\(WellKnown.tenantId)/oauth2/v2.0/token", body: form, headers: [("Content-Type", "application/x-www-form-urlencoded")]
        )
        #expect(issued.status == 200)
        let token = try #require(issued.jsonObject?["access_token"] as? String)

        // When a resource group is created, read and listed
        let path = "\(subscription)/resourceGroups/live-rg?api-version=2024-11-01"
        let created = try await live.client.send("PUT", path, jsonObject: ["location": "westeurope", "tags": ["team": "a"]], token: token)
        #expect(created.status == 201)
        #expect(created.header("x-ms-request-id") != nil)
        let read = try await live.client.send("GET", path, token: token)
        #expect(read.status == 200)
        let group = try #require(read.jsonObject)
        #expect(group["id"] as? String == "\(subscription)/resourceGroups/live-rg")
        #expect(group["location"] as? String == "westeurope")
        let properties = group["properties"] as? [String: Any]
        #expect(properties?["provisioningState"] as? String == "Succeeded")
        let list = try await live.client.send("GET", "\(subscription)/resourcegroups?api-version=2024-11-01", token: token)
        let values = list.jsonObject?["value"] as? [[String: Any]] ?? []
        let names = values.compactMap { $0["name"] as? String }
        #expect(names == ["live-rg"])

        // Then deleting it is accepted, its Location poll ends in 200, and it is gone
        let deleted = try await live.client.send("DELETE", path, token: token)
        #expect(deleted.status == 202)
        let location = try #require(deleted.header("Location"))
        #expect(location.hasPrefix(live.baseURL + "/"))
        let poll = try await live.client.send("GET", url: location, token: token)
        #expect(poll.status == 200)
        let gone = try await live.client.send("GET", path, token: token)
        #expect(gone.status == 404)
        #expect(gone.code == "ResourceGroupNotFound")
    }

    @Test func armRefusesRequestsWithoutAToken() async throws {
        let live = try LiveEmulator()
        let reply = try await live.client.send("GET", "\(subscription)/resourcegroups?api-version=2024-11-01")
        #expect(reply.status == 401)
        #expect(reply.code == "AuthenticationFailed")
        #expect(reply.header("WWW-Authenticate")?.hasPrefix("Bearer authorization_uri=\"\(live.baseURL)/") == true)
    }

    @Test func missingAPIVersionIsRefusedBeforeAuthentication() async throws {
        let live = try LiveEmulator()
        let token = try await live.operatorToken()
        let reply = try await live.client.send("GET", "\(subscription)/resourcegroups", token: token)
        #expect(reply.status == 400)
        #expect(reply.code == "MissingApiVersionParameter")
    }

    @Test func cloudMetadataPointsAtThisServer() async throws {
        let live = try LiveEmulator()
        let reply = try await live.client.send("GET", "/metadata/endpoints?api-version=2022-09-01")
        #expect(reply.status == 200)
        #expect(reply.jsonObject?["resourceManager"] as? String == live.baseURL + "/")
    }

    @Test func malformedJSONIsAnARMError() async throws {
        let live = try LiveEmulator()
        let token = try await live.operatorToken()
        let reply = try await live.client.send(
            "PUT", "\(subscription)/resourceGroups/bad?api-version=2024-11-01", body: "{\"location\": ", token: token)
        #expect(reply.status == 400)
        #expect(reply.code == "InvalidRequestContent")
        let gone = try await live.client.send("GET", "\(subscription)/resourceGroups/bad?api-version=2024-11-01", token: token)
        #expect(gone.status == 404)
    }
}
