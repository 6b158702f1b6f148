/// What answers model calls: the built-in responder (the default), or a forwarding backend that
/// sends each call to an OpenAI-compatible server (`--model-backend`).
package protocol ModelBackend: Sendable {
    func answer(_ call: ModelCall) async throws -> ModelAnswer
}
