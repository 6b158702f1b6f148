import ARMCore
import Testing

@testable import DataPlane

/// Where the Assistants-style objects live: below the project in the resource store, in Azure's id
/// forms, ordered by creation, bounded per project (docs/agents.md "State and limits").
@Suite struct AgentStoreTests {
    @Test func givenEachKind_whenAnIdIsMade_thenAzuresPrefixAnd24LettersOrDigits() {
        for (kind, prefix) in [
            (AgentStore.Kind.assistant, "asst_"), (.thread, "thread_"), (.message, "msg_"), (.run, "run_"), (.step, "step_"),
        ] {
            let id = AgentStore.newID(kind)
            #expect(id.hasPrefix(prefix) && id.count == prefix.count + 24)
            #expect(id.dropFirst(prefix.count).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
        }
        #expect(AgentStore.Kind.message.resourceType == "Microsoft.CognitiveServices/accounts/projects/threads/messages")
        #expect(AgentStore.Kind.step.resourceType == "Microsoft.CognitiveServices/accounts/projects/threads/runs/steps")
    }

    @Test func givenObjectsMadeInOneInstant_whenListed_thenInCreationOrder() async throws {
        let world = try AgentsWorld()
        let thread = try await world.client.send("POST", "threads").json?["id"]?.stringValue ?? ""
        var made: [String] = []
        for index in 0..<30 {
            made.append(
                try await world.client.send("POST", "threads/\(thread)/messages", body: #"{"role":"user","content":"m\#(index)"}"#).json?[
                    "id"]?.stringValue
                    ?? "")
        }
        let listed = try await world.client.send("GET", "threads/\(thread)/messages?order=asc&limit=100").json?["data"]?.arrayValue ?? []
        #expect(listed.compactMap { $0["id"]?.stringValue } == made)
        let stored = world.store.get(world.project.child(type: "threads", name: thread).child(type: "messages", name: made[0]))
        #expect(stored?.body["id"]?.stringValue == made[0] && stored?.body["etag"] == nil)
    }

    @Test func givenAProjectAtItsAssistantLimit_whenOneMoreIsCreated_then400LimitExceededAndNothingStored() async throws {
        let world = try AgentsWorld()
        let agents = AgentStore(store: world.store)
        for index in 0..<AgentLimits.assistants {
            try agents.create(
                .assistant, id: "asst_\(index)", under: world.project, project: world.project, body: ["id": .string("asst_\(index)")])
        }
        let refused = try await world.client.send("POST", "assistants", body: #"{"model":"gpt-4o"}"#)
        #expect(refused.status == 400 && refused.json?["error"]?["code"]?.stringValue == "limit_exceeded")
        #expect(agents.count(.assistant, in: world.project) == AgentLimits.assistants)
    }

    @Test func givenAProjectThatDoesNotExist_whenCalled_then404() async throws {
        let world = try AgentsWorld()
        try world.store.delete(world.project)
        let answer = try await world.client.send("GET", "assistants")
        #expect(answer.status == 404)
    }
}
