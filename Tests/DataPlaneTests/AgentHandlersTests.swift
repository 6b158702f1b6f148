import ARMCore
import ARMTestSupport
import EmulatorHTTP
import Identity
import JSON
import Testing

@testable import DataPlane

/// The agent service through the data plane's chain, on a store written directly: agents and
/// versions, conversations, responses run for an agent and stored in the project.
@Suite struct AgentHandlersTests {
    let store = ResourceStore()
    let account = ResourceID("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a1")!
    var project: ResourceID { account.child(type: "projects", name: "p1") }
    let dataPlane: DataPlane
    /// The project's endpoint, with the account's key.
    let client: TestClient

    init() throws {
        dataPlane = DataPlane(
            store: store, validator: TokenValidator(directory: Directory(), signingKey: .wellKnown), evaluator: nil,
            models: ModelService(), catalog: { _, _ in [] })
        client = TestClient(
            host: "localhost", isTLS: false, headers: [("api-key", "k1"), ("Content-Type", "application/json")],
            pathPrefix: "/dataplane/a1.services.ai.azure.com/api/projects/p1/"
        ) { [dataPlane] request in await dataPlane.handle(request) }
        try store.put(
            account, body: ["kind": "AIServices", "location": "eastus", "properties": ["customSubDomainName": "a1"]],
            privateState: ["key1": "k1", "key2": "k2"])
        try store.put(
            account.child(type: "deployments", name: "gpt-4o"),
            body: [
                "sku": ["name": "GlobalStandard", "capacity": 100],
                "properties": [
                    "provisioningState": "Succeeded", "model": ["format": "OpenAI", "name": "gpt-4o", "version": "2024-08-06"],
                    "capabilities": ["chatCompletion": "true"],
                ],
            ])
        try store.put(project, body: ["properties": ["provisioningState": "Succeeded"]])
    }

    func createAgent(_ name: String, tools: JSONValue = []) async throws -> TestClient.Reply {
        try await client.send(
            "POST", "agents/\(name)/versions?api-version=v1",
            json: ["definition": ["kind": "prompt", "model": "gpt-4o", "instructions": "Be brief.", "tools": tools]])
    }

    @Test func givenVersions_whenCreatedAndDeleted_thenNumbersCountUpAndTheLastDeletionTakesTheAgent() async throws {
        #expect(try await createAgent("A").json?["id"] == "A:1")
        #expect(try await createAgent("A").json?["version"] == "2")
        let agent = try await client.send("GET", "agents/A?api-version=v1")
        #expect(agent.status == 200 && agent.json?["versions"]?["latest"]?["version"] == "2" && agent.json?["object"] == "agent")
        #expect(try await client.send("DELETE", "agents/A/versions/2?api-version=v1&force=true").json?["deleted"] == true)
        #expect(try await createAgent("A").json?["version"] == "3")
        _ = try await client.send("DELETE", "agents/A/versions/1?api-version=v1")
        _ = try await client.send("DELETE", "agents/A/versions/3?api-version=v1")
        let gone = try await client.send("GET", "agents/A?api-version=v1")
        #expect(gone.status == 404 && gone.json?["error"]?["code"] == "not_found")
        #expect(store.children(of: project, type: ProjectObjects.agentType).isEmpty)
    }

    @Test func givenAnAgentAtItsVersionLimit_whenOneMoreIsCreated_then400LimitExceededAndNothingIsWritten() async throws {
        for _ in 0..<ProjectLimits.versionsPerAgent { _ = try await createAgent("A") }
        let refused = try await createAgent("A")
        #expect(refused.status == 400 && refused.json?["error"]?["code"] == "limit_exceeded")
        #expect(refused.json?["error"]?["message"]?.stringValue?.contains("\(ProjectLimits.versionsPerAgent)") == true)
        #expect(store.children(of: ProjectObjects.agent(project, "A"), type: ProjectObjects.versionType).count == 100)
    }

    @Test func givenAnUnknownDeployment_whenAVersionIsCreated_then400() async throws {
        let answer = try await client.send(
            "POST", "agents/A/versions?api-version=v1", json: ["definition": ["kind": "prompt", "model": "nope"]])
        #expect(answer.status == 400 && answer.json?["error"]?["param"] == "definition.model")
    }

