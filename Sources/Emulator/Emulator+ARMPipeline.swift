import ARMCore
import Authorization
import ControlPlaneProxy
import Identity
import InsightsProvider
import ResourcesProvider

extension Emulator {
    /// The ARM pipeline: the one list of middleware, in docs/architecture.md's order ("A request's way").
    /// Production builds it in `init`; the provider test suites build theirs here too, replacing only
    /// `authentication` (a test authenticator instead of JWT validation), so they run the same
    /// subscription, registration, activity-log, RBAC, fault and resource-group steps as the server. It
    /// lives in the composition root because its steps come from several targets (ARMCore, Identity,
    /// Resources, Insights, Authorization, ControlPlaneProxy) that must not import each other.
    /// Request id and common headers are the pipeline's own edge; then api-version -> authentication ->
    /// subscription -> route match -> provider registration -> activity log -> authorization (RBAC) ->
    /// on-behalf-of -> fault injection -> resource group -> handler.
    /// - Parameter evaluator: the RBAC engine; nil with `--rbac off` (no authorization step).
    package static func armPipeline(
        router: Router, authentication: any ARMMiddleware, directory: Directory, store: ResourceStore,
        recorder: ActivityLogRecorder, evaluator: AccessEvaluator?, faults: FaultInjector
    ) -> ARMPipeline {
        ARMPipeline(
            middleware: [
                APIVersionMiddleware(),
                authentication,
                // A malformed or unknown subscription is 400/404 whoever asks, before routing.
                SubscriptionMiddleware(directory: directory),
                RouteMatchMiddleware(router: router),
                // An unregistered namespace refuses writes, as ARM's front door does (docs/served.md).
                ProviderRegistrationGate(store: store),
                // Before RBAC, so denials are recorded; after authentication and route match, so every
                // recorded event has a caller, an action and a resource (docs/activity-log.md).
                recorder,
            ] + (evaluator.map { [AuthorizationMiddleware(evaluator: $0)] } ?? [])
                // After RBAC: a call the hub proxy forwards continues as the caller it names (audit).
                + [
                    OnBehalfOfMiddleware(proxyObjectId: WellKnown.hubProxyObjectId), FaultInjectionMiddleware(injector: faults),
                    // Last: ARM authorizes first (its 403 says "or the scope is invalid").
                    ResourceGroupMiddleware(store: store),
                ],
            router: router)
    }
}
