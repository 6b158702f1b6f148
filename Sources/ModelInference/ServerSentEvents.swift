import ARMCore
import JSON

/// Server-sent events framing (WHATWG HTML "Server-sent events"), owned here so every stream is framed
/// the same way. Chat and completions send bare `data:` events ending with `data: [DONE]`, the only form
/// azure-ai-inference's strict parser accepts (`azure/ai/inference/models/_patch.py`, every line must
/// start with "data: "). Responses events carry an `event:` line as OpenAI sends them; openai-python
/// reads the JSON of `data` either way (`openai/_streaming.py`).
package enum ServerSentEvents {
    /// `data: <compact json>\n\n`.
    package static func data(_ event: JSONValue) -> [UInt8] {
        Array("data: ".utf8) + event.serialized() + Array("\n\n".utf8)
    }

    /// `event: <type>\ndata: <compact json>\n\n`, the type taken from the event's `type` member.
    package static func typed(_ event: JSONValue) -> [UInt8] {
        guard let type = event["type"]?.stringValue else { return data(event) }
        return Array("event: \(type)\n".utf8) + data(event)
    }

    /// `data: [DONE]\n\n`, the end of a chat or completions stream.
    package static let done: [UInt8] = Array("data: [DONE]\n\n".utf8)
}
