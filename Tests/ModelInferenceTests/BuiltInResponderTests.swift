import ARMCore
import JSON
import Testing

@testable import ModelInference

@Suite struct BuiltInResponderTests {
    let responder = BuiltInResponder()
    static let weatherTool: JSONValue = [
        "type": "function",
        "function": [
            "name": "get_weather", "description": "Get the current weather for a city",
            "parameters": [
                "type": "object", "required": ["location", "unit"],
                "properties": ["location": ["type": "string"], "unit": ["type": "string", "enum": ["celsius", "fahrenheit"]]],
            ],
        ],
    ]

    func chat(_ body: JSONValue, model: String = "gpt-4o") throws -> ChatResult {
        responder.chat(try ChatCompletionRequest(json: body), model: model)
    }

    func ask(_ text: String, _ extra: [(String, JSONValue)] = []) -> JSONValue {
        var body: JSONValue = ["messages": [["role": "user", "content": .string(text)]]]
        for (key, value) in extra { body[key] = value }
        return body
    }

    @Test func givenTheSameRequest_whenAnsweredTwice_thenTheAnswersAreIdenticalAndSayTheyAreTheEmulator() throws {
        let first = try chat(ask("What is the capital of France?"))
        #expect(first == (try chat(ask("What is the capital of France?"))))
        let content = try #require(first.choices.first?.content)
        #expect(content.contains("Foundry emulator's built-in model"))
        #expect(content.contains("What is the capital of France?"))
        #expect(first.choices[0].finishReason == "stop")
        #expect(first.usage.completionTokens == Tokenizer.count(content))
    }

    @Test func givenDifferentSeeds_whenAnswered_thenAnswersVary() throws {
        let answers = try (0..<8).map { try chat(ask("Hi", [("seed", .int(Int64($0)))])).choices[0].content ?? "" }
        #expect(Set(answers).count > 3)
    }

    @Test func givenNChoices_whenAnswered_thenEachChoiceIsDistinctAndIndexed() throws {
        let result = try chat(ask("Hi", [("n", 40)]))
        #expect(result.choices.map(\.index) == Array(0..<40))
        #expect(Set(result.choices.compactMap(\.content)).count == 40)
    }

    @Test func givenMaxTokens_whenTheAnswerIsLonger_thenItIsCutToThatManyTokensWithLength() throws {
        let result = try chat(ask("Tell me a long story", [("max_tokens", 5)]))
        #expect(result.choices[0].finishReason == "length")
        #expect(Tokenizer.count(result.choices[0].content ?? "") == 5)
        #expect(result.usage.completionTokens == 5)
    }

    @Test func givenAStopSequence_whenItAppears_thenTheAnswerEndsBeforeIt() throws {
        let result = try chat(ask("Hi", [("stop", ["emulator"])]))
        #expect(result.choices[0].content == "This is the Foundry " || !(result.choices[0].content ?? "x").contains("emulator"))
        #expect(result.choices[0].finishReason == "stop")
    }

    @Test func givenJSONMode_whenAnswered_thenTheContentIsAJSONObject() throws {
        let result = try chat(ask("Give me JSON", [("response_format", ["type": "json_object"])]))
        let parsed = try JSONParser.parse(result.choices[0].content ?? "")
        #expect(parsed.objectValue != nil)
    }

    @Test func givenAJSONSchema_whenAnswered_thenTheContentConformsToIt() throws {
        let schema: JSONValue = [
            "type": "object", "required": ["city", "population", "tags"], "additionalProperties": false,
            "properties": [
                "city": ["type": "string"], "population": ["type": "integer", "minimum": 1],
                "tags": ["type": "array", "items": ["type": "string", "enum": ["big", "small"]], "minItems": 2],
            ],
        ]
        let format: JSONValue = ["type": "json_schema", "json_schema": ["name": "city", "schema": schema, "strict": true]]
        let result = try chat(ask("Describe Paris", [("response_format", format)]))
        let parsed = try JSONParser.parse(result.choices[0].content ?? "")
        #expect(SchemaValidator(root: schema).errors(parsed, schema).isEmpty, "\(parsed)")
    }

