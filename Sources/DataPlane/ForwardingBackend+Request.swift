import ARMCore
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension ForwardingBackend {
    /// `POST {base}/{operation}` with the client's body, `model` set to the backend's name. The
    /// bearer token is a placeholder: Ollama and llama-server ignore it unless started with a key
    /// (docs.ollama.com "OpenAI compatibility": "api_key: required but ignored").
    func request(for call: ModelCall) -> URLRequest {
        var request = URLRequest(url: endpoint(for: call.operation))
        request.httpMethod = "POST"
        request.timeoutInterval = timeoutSeconds
        request.setValue("Bearer emulator", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(call.stream ? "text/event-stream" : "application/json", forHTTPHeaderField: "Accept")
        request.httpBody = Data(upstreamBody(for: call).serialized())
        return request
    }

    /// The client's body as the backend gets it: its `model`, and for base64 embeddings a request
    /// for floats, which `answer` encodes (Ollama ignores `encoding_format` and always answers
    /// floats, BerriAI/litellm#42421; openai-python asks for base64 by default, openai/openai-python#1490).
    func upstreamBody(for call: ModelCall) -> JSONValue {
        var body = call.body.objectValue ?? JSONObject()
        body["model"] = .string(backendModel(for: call))
        if call.operation == .embeddings, Self.wantsBase64(call) { body["encoding_format"] = "float" }
        return .object(body)
    }

    static func wantsBase64(_ call: ModelCall) -> Bool {
        call.operation == .embeddings && call.body["encoding_format"]?.stringValue?.lowercased() == "base64"
    }
}
