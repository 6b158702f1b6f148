import ARMCore
import JSON
import Testing

@testable import ModelInference

@Suite struct RequestParsingTests {
    func error(_ body: () throws -> Void) -> InferenceError? {
        do {
            try body()
            return nil
        } catch {
            return error as? InferenceError
        }
    }

    @Test func givenEmbeddingsInputs_whenParsed_thenEveryAcceptedFormIsRead() throws {
        #expect(try EmbeddingsRequest(json: ["input": "hi"]).inputs == [.text("hi")])
        #expect(try EmbeddingsRequest(json: ["input": ["a", "b"]]).inputs == [.text("a"), .text("b")])
        #expect(try EmbeddingsRequest(json: ["input": [1, 2, 3]]).inputs == [.tokens([1, 2, 3])])
        #expect(try EmbeddingsRequest(json: ["input": [[1], [2, 3]], "encoding_format": "base64"]).encodingFormat == .base64)
    }

    @Test func givenBadEmbeddingsBodies_whenParsed_thenEachIsA400NamingItsParam() {
        let tooMany = JSONValue.array(Array(repeating: "x", count: 2049))
        let cases: [(JSONValue, String)] = [
            (["input": ""], "input"), (["input": []], "input"), (["model": "m"], "input"), (["input": ["a", ""]], "input[1]"),
            (["input": tooMany], "input"), (["input": "a", "dimensions": 0], "dimensions"),
            (["input": "a", "encoding_format": "int8"], "encoding_format"), (["input": ["a", 5]], "input[1]"),
        ]
        for (body, param) in cases {
            let failure = error { _ = try EmbeddingsRequest(json: body) }
            #expect(failure?.status == 400 && failure?.param == param, "\(body)")
        }
    }

    @Test func givenDimensions_whenCheckedAgainstTheModel_thenOnlyShorteningWithinTheNativeSizeIsAllowed() throws {
        let request = try EmbeddingsRequest(json: ["input": "a", "dimensions": 2000])
        #expect(error { try request.checkDimensions(model: "text-embedding-3-large") } == nil)
        #expect(error { try request.checkDimensions(model: "text-embedding-3-small") }?.code == "integer_above_max_value")
        #expect(error { try request.checkDimensions(model: "text-embedding-ada-002") }?.param == "dimensions")
    }

    @Test func givenAResponsesBody_whenParsed_thenItemsToolsAndFormatAreRead() throws {
        let request = try ResponsesRequest(json: [
            "model": "gpt-4o", "instructions": "Be brief.", "previous_response_id": "resp_0", "max_output_tokens": 100, "stream": true,
            "input": [
                ["role": "user", "content": [["type": "input_text", "text": "Hi"]]],
                ["type": "function_call", "call_id": "call_1", "name": "f", "arguments": "{}"],
                ["type": "function_call_output", "call_id": "call_1", "output": "42"],
                ["type": "reasoning", "id": "rs_1"],
            ],
            "tools": [["type": "function", "name": "f", "parameters": ["type": "object"]], ["type": "web_search"]],
            "tool_choice": ["type": "function", "name": "f"],
            "text": ["format": ["type": "json_schema", "name": "x", "schema": ["type": "object"]]],
        ])
        #expect(
            request.input == [
                .message(role: "user", text: "Hi"), .functionCall(ToolCall(id: "call_1", name: "f", arguments: "{}")),
                .functionCallOutput(callID: "call_1", output: "42"),
            ])
        #expect(request.tools.map(\.name) == ["f"] && request.toolsJSON.arrayValue?.count == 2)
        #expect(request.toolChoice == .function("f") && request.previousResponseID == "resp_0" && request.stream)
        #expect(request.format == .jsonSchema(name: "x", schema: ["type": "object"], strict: false))
    }

    @Test func givenBadResponsesBodies_whenParsed_thenEachIsA400NamingItsParam() {
        let cases: [(JSONValue, String)] = [
            (["input": 5], "input"), (["input": [["role": "robot", "content": "x"]]], "input[0].role"),
            (["input": "x", "max_output_tokens": 8], "max_output_tokens"), (["input": "x", "temperature": 3], "temperature"),
            (["input": [["type": "function_call_output", "output": "x"]]], "input[0].call_id"),
            (["input": "x", "text": ["format": ["type": "json_schema", "name": "n"]]], "text.format.schema"),
        ]
        for (body, param) in cases {
            let failure = error { _ = try ResponsesRequest(json: body) }
            #expect(failure?.status == 400 && failure?.param == param, "\(body)")
        }
    }

    @Test func givenALegacyCompletionBody_whenParsed_thenPromptsAndOptionsAreRead() throws {
        let request = try CompletionRequest(json: ["prompt": ["a", "b"], "max_tokens": 5, "echo": true, "logprobs": 2, "stop": ["\n"]])
        #expect(request.prompts == [.text("a"), .text("b")] && request.maxTokens == 5 && request.echo && request.logprobs == 2)
        #expect(error { _ = try CompletionRequest(json: ["prompt": "a", "logprobs": 6]) }?.param == "logprobs")
    }
}
