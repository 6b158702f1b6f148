import ARMCore
import EmulatorHTTP
import Foundation

/// Answers model calls by sending them to an OpenAI-compatible server (`--model-backend URL`):
/// Ollama (`http://localhost:11434/v1`, docs.ollama.com "OpenAI compatibility"), llama.cpp's
/// `llama-server` (its README: `/v1/chat/completions`, `/v1/completions`, `/v1/embeddings`), vLLM.
///
/// The client's body goes out as sent, with `model` replaced by the backend's model name; the
/// answer comes back with `model` set to the deployment's model, as Azure's answers carry it.
/// Streams are passed through event by event as they arrive. A backend that cannot be reached is a
/// 502, one that does not answer within `timeoutSeconds` a 504; the deadline covers the whole call,
/// or the first byte of a stream.
package struct ForwardingBackend: ModelBackend {
    package let baseURL: URL
    package let timeoutSeconds: Double
    /// Lower-cased deployment or model name -> the backend's model name.
    let modelMap: [String: String]
    /// `timeoutSeconds` bounds a call up to the response head and every silence after it; the
    /// whole call (a stream's first byte) is bounded by `answer`'s own deadline.
    let client: HTTPClient

    /// - Parameters:
    ///   - baseURL: the server's OpenAI base, up to and including `/v1` (`http://localhost:11434/v1`).
    ///   - modelMap: deployment names or model names (case-insensitive; a deployment name wins) to
    ///     the backend's model names (`gpt-4o` -> `llama3.2`); other calls send the deployment's model.
    ///   - timeoutSeconds: the deadline of a call (of a stream's first byte).
    package init(baseURL: URL, modelMap: [String: String], timeoutSeconds: Double) {
        self.baseURL = baseURL
        self.timeoutSeconds = timeoutSeconds
        self.modelMap = Dictionary(modelMap.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.client = HTTPClient(configuration: HTTPClientConfiguration(timeout: timeoutSeconds, idleTimeout: timeoutSeconds))
    }

    package nonisolated(nonsending) func answer(_ call: ModelCall) async throws -> ModelAnswer {
        let transfer: HTTPClientTransfer
        do {
            transfer = try client.stream(try request(for: call))
        } catch {
            throw dataPlaneError(error)
        }
        // Weak: only the answer's body may keep the transfer alive, so that dropping it unwritten
        // ends the upstream call at once, however late this cancelled task gets to run.
        let deadline = Task { [timeoutSeconds, weak transfer] in
            try await Task.sleep(for: .seconds(timeoutSeconds))
            transfer?.cancel(DataPlaneError.gatewayTimeout(seconds: timeoutSeconds))
        }
        do {
            return try await withTaskCancellationHandler {
                try await call.stream
                    ? streamed(call, transfer: transfer, deadline: deadline) : complete(call, transfer: transfer, deadline: deadline)
            } onCancel: {
                transfer.cancel(CancellationError())
            }
        } catch {
            deadline.cancel()
            transfer.cancel(error)
            throw dataPlaneError(error)
        }
    }

    /// The backend's model name for a call: the deployment's mapping, else the model's, else the model.
    package func backendModel(for call: ModelCall) -> String {
        modelMap[call.deployment.lowercased()] ?? modelMap[call.model.lowercased()] ?? call.model
    }

    /// `{base}/chat/completions` and its siblings: the OpenAI paths every compatible server serves
    /// below its `/v1` base.
    func endpoint(for operation: ModelCall.Operation) -> URL {
        let path =
            switch operation {
            case .chatCompletions: "chat/completions"
            case .completions: "completions"
            case .embeddings: "embeddings"
            case .responses: "responses"
            }
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return URL(string: base + "/" + path) ?? baseURL.appendingPathComponent(path)
    }

    /// Whatever ended a call, as the data plane's error: the backend's own 4xx, a 504, or a 502.
    func dataPlaneError(_ error: any Error) -> DataPlaneError {
        switch error {
        case let error as DataPlaneError: return error
        case let error as HTTPClientError where error.kind == .timeout: return .gatewayTimeout(seconds: timeoutSeconds)
        case let error as HTTPClientError where error.kind == .cancelled:
            return .badGateway("the call to \(baseURL.absoluteString) was cancelled.")
        case let error as HTTPClientError:
            let reason = error.message.hasSuffix(".") ? String(error.message.dropLast()) : error.message
            return .badGateway("could not reach \(baseURL.absoluteString) (\(reason)).")
        case is CancellationError: return .badGateway("the call to \(baseURL.absoluteString) was cancelled.")
        default: return .badGateway("the call to \(baseURL.absoluteString) failed: \(error).")
        }
    }
}
