import ARMCore
import JSON

extension ChatCompletionRequest {
    /// Parses and validates a chat completions body; throws the 400 OpenAI gives for the first bad field.
    package init(json: JSONValue) throws(InferenceError) {
        let body = try BodyReader(body: json)
        guard let messageValues = try body.array("messages") else { throw .missing("messages") }
        if messageValues.isEmpty { throw .emptyArray("messages") }
        self.init(messages: try body.chatMessages())
        model = try body.string("model")
        try readSampling(body)
        try readTools(body)
        try readOutputShape(body)
        user = try body.string("user")
    }

    private mutating func readSampling(_ body: BodyReader) throws(InferenceError) {
        n = try body.integer("n", minimum: 1, maximum: 128) ?? 1
        seed = try body.integer("seed")
        maxTokens = try body.integer("max_tokens", minimum: 1)
        maxCompletionTokens = try body.integer("max_completion_tokens", minimum: 1)
        stop = try body.stopSequences("stop")
        temperature = try body.decimal("temperature", minimum: 0, maximum: 2)
        topP = try body.decimal("top_p", minimum: 0, maximum: 1)
        logprobs = try body.bool("logprobs") ?? false
        topLogprobs = try body.integer("top_logprobs", minimum: 0, maximum: 20)
        if topLogprobs != nil && !logprobs {
            throw .invalid("top_logprobs", "'top_logprobs' is only allowed when 'logprobs' is true.")
        }
    }

    private mutating func readTools(_ body: BodyReader) throws(InferenceError) {
        tools = try body.chatTools()
        toolChoice = try body.toolChoice(tools: tools, flat: false)
        parallelToolCalls = try body.bool("parallel_tool_calls")
    }

    private mutating func readOutputShape(_ body: BodyReader) throws(InferenceError) {
        responseFormat = try body.chatResponseFormat()
        stream = try body.bool("stream") ?? false
        includeUsage = try body.object("stream_options")?.bool("include_usage") ?? false
    }
}
