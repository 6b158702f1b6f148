import ARMCore
import JSON
import Testing

@testable import DataPlane

@Suite struct ScriptedRuleTests {
    func call(_ text: String, deployment: String = "gpt-4o", operation: ModelCall.Operation = .chatCompletions) -> ModelCall {
        ModelCall(
            operation: operation, deployment: deployment, model: "gpt-4o",
            body: ["messages": [["role": "user", "content": .string(text)]], "input": .string(text)], created: 0)
    }

    @Test func givenInvalidRules_whenParsed_thenTheMessageNamesTheField() {
        let cases: [(JSONValue, String)] = [
            (["reply": ["content": 3]], "reply.content"),
            (["reply": ["error": ["status": 200]]], "reply.error.status"),
            (["reply": ["contentFilter": ["category": "spam"]]], "reply.contentFilter.category"),
            (["times": 0, "reply": ["content": "x"]], "times"),
            (["deployment": ""], "deployment"),
            ([:], "reply"),
            (["reply": ["content": "a", "error": ["status": 500]]], "exactly one"),
        ]
        for (json, fragment) in cases {
            do {
                _ = try ScriptedRule(json: json, id: "r")
                Issue.record("accepted \(json)")
            } catch {
                #expect(error.message.contains(fragment), "\(error.message)")
            }
        }
    }

    @Test func givenRules_whenCallsCome_thenTheFirstMatchingAnswersAndTimesRunOut() throws {
        let rules = ScriptedRules()
        _ = try rules.add(["deployment": "other", "reply": ["content": "never"]])
        _ = try rules.add(["match": "WEATHER", "times": 2, "reply": ["content": "Sunny"]])
        #expect(rules.take(for: call("what's the weather?"))?.reply == .content("Sunny"))
        #expect(rules.take(for: call("hello")) == nil)
        #expect(rules.take(for: call("weather again"))?.reply == .content("Sunny"))
        #expect(rules.take(for: call("weather a third time")) == nil)
        #expect(rules.all.count == 1)
    }

    @Test func givenATextRule_whenAnEmbeddingsCallComes_thenOnlyErrorsApply() throws {
        let rules = ScriptedRules()
        _ = try rules.add(["reply": ["content": "x"]])
        #expect(rules.take(for: call("anything", operation: .embeddings)) == nil)
        _ = try rules.add(["reply": ["error": ["status": 503]]])
        #expect(
            rules.take(for: call("anything", operation: .embeddings))?.reply
                == .error(status: 503, code: "503", message: "Scripted error of the Foundry emulator."))
    }

    @Test func givenRulesExported_whenParsedBack_thenTheyAreTheSame() throws {
        let rules = ScriptedRules()
        _ = try rules.add([
            "deployment": "d", "match": "m", "times": 3, "latencyMs": 5, "reply": ["toolCalls": [["name": "f", "arguments": ["a": 1]]]],
        ])
        let parsed = try ScriptedRules.parse(rules.all.map(\.json))
        #expect(parsed == rules.all)
    }
}
