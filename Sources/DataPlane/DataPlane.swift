import ARMCore
import Authorization
import EmulatorHTTP
import Foundation
import Identity

/// The Azure OpenAI / Foundry data plane that accounts and projects advertise, under
/// `{origin}/dataplane/{real host}/...` (docs/dataplane.md). It is not ARM: its own chain
/// (account by subdomain -> route -> key or token -> body -> data action -> agent -> deployment ->
/// usage -> rate limit -> handler), its own error shapes, and the common headers of the real service on
/// every answer. It reads accounts, deployments, keys, projects and connections from the store and
/// never imports a provider.
package final class DataPlane: Sendable {
    package let usage: UsageCounters
    package let limiter: DeploymentRateLimiter
    package let handlers: DataPlaneHandlers
    package let router: DataPlaneRouter
    /// The chain (docs/dataplane.md "The chain"), its steps cast once.
    let chain: DataPlaneChain
    /// nil when the log level drops the access log: the line is then not even built.
    let accessLog: (@Sendable (String) -> Void)?

    /// - Parameters:
    ///   - evaluator: the RBAC engine; nil when RBAC is not enforced (`--rbac off`).
    ///   - limitsEnabled: false with `--dataplane-limits off` (load tests).
    package init(
        store: ResourceStore, validator: TokenValidator, evaluator: AccessEvaluator?, models: ModelService,
        catalog: @escaping ModelCatalogLookup, limitsEnabled: Bool = true, accessLog: (@Sendable (String) -> Void)? = nil
    ) {
        usage = UsageCounters()
        limiter = DeploymentRateLimiter()
        // Runs call models in the background and are charged to the same windows and counters.
        let agentRuns = AgentRuns(objects: AgentStore(store: store), models: models, limiter: limitsEnabled ? limiter : nil, usage: usage)
        handlers = DataPlaneHandlers(store: store, models: models, catalog: catalog, agentRuns: agentRuns)
        router = DataPlaneRouter(routes: handlers.routes)
        self.accessLog = accessLog
        // Nothing is working after a restart: runs recovered from --data-dir in progress end now.
        agentRuns.settleInterrupted()
        // The chain, in order (docs/dataplane.md "The chain").
        chain = DataPlaneChain(
            middleware: [
                AccountMiddleware(accounts: AccountDirectory(store: store)),
                RouteMiddleware(router: router),
                CredentialMiddleware(validator: validator),
                BodyMiddleware(),
            ] + (evaluator.map { [DataActionMiddleware(evaluator: $0)] } ?? [])
                + [AgentMiddleware(store: store), DeploymentMiddleware(store: store), UsageMiddleware(usage: usage)]
                + (limitsEnabled ? [RateLimitMiddleware(limiter: limiter, charge: { models.rateLimitCharge(for: $0) })] : []))
    }

    /// Answers `/dataplane/{host}/...`; never throws: errors become the service's error bodies.
    package nonisolated(nonsending) func handle(_ http: HTTPRequest) async -> HTTPResponse {
        let started = ContinuousClock.now
        // Decoded and dropped in place: mapping into new arrays showed in a profile of chat completions.
        var segments = http.path.nonEmptyPathSegments
        let requestID = newGUID()
        var response: HTTPResponse
        var request: DataPlaneRequest?
        if segments.count >= 2 {
            let host = segments[1].removingPercentEncodingLeniently.lowercasedIfNeeded
            segments.removeFirst(2)
            for index in segments.indices { segments[index] = segments[index].removingPercentEncodingLeniently }
            let call = DataPlaneRequest(http: http, host: host, segments: segments, requestID: requestID)
            request = call
            do {
                response = try await chain.respond(to: call).response
            } catch let error as DataPlaneError {
                response = error.response
            } catch {
                response = DataPlaneError.internalError().response
            }
        } else {
            response = DataPlaneError.resourceNotFound().response
        }
        addCommonHeaders(&response, http: http, requestID: requestID, region: request?.trace.current.region)
        log(http, request: request, response: response, started: started)
        return response
    }

    /// The headers clients and logs read on every answer of the real service (the spec's
    /// `apim-request-id`; `x-request-id`, `x-ms-region`, `x-ms-client-request-id` as observed on
    /// Azure OpenAI answers).
    func addCommonHeaders(_ response: inout HTTPResponse, http: HTTPRequest, requestID: String, region: String?) {
        response.headers.set("apim-request-id", requestID)
        response.headers.set("x-request-id", requestID)
        if let region, !region.isEmpty { response.headers.set("x-ms-region", region) }
        if let clientRequestID = http.headers["x-ms-client-request-id"] { response.headers.set("x-ms-client-request-id", clientRequestID) }
        response.headers.set("x-content-type-options", "nosniff")
    }

    /// One access-log line per call: method, path, status, deployment, tokens, milliseconds.
    func log(_ http: HTTPRequest, request: DataPlaneRequest?, response: HTTPResponse, started: ContinuousClock.Instant) {
        guard let accessLog else { return }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        let facts = request?.trace.current
        let tokens = facts.map { "\($0.promptTokens)+\($0.completionTokens)" } ?? "0+0"
        // Tenths of a millisecond by integer arithmetic: String(format:) showed in a profile of chat completions.
        let tenths = Int((milliseconds * 10).rounded())
        accessLog(
            "\(http.method) \(http.path) \(response.status) deployment=\(facts?.deployment ?? "-") tokens=\(tokens) "
                + "\(tenths / 10).\(tenths % 10)ms \(response.headers["apim-request-id"] ?? "-")")
    }

    /// Operator reset: scripted rules, counters, windows and stored responses start empty, and
    /// every run's task stops.
    package func reset() {
        handlers.agentRuns.reset()
        handlers.models.rules.removeAll()
        usage.reset()
        limiter.reset()
        handlers.responses.reset()
    }
}
