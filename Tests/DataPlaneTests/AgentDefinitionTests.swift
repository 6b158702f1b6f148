import ARMCore
import JSON
import Testing

@testable import DataPlane

/// What `POST /agents/{name}/versions` accepts: prompt agents with a model, instructions and tools
/// kept as sent; other kinds 501; invalid fields 400 naming the field.
@Suite struct AgentDefinitionTests {
    func refusal(_ body: JSONValue) -> DataPlaneError? {
        do {
            _ = try AgentDefinition(body: body)
            return nil
        } catch {
            return error as? DataPlaneError
        }
    }

    @Test func givenAPromptAgentWithTools_whenValidated_thenEverythingIsKeptAsSent() throws {
        let body: JSONValue = [
            "definition": [
                "kind": "prompt", "model": "gpt-4o", "instructions": "Be brief.",
                "tools": [["type": "function", "name": "get_weather"], ["type": "code_interpreter"]],
            ],
            "description": "d", "metadata": ["k": "v"],
        ]
        let definition = try AgentDefinition(body: body)
        #expect(definition.model == "gpt-4o" && definition.description == "d" && definition.metadata == ["k": "v"])
        #expect(JSONValue.object(definition.definition) == body["definition"])
    }

    @Test func givenInvalidFields_whenValidated_then400NamingTheField() {
        let cases: [(JSONValue, String)] = [
            ([:], "definition"),
            (["definition": ["model": "m"]], "definition.kind"),
            (["definition": ["kind": "prompt"]], "definition.model"),
            (["definition": ["kind": "robot", "model": "m"]], "definition.kind"),
            (["definition": ["kind": "prompt", "model": "m", "tools": [["name": "f"]]]], "definition.tools[0].type"),
            (
                ["definition": ["kind": "prompt", "model": "m", "tools": [["type": "function", "name": "a b"]]]], "definition.tools[0].name"
            ),
            (["definition": ["kind": "prompt", "model": "m", "instructions": 3]], "definition.instructions"),
            (["definition": ["kind": "prompt", "model": "m"], "metadata": ["k": 1]], "metadata"),
        ]
        for (body, param) in cases {
            let error = refusal(body)
            #expect(error?.status == 400, "\(body)")
            #expect(error?.body["error"]?["param"]?.stringValue == param, "\(body)")
        }
        let tooMany = JSONValue.array(Array(repeating: ["type": "function", "name": "f"], count: ProjectLimits.toolsPerAgent + 1))
        #expect(refusal(["definition": ["kind": "prompt", "model": "m", "tools": tooMany]])?.status == 400)
    }

    @Test func givenAKindNotServed_whenValidated_then501() {
        let error = refusal(["definition": ["kind": "hosted"]])
        #expect(error?.status == 501 && error?.body["error"]?["code"]?.stringValue == "not_implemented")
    }

    @Test func givenNames_whenChecked_thenLettersDigitsAndInnerHyphensUpTo63() {
        for name in ["MyAgent", "a", "agent-1", String(repeating: "a", count: 63)] {
            #expect(throws: Never.self) { try AgentDefinition.checkName(name) }
        }
        for name in ["", "-a", "a-", "a_b", "a.b", String(repeating: "a", count: 64), "é"] {
            #expect(throws: DataPlaneError.self) { try AgentDefinition.checkName(name) }
        }
    }
}
