/// What answers model calls: the built-in responder (the default), or a forwarding backend that
/// sends each call to an OpenAI-compatible server (`--model-backend`).
/// `nonisolated(nonsending)`: it runs on the caller's executor, like the chain (`DataPlaneMiddleware`).
package protocol ModelBackend: Sendable {
    nonisolated(nonsending) func answer(_ call: ModelCall) async throws -> ModelAnswer
}
