import ARMCore
import EmulatorHTTP
import Foundation
import JSON

extension ForwardingBackend {
    /// `POST {base}/{operation}` with the client's body, `model` set to the backend's name. The
    /// bearer token is a placeholder: Ollama and llama-server ignore it unless started with a key
    /// (docs.ollama.com "OpenAI compatibility": "api_key: required but ignored").
    func request(for call: ModelCall) throws(HTTPClientError) -> HTTPClientRequest {
        let headers = HTTPHeaders([
            ("Authorization", "Bearer emulator"), ("Content-Type", "application/json"),
            ("Accept", call.stream ? "text/event-stream" : "application/json"),
        ])
        return try HTTPClientRequest(
            method: "POST", url: endpoint(for: call.operation).absoluteString, headers: headers, body: upstreamBody(for: call).serialized())
    }

    /// The client's body as the backend gets it: its `model`, and for base64 embeddings a request
    /// for floats, which `answer` encodes (Ollama ignores `encoding_format` and always answers
    /// floats, BerriAI/litellm#42421; openai-python asks for base64 by default, openai/openai-python#1490).
    func upstreamBody(for call: ModelCall) -> JSONValue {
        var body = call.body.objectValue ?? JSONObject()
        body["model"] = .string(backendModel(for: call))
        if call.operation == .embeddings, Self.wantsBase64(call) { body["encoding_format"] = "float" }
        if call.operation == .responses, !call.history.isEmpty {
            // The emulator keeps the `previous_response_id` chain; the backend never saw those ids
            // (Ollama's and llama-server's Responses endpoints are stateless), so it gets the whole
            // conversation as input instead.
            body["previous_response_id"] = nil
            body["input"] = .array(call.history + Self.inputItems(body["input"]))
        }
        return .object(body)
    }

    /// Responses `input` as items: a string is one user message (OpenAI API reference, "input").
    static func inputItems(_ input: JSONValue?) -> [JSONValue] {
        if let text = input?.stringValue { return [["role": "user", "content": .string(text)]] }
        return input?.arrayValue ?? []
    }

    static func wantsBase64(_ call: ModelCall) -> Bool {
        call.operation == .embeddings && call.body["encoding_format"]?.stringValue?.lowercased() == "base64"
    }
}
