import ARMCore
import JSON

/// The chat completion written straight into its wire bytes, member by member in the order of
/// `completion(_:)` and byte for byte its serialization (Tests/DataPlaneTests/BuiltInBackendTests.swift
/// pins it). The constant parts (the content-filter annotations, the usage details) are rendered
/// once; building the `JSONValue` tree per answer, writing it and freeing it showed as the largest
/// part of the built-in responder in a profile of chat completions (docs/dataplane.md "Speed").
extension ChatCompletionWire {
    /// The body bytes of `completion(result)`.
    package func completionBytes(_ result: ChatResult) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1_024 + result.choices.reduce(0) { $0 + ($1.content?.utf8.count ?? 0) } * (logprobs ? 24 : 1))
        bytes.append(contentsOf: Self.openChoices)
        for (offset, choice) in result.choices.enumerated() {
            if offset > 0 { bytes.append(UInt8(ascii: ",")) }
            appendChoice(choice, to: &bytes)
        }
        bytes.append(contentsOf: Self.afterChoices)
        JSONValue.int(Int64(created)).serialize(appendingTo: &bytes)
        bytes.append(contentsOf: Self.beforeID)
        JSONValue.string(id).serialize(appendingTo: &bytes)
        bytes.append(contentsOf: Self.beforeModel)
        JSONValue.string(model).serialize(appendingTo: &bytes)
        bytes.append(contentsOf: Self.beforeFingerprint)
        JSONValue.string(systemFingerprint).serialize(appendingTo: &bytes)
        bytes.append(contentsOf: Self.beforeUsage)
        Self.appendUsage(result.usage, to: &bytes)
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    func appendChoice(_ choice: ChatChoice, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: choice.toolCalls.isEmpty ? Self.openChoiceFiltered : Self.openChoiceUnfiltered)
        JSONValue.string(choice.finishReason).serialize(appendingTo: &bytes)
        bytes.append(contentsOf: Self.beforeIndex)
        JSONValue.int(Int64(choice.index)).serialize(appendingTo: &bytes)
        bytes.append(contentsOf: Self.beforeLogprobs)
        if logprobs {
            LogprobsWire.chat(choice.content ?? "", top: topLogprobs).serialize(appendingTo: &bytes)
        } else {
            bytes.append(contentsOf: Self.null)
        }
        bytes.append(contentsOf: Self.beforeContent)
        if let content = choice.content {
            JSONValue.string(content).serialize(appendingTo: &bytes)
        } else {
            bytes.append(contentsOf: Self.null)
        }
        bytes.append(contentsOf: Self.afterContent)
        if !choice.toolCalls.isEmpty {
            bytes.append(contentsOf: Self.beforeToolCalls)
            JSONValue.array(choice.toolCalls.map(Self.toolCall)).serialize(appendingTo: &bytes)
        }
        bytes.append(contentsOf: Self.closeChoice)
    }

    /// `TokenUsage.chatJSON`'s bytes: only the three counts vary.
    static func appendUsage(_ usage: TokenUsage, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: usageCompletion)
        JSONValue.int(Int64(usage.completionTokens)).serialize(appendingTo: &bytes)
        bytes.append(contentsOf: usagePrompt)
        JSONValue.int(Int64(usage.promptTokens)).serialize(appendingTo: &bytes)
        bytes.append(contentsOf: usageTotal)
        JSONValue.int(Int64(usage.totalTokens)).serialize(appendingTo: &bytes)
        bytes.append(UInt8(ascii: "}"))
    }

    static let openChoices = Array(#"{"choices":["#.utf8)
    static let afterChoices = Array(#"],"created":"#.utf8)
    static let beforeID = Array(#","id":"#.utf8)
    static let beforeModel = Array(#","model":"#.utf8)
    static let beforeFingerprint =
        Array(#","object":"chat.completion","prompt_filter_results":"#.utf8) + ContentFilterResults.promptFilterResults().serialized()
        + Array(#","system_fingerprint":"#.utf8)
    static let beforeUsage = Array(#","usage":"#.utf8)
    static let openChoiceFiltered =
        Array(#"{"content_filter_results":"#.utf8) + ContentFilterResults.completion.serialized() + Array(#","finish_reason":"#.utf8)
    static let openChoiceUnfiltered = Array(#"{"content_filter_results":{},"finish_reason":"#.utf8)
    static let beforeIndex = Array(#","index":"#.utf8)
    static let beforeLogprobs = Array(#","logprobs":"#.utf8)
    static let beforeContent = Array(#","message":{"role":"assistant","content":"#.utf8)
    static let afterContent = Array(#","refusal":null"#.utf8)
    static let beforeToolCalls = Array(#","tool_calls":"#.utf8)
    static let closeChoice = Array("}}".utf8)
    static let null = Array("null".utf8)
    static let usageCompletion = Array(#"{"completion_tokens":"#.utf8)
    static let usagePrompt =
        Array(#","completion_tokens_details":"#.utf8)
        + (["accepted_prediction_tokens": 0, "audio_tokens": 0, "reasoning_tokens": 0, "rejected_prediction_tokens": 0] as JSONValue)
        .serialized() + Array(#","prompt_tokens":"#.utf8)
    static let usageTotal =
        Array(#","prompt_tokens_details":"#.utf8) + (["audio_tokens": 0, "cached_tokens": 0] as JSONValue).serialized()
        + Array(#","total_tokens":"#.utf8)
}
