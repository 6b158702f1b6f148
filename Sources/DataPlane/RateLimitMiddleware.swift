import ARMCore
import EmulatorHTTP
import Foundation

/// Sixth step: the deployment's rate limits (`DeploymentRateLimiter`). Over a limit: 429 with
/// Azure's text naming the operation and api-version, `retry-after` and `retry-after-ms`; admitted
/// calls carry `x-ratelimit-remaining-requests` / `-tokens`, the two headers Azure sends
/// (Azure/azure-rest-api-specs#26884).
struct RateLimitMiddleware: DataPlaneMiddleware {
    let limiter: DeploymentRateLimiter
    /// The estimate a call is charged (the same tokenizer that counts usage).
    let charge: @Sendable (DataPlaneRequest) -> Int

    nonisolated(nonsending) func respond(to request: DataPlaneRequest, next: any DataPlaneResponder) async throws -> DataPlaneAnswer {
        guard let deployment = request.deployment, let route = request.route else { return try await next.respond(to: request) }
        let limits = DeploymentRateLimits(deployment: deployment)
        switch limiter.admit(deployment.id.key, limits: limits, tokens: charge(request)) {
        case .failure(let refusal):
            let seconds = max(1, Int(refusal.retryAfterSeconds.rounded(.up)))
            let milliseconds = max(1, Int((refusal.retryAfterSeconds * 1000).rounded(.up)))
            let kind = request.account?.body["kind"]?.stringValue ?? "OpenAI"
            throw DataPlaneError.rateLimited(
                operation: route.operationID, apiVersion: request.apiVersion, limit: refusal.kind,
                tier: kind.lowercased() == "aiservices" ? "AIServices" : "OpenAI", retryAfter: seconds, retryAfterMilliseconds: milliseconds
            )
        case .success(let remaining):
            var answer = try await next.respond(to: request)
            if let requests = remaining.requests { answer.response.headers.set("x-ratelimit-remaining-requests", String(requests)) }
            if let tokens = remaining.tokens { answer.response.headers.set("x-ratelimit-remaining-tokens", String(tokens)) }
            return answer
        }
    }
}
