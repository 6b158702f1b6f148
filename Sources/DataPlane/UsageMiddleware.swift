/// Counts every call that reached a deployment (`UsageCounters`) and notes the deployment and
/// tokens for the access log, whatever the rest of the chain answers.
struct UsageMiddleware: DataPlaneMiddleware {
    let usage: UsageCounters

    nonisolated(nonsending) func respond(to request: DataPlaneRequest, next: any DataPlaneResponder) async throws -> DataPlaneAnswer {
        guard let deployment = request.deployment else { return try await next.respond(to: request) }
        request.trace.update { $0.deployment = deployment.id.name }
        do {
            let answer = try await next.respond(to: request)
            usage.record(
                deployment.id, status: answer.response.status, promptTokens: answer.promptTokens, completionTokens: answer.completionTokens)
            request.trace.update {
                $0.promptTokens = answer.promptTokens
                $0.completionTokens = answer.completionTokens
            }
            return answer
        } catch let error as DataPlaneError {
            usage.record(deployment.id, status: error.status, promptTokens: 0, completionTokens: 0)
            throw error
        }
    }
}
