import ARMCore
import ModelInference

/// The default backend: `ModelInference`'s deterministic responder (no network, no weights),
/// rendered in Azure OpenAI's wire shapes.
package struct BuiltInBackend: ModelBackend {
    let responder = BuiltInResponder()

    package init() {}

    package nonisolated(nonsending) func answer(_ call: ModelCall) async throws -> ModelAnswer {
        switch call.operation {
        case .chatCompletions:
            let request = try Self.parse { () throws(InferenceError) in try ChatCompletionRequest(json: call.body) }
            return Self.render(responder.chat(request, model: call.model), request: request, call: call)
        case .completions:
            let request = try Self.parse { () throws(InferenceError) in try CompletionRequest(json: call.body) }
            return Self.render(responder.completion(request, model: call.model), request: request, call: call)
        case .embeddings:
            let request = try Self.parse { () throws(InferenceError) in try EmbeddingsRequest(json: call.body) }
            try Self.parse { () throws(InferenceError) in try request.checkDimensions(model: call.model) }
            return Self.render(responder.embeddings(request, model: call.model), request: request, call: call)
        case .responses:
            let request = try Self.parse { () throws(InferenceError) in try ResponsesRequest(json: call.body) }
            // The chain's stored items parse like an `input` array.
            let history = try Self.parse { () throws(InferenceError) in
                call.history.isEmpty ? [] : try ResponsesRequest(json: ["input": .array(call.history)]).input
            }
            return Self.render(responder.respond(request, history: history, model: call.model), request: request, call: call)
        }
    }

    /// An `InferenceError` (OpenAI's 400 with `param`) becomes the data plane's error as is.
    static func parse<T>(_ body: () throws(InferenceError) -> T) throws(DataPlaneError) -> T {
        do {
            return try body()
        } catch {
            throw DataPlaneError(status: error.status, body: error.json)
        }
    }

    static func render(_ result: ChatResult, request: ChatCompletionRequest, call: ModelCall) -> ModelAnswer {
        var wire = ChatCompletionWire(id: "chatcmpl-" + DataPlaneIDs.random(), created: call.created, model: call.model)
        wire.logprobs = request.logprobs
        wire.topLogprobs = request.topLogprobs ?? 0
        let usage = result.usage
        guard request.stream else {
            return ModelAnswer(
                encoded: wire.completionBytes(result), promptTokens: usage.promptTokens, completionTokens: usage.completionTokens)
        }
        let events = wire.streamEvents(result, includeUsage: request.includeUsage).map(ServerSentEvents.data) + [ServerSentEvents.done]
        return ModelAnswer(events: events, promptTokens: usage.promptTokens, completionTokens: usage.completionTokens)
    }

    static func render(_ result: CompletionResult, request: CompletionRequest, call: ModelCall) -> ModelAnswer {
        let wire = CompletionWire(id: "cmpl-" + DataPlaneIDs.random(), created: call.created, model: call.model)
        let usage = result.usage
        guard request.stream else {
            return ModelAnswer(
                body: wire.completion(result, prompts: request.prompts.count), promptTokens: usage.promptTokens,
                completionTokens: usage.completionTokens)
        }
        let events = wire.streamEvents(result, includeUsage: request.includeUsage).map(ServerSentEvents.data) + [ServerSentEvents.done]
        return ModelAnswer(events: events, promptTokens: usage.promptTokens, completionTokens: usage.completionTokens)
    }

    static func render(_ result: EmbeddingsResult, request: EmbeddingsRequest, call: ModelCall) -> ModelAnswer {
        ModelAnswer(
            body: EmbeddingsWire.list(result, model: call.model, encoding: request.encodingFormat), promptTokens: result.promptTokens)
    }

    static func render(_ result: ResponsesResult, request: ResponsesRequest, call: ModelCall) -> ModelAnswer {
        let wire = ResponsesWire(id: "resp_" + DataPlaneIDs.random(), createdAt: call.created, model: call.model)
        let response = wire.response(request, result: result)
        let usage = result.usage
        guard request.stream else {
            return ModelAnswer(body: response, promptTokens: usage.promptTokens, completionTokens: usage.completionTokens)
        }
        let events = wire.streamEvents(request, result: result).map(ServerSentEvents.typed)
        return ModelAnswer(body: response, events: events, promptTokens: usage.promptTokens, completionTokens: usage.completionTokens)
    }
}
