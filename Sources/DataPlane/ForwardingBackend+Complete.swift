import ARMCore
import EmulatorHTTP
import Foundation
import JSON

extension ForwardingBackend {
    /// A non-streamed call: the whole body within the deadline, then the backend's JSON with the
    /// deployment's model name and its usage.
    func complete(_ call: ModelCall, transfer: HTTPClientTransfer, deadline: Task<Void, any Error>) async throws -> ModelAnswer {
        defer { deadline.cancel() }
        let status = try await transfer.head().status
        let bytes = try await Self.rest(of: transfer)
        guard (200..<300).contains(status) else { throw backendError(status: status, body: bytes) }
        guard let json = try? JSONParser.parse(bytes), var body = json.objectValue else {
            let url = endpoint(for: call.operation).absoluteString
            throw DataPlaneError.badGateway("\(url) answered HTTP \(status) with a body that is not JSON.")
        }
        body["model"] = .string(call.model)
        if Self.wantsBase64(call) { body = Self.base64Embeddings(body) }
        let usage = body["usage"]
        let prompt = usage?["prompt_tokens"]?.intValue ?? usage?["input_tokens"]?.intValue ?? 0
        let completion = usage?["completion_tokens"]?.intValue ?? usage?["output_tokens"]?.intValue ?? 0
        return ModelAnswer(body: .object(body), promptTokens: prompt, completionTokens: completion)
    }

    /// The rest of a response's body, to its end.
    static func rest(of transfer: HTTPClientTransfer) async throws -> [UInt8] {
        var body: [UInt8] = []
        while let piece = try await transfer.next() { body.append(contentsOf: piece) }
        return body
    }

    /// A backend's failure: its own 4xx when it says why in OpenAI's `{"error":...}` shape (the
    /// client's request was wrong; Ollama and llama-server answer so), anything else a 502.
    func backendError(status: Int, body: [UInt8]) -> DataPlaneError {
        let json = try? JSONParser.parse(body)
        if (400..<500).contains(status), let json, json["error"] != nil {
            return DataPlaneError(status: status, body: json)
        }
        let detail =
            json?["error"]?["message"]?.stringValue ?? json?["error"]?.stringValue ?? String(decoding: body.prefix(300), as: UTF8.self)
        return .badGateway("\(baseURL.absoluteString) answered HTTP \(status): \(detail)")
    }
}
