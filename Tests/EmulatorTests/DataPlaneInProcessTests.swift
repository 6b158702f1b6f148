import ARMCore
import ARMTestSupport
import EmulatorHTTP
import Foundation
import JSON
import Testing

@testable import Emulator

/// The data plane through the whole emulator: accounts and deployments created through ARM, then
/// called under `/dataplane/{host}/` with keys and tokens, as the SDKs do (docs/dataplane.md).
@Suite struct DataPlaneInProcessTests {
    static let deploymentAPIVersion = "2024-10-01"

    struct World {
        let host: InProcessEmulator
        let account: String
        let key: String
        let subdomain: String

        /// The data plane's path prefix for the account's host in `family`.
        func dataPlane(_ family: String = "openai.azure.com") -> String { "/dataplane/\(subdomain).\(family)/" }
    }

    /// An AIServices account with a custom subdomain, a gpt-4o deployment of `capacity` and a
    /// text-embedding-3-small deployment. gpt-4o 2024-11-20 Global Standard: 1 request per 10 s per unit
    /// (the catalog's rate); the default quota is 50.
    func world(capacity: Int = 50, name: String = "acct\(Int.random(in: 1000...9999))") async throws -> World {
        let host = try await InProcessEmulator()
        #expect(try await host.client.send("PUT", host.group("rg"), body: #"{"location":"eastus"}"#).status == 201)
        let account = host.account(name, in: "rg")
        let body =
            #"{"location":"eastus","kind":"AIServices","sku":{"name":"S0"},"identity":{"type":"SystemAssigned"},"properties":{"customSubDomainName":"\#(name)","allowProjectManagement":true}}"#
        #expect(try await host.client.send("PUT", account, apiVersion: InProcessEmulator.accountAPIVersion, body: body).status < 300)
        for (deployment, model, version, sku) in [
            ("gpt-4o", "gpt-4o", "2024-11-20", "GlobalStandard"), ("embed", "text-embedding-3-small", "1", "Standard"),
        ] {
            let body =
                #"{"sku":{"name":"\#(sku)","capacity":\#(capacity)},"properties":{"model":{"format":"OpenAI","name":"\#(model)","version":"\#(version)"}}}"#
            let reply = try await host.client.send(
                "PUT", account + "/deployments/" + deployment, apiVersion: Self.deploymentAPIVersion, body: body)
            #expect(reply.status < 300, "\(reply.json?.compactString ?? "")")
        }
        let keys = try await host.client.send("POST", account + "/listKeys", apiVersion: InProcessEmulator.accountAPIVersion)
        return World(host: host, account: account, key: keys.json?["key1"]?.stringValue ?? "", subdomain: name)
    }

    static let chat = #"{"messages":[{"role":"user","content":"Hello there"}]}"#