    @Test func givenAToolTheUserAsksFor_whenAnswered_thenTheModelCallsItWithConformingArguments() throws {
        let result = try chat(ask("What's the weather in Paris?", [("tools", [Self.weatherTool])]))
        let choice = result.choices[0]
        #expect(choice.finishReason == "tool_calls" && choice.content == nil)
        let call = try #require(choice.toolCalls.first)
        #expect(call.name == "get_weather" && call.id.hasPrefix("call_") && call.id.count == 29)
        let arguments = try JSONParser.parse(call.arguments)
        #expect(arguments["location"] == "Paris")
        #expect(["celsius", "fahrenheit"].contains(arguments["unit"]?.stringValue ?? ""))
    }

    @Test func givenToolChoiceRulesAndUnrelatedText_whenAnswered_thenOnlyRequiredOrNamedChoicesForceACall() throws {
        let unrelated = ask("Tell me a joke", [("tools", [Self.weatherTool])])
        #expect(try chat(unrelated).choices[0].toolCalls.isEmpty)
        var required = unrelated
        required["tool_choice"] = "required"
        #expect(try chat(required).choices[0].toolCalls.first?.name == "get_weather")
        var none = ask("What's the weather in Paris?", [("tools", [Self.weatherTool]), ("tool_choice", "none")])
        #expect(try chat(none).choices[0].toolCalls.isEmpty)
        none["tool_choice"] = ["type": "function", "function": ["name": "get_weather"]]
        #expect(try chat(none).choices[0].toolCalls.count == 1)
    }

    @Test func givenAToolResult_whenAnsweredAgain_thenTheFinalTextUsesTheToolOutput() throws {
        let first = try chat(ask("What's the weather in Paris?", [("tools", [Self.weatherTool])]))
        let call = try #require(first.choices[0].toolCalls.first)
        let followUp: JSONValue = [
            "tools": [Self.weatherTool],
            "messages": [
                ["role": "user", "content": "What's the weather in Paris?"],
                [
                    "role": "assistant", "content": nil,
                    "tool_calls": [
                        [
                            "id": .string(call.id), "type": "function",
                            "function": ["name": "get_weather", "arguments": .string(call.arguments)],
                        ]
                    ],
                ],
                ["role": "tool", "tool_call_id": .string(call.id), "content": "18 degrees and sunny"],
            ],
        ]
        let final = try chat(followUp).choices[0]
        #expect(final.finishReason == "stop" && final.toolCalls.isEmpty)
        #expect(final.content?.contains("get_weather") == true)
        #expect(final.content?.contains("18 degrees and sunny") == true)
    }

    @Test func givenAResponsesRequestWithHistory_whenAnswered_thenTheChainIsReadAndOutputIsAMessage() throws {
        let request = try ResponsesRequest(json: [
            "input": "And tomorrow?", "instructions": "Be brief.", "previous_response_id": "resp_1",
        ])
        let history: [ResponseItem] = [.message(role: "user", text: "Weather?"), .message(role: "assistant", text: "Sunny.")]
        let result = responder.respond(request, history: history, model: "gpt-4o")
        guard case .message(let role, let text) = result.output.first else {
            Issue.record("no message")
            return
        }
        #expect(role == "assistant" && text.contains("And tomorrow?"))
        let conversation = BuiltInResponder.conversation(for: request, history: history)
        #expect(result.usage.promptTokens == Tokenizer.promptTokens(messages: conversation))
        #expect(BuiltInResponder.conversation(for: request, history: history).map(\.role) == [.system, .user, .assistant, .user])
    }

    @Test func givenResponsesMaxOutputTokens_whenReached_thenTheResultIsIncomplete() throws {
        let request = try ResponsesRequest(json: ["input": "Tell me everything", "max_output_tokens": 16])
        let result = responder.respond(request, history: [], model: "gpt-4o")
        #expect(result.status == "incomplete" && result.incompleteReason == "max_output_tokens")
    }

    @Test func givenALegacyPrompt_whenCompletedWithEcho_thenEachPromptGetsNChoicesStartingWithThePrompt() throws {
        let request = try CompletionRequest(json: ["prompt": ["Once upon", "In a galaxy"], "n": 2, "echo": true, "max_tokens": 200])
        let result = responder.completion(request, model: "gpt-35-turbo-instruct")
        #expect(result.choices.map(\.index) == [0, 1, 2, 3])
        #expect(result.choices[2].text.hasPrefix("In a galaxy"))
        #expect(result.choices.allSatisfy { $0.finishReason == "stop" })
        let unbounded = responder.completion(try CompletionRequest(json: ["prompt": "Once upon"]), model: "m")
        #expect(unbounded.choices[0].finishReason == "length" && unbounded.usage.completionTokens == 16)
    }
}
