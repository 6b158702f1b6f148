import ARMCore
import JSON
import ModelInference

/// A scripted rule's reply, in the same wire shapes as the built-in responder's answers.
enum ScriptedAnswer {
    static func answer(_ reply: ScriptedRule.Reply, to call: ModelCall) throws -> ModelAnswer {
        switch reply {
        case .error(let status, let code, let message):
            throw DataPlaneError(status: status, code: code, message: message)
        case .contentFilter(true, let category):
            throw DataPlaneError(status: 400, body: InferenceError.contentFilter(category: category).json)
        case .content(let text):
            return try answer(text: text, toolCalls: [], finishReason: "stop", call: call)
        case .toolCalls(let calls):
            let toolCalls = calls.map { ToolCall(id: "call_" + DataPlaneIDs.random().prefix(24), name: $0.name, arguments: $0.arguments) }
            return try answer(text: nil, toolCalls: toolCalls, finishReason: "tool_calls", call: call)
        case .contentFilter(false, let category):
            var answer = try answer(text: "", toolCalls: [], finishReason: "content_filter", call: call)
            answer.body = answer.body.map { flagCompletion($0, category: category) }
            return answer
        }
    }

    /// The reply as the operation's answer; embeddings have no text to script, so they take errors only.
    static func answer(text: String?, toolCalls: [ToolCall], finishReason: String, call: ModelCall) throws -> ModelAnswer {
        let completionTokens = Tokenizer.count(text ?? toolCalls.map(\.arguments).joined())
        switch call.operation {
        case .chatCompletions:
            let request = try BuiltInBackend.parse { () throws(InferenceError) in try ChatCompletionRequest(json: call.body) }
            let usage = TokenUsage(promptTokens: Tokenizer.promptTokens(for: request), completionTokens: completionTokens)
            let choices = (0..<max(1, request.n)).map {
                ChatChoice(index: $0, content: text, toolCalls: toolCalls, finishReason: finishReason)
            }
            return BuiltInBackend.render(ChatResult(choices: choices, usage: usage), request: request, call: call)
        case .completions:
            let request = try BuiltInBackend.parse { () throws(InferenceError) in try CompletionRequest(json: call.body) }
            let prompt = request.prompts.reduce(0) { $0 + Tokenizer.promptTokens(for: $1) }
            let result = CompletionResult(
                choices: [CompletionChoice(index: 0, text: text ?? "", finishReason: finishReason)],
                usage: TokenUsage(promptTokens: prompt, completionTokens: completionTokens))
            return BuiltInBackend.render(result, request: request, call: call)
        case .responses:
            let request = try BuiltInBackend.parse { () throws(InferenceError) in try ResponsesRequest(json: call.body) }
            let output: [ResponseItem] =
                toolCalls.isEmpty ? [.message(role: "assistant", text: text ?? "")] : toolCalls.map { .functionCall($0) }
            let prompt = Tokenizer.promptTokens(messages: BuiltInResponder.conversation(for: request, history: []))
            let result = ResponsesResult(output: output, usage: TokenUsage(promptTokens: prompt, completionTokens: completionTokens))
            return BuiltInBackend.render(result, request: request, call: call)
        case .embeddings:
            throw DataPlaneError.internalError()  // ScriptedRule.applies keeps text replies off embeddings
        }
    }

    /// `finish_reason: content_filter` with the category flagged in the choice's results.
    static func flagCompletion(_ body: JSONValue, category: String) -> JSONValue {
        guard var object = body.objectValue, var choices = object["choices"]?.arrayValue else { return body }
        for index in choices.indices {
            guard var choice = choices[index].objectValue else { continue }
            var results = choice["content_filter_results"]?.objectValue ?? JSONObject()
            results[category] = ["filtered": true, "severity": "high"]
            choice["content_filter_results"] = .object(results)
            choices[index] = .object(choice)
        }
        object["choices"] = .array(choices)
        return .object(object)
    }
}