    @Test func givenAKey_whenChattingOnTheClassicRoute_thenAChatCompletionOfTheModelComesBackWithAzureHeaders() async throws {
        let world = try await world()
        let answer = try await world.host.anonymous.send(
            "POST", world.dataPlane() + "openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21", body: Self.chat,
            headers: [("api-key", world.key), ("x-ms-client-request-id", "abc")])
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.json?["object"]?.stringValue == "chat.completion")
        #expect(answer.json?["model"]?.stringValue == "gpt-4o")
        #expect(answer.json?["choices"]?[0]?["message"]?["content"]?.stringValue?.isEmpty == false)
        #expect(answer.headers["apim-request-id"] != nil)
        #expect(answer.headers["x-ms-client-request-id"] == "abc")
        #expect(answer.headers["x-ms-region"] == "East US")
        #expect(answer.headers["x-ratelimit-remaining-requests"] != nil)
        #expect(answer.headers["x-ratelimit-remaining-tokens"] != nil)
    }

    @Test func givenStreamTrue_whenChatting_thenServerSentEventsEndWithDone() async throws {
        let world = try await world()
        let body = #"{"messages":[{"role":"user","content":"Hi"}],"stream":true,"stream_options":{"include_usage":true}}"#
        let answer = try await world.host.anonymous.send(
            "POST", world.dataPlane() + "openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21", body: body,
            headers: [("api-key", world.key)])
        #expect(answer.status == 200)
        #expect(answer.headers["Content-Type"]?.hasPrefix("text/event-stream") == true)
        let events = answer.text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(events.allSatisfy { $0.hasPrefix("data: ") })
        #expect(events.last == "data: [DONE]")
        #expect(events.count >= 4)
        let usage = events.dropLast().last.flatMap { try? JSONParser.parse(String($0.dropFirst(6))) }
        #expect(usage?["usage"]?["total_tokens"]?.intValue ?? 0 > 0)
    }

    @Test func givenWrongOrMissingCredentials_whenCalling_thenTheGatewaysAnswersCome() async throws {
        let world = try await world()
        let path = "openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"
        let wrong = try await world.host.anonymous.send("POST", world.dataPlane() + path, body: Self.chat, headers: [("api-key", "nope")])
        #expect(wrong.status == 401 && wrong.code == "401")
        let missing = try await world.host.anonymous.send("POST", world.dataPlane() + path, body: Self.chat, headers: [])
        #expect(missing.status == 401 && missing.json?["error"]?["message"]?.stringValue?.contains("missing subscription key") == true)
        // A key as a bearer value is a bad token on the classic route, a key on v1.
        let classicBearer = try await world.host.anonymous.send(
            "POST", world.dataPlane() + path, body: Self.chat, headers: [("Authorization", "Bearer " + world.key)])
        #expect(classicBearer.status == 401 && classicBearer.json?["statusCode"]?.intValue == 401)
        let v1 = try await world.host.anonymous.send(
            "POST", world.dataPlane() + "openai/v1/chat/completions",
            body: #"{"model":"gpt-4o","messages":[{"role":"user","content":"x"}]}"#,
            headers: [("Authorization", "Bearer " + world.key)])
        #expect(v1.status == 200, "\(v1.text)")
    }

    @Test func givenAnOwnerToken_whenChatting_thenPermissionDeniedUntilTheOpenAIUserRoleIsAssigned() async throws {
        let world = try await world()
        let host = world.host
        // The operator is Owner of the subscription: no data actions.
        let info = try await host.anonymous.send("GET", "/_emulator/info")
        let operatorObjectID = info.json?["operator"]?["objectId"]?.stringValue ?? ""
        let audienceToken = try await operatorToken(host, scope: "https://cognitiveservices.azure.com/.default")
        let path = "openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"
        let denied = try await world.host.anonymous.send(
            "POST", world.dataPlane() + path, body: Self.chat, headers: [("Authorization", "Bearer " + audienceToken)])
        #expect(denied.status == 401 && denied.code == "PermissionDenied", "\(denied.text)")
        let assignment = world.account + "/providers/Microsoft.Authorization/roleAssignments/\(UUID().uuidString.lowercased())"
        let role =
            "/subscriptions/\(InProcessEmulator.subscription)/providers/Microsoft.Authorization/roleDefinitions/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"
        let assign = try await host.client.send(
            "PUT", assignment,
            apiVersion: "2022-04-01",
            body:
                #"{"properties":{"roleDefinitionId":"\#(role)","principalId":"\#(operatorObjectID)","principalType":"ServicePrincipal"}}"#)
        #expect(assign.status == 201, "\(assign.json?.compactString ?? "")")
        let allowed = try await world.host.anonymous.send(
            "POST", world.dataPlane() + path, body: Self.chat, headers: [("Authorization", "Bearer " + audienceToken)])
        #expect(allowed.status == 200, "\(allowed.text)")
        // A token for ARM's audience is not a data-plane token.
        let armToken = try await world.host.anonymous.send(
            "POST", world.dataPlane() + path, body: Self.chat, headers: [("Authorization", "Bearer " + host.token)])
        #expect(armToken.status == 401 && armToken.json?["statusCode"]?.intValue == 401)
    }

    @Test func givenDeploymentsAndModels_whenTheyCannotServe_thenAzuresErrorsCome() async throws {
        let world = try await world()
        let key = [("api-key", world.key)]
        let unknown = try await world.host.anonymous.send(
            "POST", world.dataPlane() + "openai/deployments/nope/chat/completions?api-version=2024-10-21", body: Self.chat, headers: key)
        #expect(unknown.status == 404 && unknown.code == "DeploymentNotFound")
        let wrongOperation = try await world.host.anonymous.send(
            "POST", world.dataPlane() + "openai/deployments/gpt-4o/embeddings?api-version=2024-10-21", body: #"{"input":"x"}"#, headers: key
        )
        #expect(wrongOperation.status == 400 && wrongOperation.code == "OperationNotSupported")
        let noVersion = try await world.host.anonymous.send(
            "POST", world.dataPlane() + "openai/deployments/gpt-4o/chat/completions", body: Self.chat, headers: key)
        #expect(noVersion.status == 404)
        let badVersion = try await world.host.anonymous.send(
            "POST", world.dataPlane() + "openai/deployments/gpt-4o/chat/completions?api-version=banana", body: Self.chat, headers: key)
        #expect(badVersion.status == 400 && badVersion.code == "BadRequest")
        let badBody = try await world.host.anonymous.send(
            "POST", world.dataPlane() + "openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21", body: "{", headers: key)
        #expect(badBody.status == 400 && badBody.json?["error"]?["type"]?.stringValue == "invalid_request_error")
        let unknownHost = try await world.host.anonymous.send(
            "GET", world.dataPlane("nothere.openai.azure.com") + "openai/models?api-version=2024-10-21", headers: key)
        #expect(unknownHost.status == 404)
    }

    @Test func givenCapacityOne_whenASecondCallComesAtOnce_then429WithRetryAfter() async throws {
        let world = try await world(capacity: 1)
        let path = "openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"
        let first = try await world.host.anonymous.send(
            "POST", world.dataPlane() + path, body: Self.chat, headers: [("api-key", world.key)])
        #expect(first.status == 200)
        let second = try await world.host.anonymous.send(
            "POST", world.dataPlane() + path, body: Self.chat, headers: [("api-key", world.key)])
        #expect(second.status == 429 && second.code == "429")
        #expect(Int(second.headers["retry-after"] ?? "") ?? 0 >= 1)
        #expect(second.headers["retry-after-ms"] != nil)
        #expect(second.json?["error"]?["message"]?.stringValue?.contains("ChatCompletions_Create") == true)
        let usage = try await world.host.client.send("GET", "/_emulator/dataplane/usage")
        let counts = usage.json?["value"]?.arrayValue?.first { $0["deploymentId"]?.stringValue?.hasSuffix("/gpt-4o") == true }
        #expect(counts?["requests"]?.intValue == 2 && counts?["throttled"]?.intValue == 1 && counts?["succeeded"]?.intValue == 1)
    }

    @Test func givenARegeneratedKeyOrDisabledLocalAuth_whenTheOldKeyIsUsed_thenItIsRefusedAtOnce() async throws {
        let world = try await world()
        let path = "openai/models?api-version=2024-10-21"
        #expect(try await world.host.anonymous.send("GET", world.dataPlane() + path, headers: [("api-key", world.key)]).status == 200)
        let regenerated = try await world.host.client.send(
            "POST", world.account + "/regenerateKey", apiVersion: InProcessEmulator.accountAPIVersion, body: #"{"keyName":"Key1"}"#)
        #expect(regenerated.status == 200)
        #expect(try await world.host.anonymous.send("GET", world.dataPlane() + path, headers: [("api-key", world.key)]).status == 401)
        let newKey = regenerated.json?["key1"]?.stringValue ?? ""
        #expect(try await world.host.anonymous.send("GET", world.dataPlane() + path, headers: [("api-key", newKey)]).status == 200)
        let patched = try await world.host.client.send(
            "PATCH", world.account, apiVersion: InProcessEmulator.accountAPIVersion, body: #"{"properties":{"disableLocalAuth":true}}"#)
        #expect(patched.status < 300)
        let refused = try await world.host.anonymous.send("GET", world.dataPlane() + path, headers: [("api-key", newKey)])
        #expect(refused.status == 403 && refused.code == "AuthenticationTypeDisabled")
    }

    @Test func givenScriptedRules_whenTheyMatch_thenTheyAnswerAndAreClearedByReset() async throws {
        let world = try await world()
        let path = "openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21"
        let added = try await world.host.client.send(
            "POST", "/_emulator/dataplane/rules", body: #"{"match":"hello","times":1,"reply":{"content":"Scripted!"}}"#)
        #expect(added.status == 201 && added.json?["id"]?.stringValue != nil)
        let scripted = try await world.host.anonymous.send(
            "POST", world.dataPlane() + path, body: Self.chat, headers: [("api-key", world.key)])
        #expect(scripted.json?["choices"]?[0]?["message"]?["content"]?.stringValue == "Scripted!")
        let filtered = try await world.host.client.send(
            "POST", "/_emulator/dataplane/rules", body: #"{"reply":{"contentFilter":{"on":"prompt","category":"hate"}}}"#)
        #expect(filtered.status == 201)
        let blocked = try await world.host.anonymous.send(
            "POST", world.dataPlane() + path, body: Self.chat, headers: [("api-key", world.key)])
        #expect(blocked.status == 400 && blocked.code == "content_filter")
        let state = try await world.host.client.send("GET", "/_emulator/state")
        #expect(state.json?["dataPlaneRules"]?.arrayValue?.count == 1)
        let invalid = try await world.host.client.send("POST", "/_emulator/dataplane/rules", body: #"{"reply":{"error":{"status":42}}}"#)
        #expect(invalid.status == 400 && invalid.code == "InvalidDataPlaneRule")
        #expect(try await world.host.client.send("POST", "/_emulator/reset").status == 204)
        #expect(try await world.host.client.send("GET", "/_emulator/dataplane/rules").json?["value"]?.arrayValue?.isEmpty == true)
    }

    @Test func givenAProject_whenItsEndpointIsCalled_thenDeploymentsAndConnectionsAreListed() async throws {
        let world = try await world()
        let project = world.account + "/projects/p1"
        let created = try await world.host.client.send(
            "PUT", project,
            apiVersion: InProcessEmulator.accountAPIVersion,
            body: #"{"location":"eastus","identity":{"type":"SystemAssigned"},"properties":{}}"#)
        #expect(created.status < 300, "\(created.json?.compactString ?? "")")
        let connection = try await world.host.client.send(
            "PUT", project + "/connections/search1",
            apiVersion: InProcessEmulator.accountAPIVersion,
            body:
                #"{"properties":{"category":"CognitiveSearch","target":"https://s.search.windows.net","authType":"ApiKey","credentials":{"key":"secret"}}}"#
        )
        #expect(connection.status == 200, "\(connection.json?.compactString ?? "")")
        let key = [("api-key", world.key)]
        let family = "services.ai.azure.com"
        let deployments = try await world.host.anonymous.send(
            "GET", world.dataPlane(family) + "api/projects/p1/deployments?api-version=v1", headers: key)
        #expect(deployments.status == 200, "\(deployments.text)")
        #expect(Set(deployments.json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []) == ["gpt-4o", "embed"])
        let filtered = try await world.host.anonymous.send(
            "GET", world.dataPlane(family) + "api/projects/p1/deployments?api-version=v1&modelName=gpt-4o", headers: key)
        #expect(filtered.json?["value"]?.arrayValue?.count == 1)
        let connections = try await world.host.anonymous.send(
            "GET", world.dataPlane(family) + "api/projects/p1/connections?api-version=v1", headers: key)
        let first = connections.json?["value"]?[0]
        #expect(first?["name"]?.stringValue == "search1" && first?["isDefault"]?.boolValue == true)
        #expect(first?["credentials"]?["key"] == nil)
        let secret = try await world.host.anonymous.send(
            "POST", world.dataPlane(family) + "api/projects/p1/connections/search1/getConnectionWithCredentials?api-version=v1", body: "{}",
            headers: key)
        #expect(secret.json?["credentials"]?["key"]?.stringValue == "secret")
        let missing = try await world.host.anonymous.send(
            "GET", world.dataPlane(family) + "api/projects/nope/deployments?api-version=v1", headers: key)
        #expect(missing.status == 404)
    }

    /// A client-credentials token of the operator for `scope`.
    func operatorToken(_ host: InProcessEmulator, scope: String) async throws -> String {
        let info = try await host.anonymous.send("GET", "/_emulator/info")
        let tenant = info.json?["tenantId"]?.stringValue ?? ""
        let id = info.json?["operator"]?["clientId"]?.stringValue ?? ""
        let secret = info.json?["operator"]?["clientSecret"]?.stringValue ?? ""
        let form = "grant_type=client_credentials&client_id=\(id)&client_secret=\(secret)&scope=\(scope.addingQueryValueEncoding)"
        let response = try await host.anonymous.send(
            "POST", "/\(tenant)/oauth2/v2.0/token", body: form,
            headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")])
        let token = response.json?["access_token"]?.stringValue
        return try #require(token)
    }
}
