import ARMCore
import ModelInference

/// The model layer behind every deployment: a scripted rule that applies answers first (after its
/// latency), otherwise the configured backend (built-in responder or forwarding).
package final class ModelService: Sendable {
    package let rules: ScriptedRules
    package let backend: any ModelBackend

    package init(backend: any ModelBackend = BuiltInBackend(), rules: ScriptedRules = ScriptedRules()) {
        self.backend = backend
        self.rules = rules
    }

    package nonisolated(nonsending) func answer(_ call: ModelCall) async throws -> ModelAnswer {
        if let rule = rules.take(for: call) {
            if rule.latencyMilliseconds > 0 { try await Task.sleep(for: .milliseconds(rule.latencyMilliseconds)) }
            if let reply = rule.reply { return try ScriptedAnswer.answer(reply, to: call) }
        }
        return try await backend.answer(call)
    }

    /// What a call is charged against the deployment's token window: Azure's estimate, prompt plus
    /// `max_tokens` (`Tokenizer.estimatedRateLimitTokens`), by the tokenizer that counts usage. A
    /// body that does not parse is charged nothing: its handler answers 400.
    package func rateLimitCharge(for request: DataPlaneRequest) -> Int {
        guard let body = request.body else { return 0 }
        switch request.route?.capability {
        case .chatCompletion?: return (try? ChatCompletionRequest(json: body)).map(Tokenizer.estimatedRateLimitTokens(for:)) ?? 0
        case .completion?: return (try? CompletionRequest(json: body)).map(Tokenizer.estimatedRateLimitTokens(for:)) ?? 0
        case .embeddings?: return (try? EmbeddingsRequest(json: body)).map(Tokenizer.estimatedRateLimitTokens(for:)) ?? 0
        case .responses?: return (try? ResponsesRequest(json: body)).map(Tokenizer.estimatedRateLimitTokens(for:)) ?? 0
        case nil: return 0
        }
    }
}
