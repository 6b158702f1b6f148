import ARMCore
import JSON
import Testing

@testable import ModelInference

@Suite struct ChatCompletionRequestTests {
    static let user: JSONValue = ["role": "user", "content": "Hello"]

    func rejection(_ body: JSONValue) -> InferenceError? {
        do {
            _ = try ChatCompletionRequest(json: body)
            return nil
        } catch {
            return error
        }
    }

    @Test func givenAFullBody_whenParsed_thenEveryFieldIsRead() throws {
        let body: JSONValue = [
            "model": "gpt-4o", "n": 2, "seed": 7, "max_tokens": 50, "max_completion_tokens": 40, "stop": "END",
            "logprobs": true, "top_logprobs": 3, "temperature": 0.5, "top_p": 1, "stream": true,
            "stream_options": ["include_usage": true], "user": "u1", "unknown_field": ["ignored": true],
            "messages": [
                ["role": "system", "content": "Be brief."],
                [
                    "role": "user",
                    "content": [["type": "text", "text": "Look"], ["type": "image_url", "image_url": ["url": "https://x/y.png"]]],
                ],
                [
                    "role": "assistant", "content": nil,
                    "tool_calls": [["id": "call_1", "type": "function", "function": ["name": "get_weather", "arguments": "{}"]]],
                ],
                ["role": "tool", "tool_call_id": "call_1", "content": "sunny"],
            ],
            "tools": [["type": "function", "function": ["name": "get_weather", "parameters": ["type": "object"]]]],
            "tool_choice": ["type": "function", "function": ["name": "get_weather"]],
            "response_format": ["type": "json_schema", "json_schema": ["name": "s", "schema": ["type": "object"], "strict": true]],
        ]
        let request = try ChatCompletionRequest(json: body)
        #expect(request.model == "gpt-4o")
        #expect(request.n == 2 && request.seed == 7 && request.completionTokenLimit == 40)
        #expect(request.stop == ["END"])
        #expect(request.logprobs && request.topLogprobs == 3 && request.stream && request.includeUsage)
        #expect(request.messages.map(\.role) == [.system, .user, .assistant, .tool])
        #expect(request.messages[1].parts == [.text("Look"), .imageURL("https://x/y.png")])
        #expect(request.messages[2].toolCalls == [ToolCall(id: "call_1", name: "get_weather", arguments: "{}")])
        #expect(request.messages[3].toolCallID == "call_1")
        #expect(request.toolChoice == .function("get_weather"))
        #expect(request.responseFormat == .jsonSchema(name: "s", schema: ["type": "object"], strict: true))
    }

    @Test func givenInvalidBodies_whenParsed_thenEach400NamesTheOffendingParam() {
        let cases: [(JSONValue, String, String?)] = [
            (["model": "m"], "messages", "missing_required_parameter"),
            (["messages": []], "messages", "empty_array"),
            (["messages": "hi"], "messages", "invalid_type"),
            (["messages": [Self.user, ["role": "robot", "content": "x"]]], "messages[1].role", "invalid_value"),
            (["messages": [["content": "x"]]], "messages[0].role", "missing_required_parameter"),
            (["messages": [["role": "user"]]], "messages[0].content", "missing_required_parameter"),
            (["messages": [["role": "user", "content": 5]]], "messages[0].content", "invalid_type"),
            (["messages": [["role": "user", "content": [["type": "video"]]]]], "messages[0].content[0].type", "invalid_value"),
            (["messages": [Self.user, ["role": "tool", "content": "x"]]], "messages[1].tool_call_id", "missing_required_parameter"),
            (["messages": [Self.user], "n": 0], "n", "integer_below_min_value"),
            (["messages": [Self.user], "n": 129], "n", "integer_above_max_value"),
            (["messages": [Self.user], "n": "2"], "n", "invalid_type"),
            (["messages": [Self.user], "temperature": 2.5], "temperature", "decimal_above_max_value"),
            (["messages": [Self.user], "temperature": -1], "temperature", "decimal_below_min_value"),
            (["messages": [Self.user], "top_p": 1.5], "top_p", "decimal_above_max_value"),
            (["messages": [Self.user], "max_tokens": 0], "max_tokens", "integer_below_min_value"),
            (["messages": [Self.user], "stop": ["a", "b", "c", "d", "e"]], "stop", "array_above_max_length"),
            (["messages": [Self.user], "stream": "yes"], "stream", "invalid_type"),
            (["messages": [Self.user], "top_logprobs": 2], "top_logprobs", "invalid_value"),
            (["messages": [Self.user], "response_format": ["type": "xml"]], "response_format.type", "invalid_value"),
            (
                ["messages": [Self.user], "response_format": ["type": "json_schema", "json_schema": ["name": "s"]]],
                "response_format.json_schema.schema", "missing_required_parameter"
            ),
            (["messages": [Self.user], "tools": [["type": "function"]]], "tools[0].function", "missing_required_parameter"),
            (
                ["messages": [Self.user], "tools": [["type": "function", "function": ["name": "bad name"]]]],
                "tools[0].function.name", "invalid_value"
            ),
            (["messages": [Self.user], "tool_choice": "required"], "tool_choice", "invalid_value"),
            (["messages": [Self.user], "tool_choice": "sometimes"], "tool_choice", "invalid_value"),
        ]
        for (body, param, code) in cases {
            let error = rejection(body)
            #expect(error?.status == 400, "\(body)")
            #expect(error?.param == param, "\(body)")
            #expect(error?.code == code, "\(body)")
            #expect(error?.json["error"]?["type"] == "invalid_request_error", "\(body)")
        }
    }

    @Test func givenAnUnknownRole_whenParsed_thenTheMessageListsOpenAIsSupportedRoles() {
        let error = rejection(["messages": [["role": "robot", "content": "x"]]])
        #expect(
            error?.message
                == "Invalid value: 'robot'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.")
    }

    @Test func givenNullOptionalFields_whenParsed_thenTheyCountAsAbsent() throws {
        let request = try ChatCompletionRequest(json: ["messages": [Self.user], "n": nil, "max_tokens": nil, "stop": nil])
        #expect(request.n == 1 && request.maxTokens == nil && request.stop.isEmpty)
    }

    @Test func givenADeeplyNestedSchema_whenParsed_thenItIsRefusedWithA400() {
        var schema: JSONValue = ["type": "string"]
        for _ in 0..<200 { schema = ["type": "object", "properties": ["a": schema]] }
        let error = rejection([
            "messages": [Self.user], "response_format": ["type": "json_schema", "json_schema": ["name": "deep", "schema": schema]],
        ])
        #expect(error?.status == 400)
        #expect(error?.param == "response_format.json_schema.schema")
    }
}