    @Test func givenADisabledAgent_whenItAnswers_then403UntilEnabled() async throws {
        _ = try await createAgent("A")
        #expect(try await client.send("POST", "agents/A:disable?api-version=v1").status == 204)
        #expect(try await client.send("GET", "agents/A?api-version=v1").json?["state"] == "disabled")
        let refused = try await client.send("POST", "agents/A/endpoint/protocols/openai/responses?api-version=v1", json: ["input": "hi"])
        #expect(refused.status == 403)
        #expect(try await client.send("POST", "agents/A:enable?api-version=v1").status == 204)
        #expect(
            try await client.send("POST", "agents/A/endpoint/protocols/openai/responses?api-version=v1", json: ["input": "hi"]).status
                == 200)
    }

    @Test func givenAConversation_whenAnAgentAnswersIt_thenInputAndOutputAreAppendedAndTheResponseIsStamped() async throws {
        _ = try await createAgent("A")
        let conversation = try await client.send(
            "POST", "openai/v1/conversations", json: ["items": [["type": "message", "role": "user", "content": "Hello"]]])
        let id = try #require(conversation.json?["id"]?.stringValue)
        let response = try await client.send(
            "POST", "openai/v1/responses",
            json: ["conversation": .string(id), "agent_reference": ["type": "agent_reference", "name": "A"]])
        #expect(response.status == 200)
        #expect(response.json?["agent_reference"] == ["type": "agent_reference", "name": "A", "version": "1"])
        #expect(response.json?["conversation"] == ["id": .string(id)] && response.json?["instructions"] == "Be brief.")
        let items = try await client.send("GET", "openai/v1/conversations/\(id)/items?order=asc")
        let roles = items.json?["data"]?.arrayValue?.compactMap { $0["role"]?.stringValue }
        #expect(roles == ["user", "assistant"])
        #expect(items.json?["data"]?[0]?["content"]?[0]?["type"] == "input_text")
        let responseID = try #require(response.json?["id"]?.stringValue)
        #expect(store.get(ProjectObjects.response(project, responseID)) != nil)
        // The project's deletion takes everything below it.
        store.removeAll(under: project)
        #expect(store.all(under: account).allSatisfy { !$0.id.key.hasPrefix(project.key) })
    }

    @Test func givenAStreamedAgentAnswer_whenItCompletes_thenEventsAreStampedAndTheResponseIsStored() async throws {
        _ = try await createAgent("A")
        let streamed = try await client.send(
            "POST", "agents/A/endpoint/protocols/openai/responses?api-version=v1", json: ["input": "hi", "stream": true])
        #expect(streamed.status == 200)
        let events = streamed.text.split(separator: "\n\n").map(String.init)
        #expect(events.first?.hasPrefix("event: response.created\ndata: ") == true)
        #expect(events.last?.hasPrefix("event: response.completed\ndata: ") == true)
        #expect(!streamed.text.contains("[DONE]"))
        let data = try #require(events.last?.split(separator: "\n").last.map { String($0.dropFirst("data: ".count)) })
        let final = try JSONParser.parse(data)["response"]
        #expect(final?["agent_reference"]?["name"] == "A")
        let id = try #require(final?["id"]?.stringValue)
        #expect(try await client.send("GET", "openai/v1/responses/\(id)").json?["id"] == .string(id))
    }

    @Test func givenAToolKindNotServed_whenTheAgentAnswers_then501NamingIt() async throws {
        #expect(try await createAgent("A", tools: [["type": "file_search", "vector_store_ids": ["vs_1"]]]).status == 200)
        let answer = try await client.send("POST", "agents/A/endpoint/protocols/openai/responses?api-version=v1", json: ["input": "find"])
        #expect(answer.status == 501 && answer.json?["error"]?["message"]?.stringValue?.contains("file_search") == true)
    }

    @Test func givenAChain_whenContinued_thenThePreviousResponsesItemsAreTheHistory() async throws {
        let first = try await client.send("POST", "openai/v1/responses", json: ["model": "gpt-4o", "input": "One"])
        let id = try #require(first.json?["id"]?.stringValue)
        let history = try ProjectResponses(store: store, project: project).history(id)
        #expect(history.count == 2 && history[0]["content"]?[0]?["text"] == "One")
        let second = try await client.send(
            "POST", "openai/v1/responses", json: ["model": "gpt-4o", "input": "Two", "previous_response_id": .string(id)])
        #expect(second.status == 200)
        let both = try await client.send(
            "POST", "openai/v1/responses",
            json: ["model": "gpt-4o", "input": "x", "previous_response_id": .string(id), "conversation": "conv_1"])
        #expect(both.status == 400)
        #expect(try await client.send("GET", "openai/v1/responses/resp_nope").status == 404)
    }
}
