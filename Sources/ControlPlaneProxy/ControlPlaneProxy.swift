import ARMCore
import Foundation

/// The hub "control-plane proxy" (docs/azure-behaviours.md "Hub control-plane proxy routes"): preview routes on a
/// workspace (hub or project) that list and manage the model deployments of the Azure OpenAI /
/// AI services account a connection or endpoint points at.
///
/// Order of work for every route (docs/rbac-and-hub-proxy.md "The hub control-plane proxy"):
/// 1. the ARM pipeline authenticates the caller and authorizes the route's WORKSPACE action
///    (`Microsoft.MachineLearningServices/workspaces/connections/deployments/read`, ...) on the
///    workspace path, and nowhere else: a caller needs no role on the account (emulator choice,
///    docs/azure-behaviours.md "Hub control-plane proxy routes");
/// 2. the handler resolves the account from the connection's `metadata.ResourceId` or the
///    endpoint's `associatedResourceId` (reading workspaces and connections through the store:
///    this target imports no provider);
/// 3. it forwards the matching `Microsoft.CognitiveServices/accounts/{a}/deployments...` call with
///    EmulatorHTTP's client to the resource manager that owns the account (this emulator, or the
///    connection's `metadata.ResourceManagerUrl`), as the first-party proxy principal
///    (`HubProxyRole`), naming the original caller (`OnBehalfOf`);
/// 4. it rewrites `id` and `type` into the workspace-scoped form and the deployment shape into
///    `EndpointDeploymentResourceProperties` (docs/azure-behaviours.md "Hub control-plane proxy routes").
///
/// Failures: workspace, connection or endpoint missing: 404 (`ResourceNotFound`, ML's `NotFound`);
/// account or its group missing: the target's own 404 passes through, as do its other ARM errors
/// (quota, unknown model); unreachable target: 502 `BadGateway`; slower than `--proxy-timeout`: 504
/// `GatewayTimeout`.
///
/// Limitations: RAI policies and blocklists through the proxy, `regenerateKey`, online and
/// serverless endpoints listed through `endpoints` are not served; polling headers of a target's
/// asynchronous answer are dropped (the client polls the proxied resource instead).
package struct ControlPlaneProxy: Sendable, RouteProvider {
    let store: ResourceStore
    let forwarder: ProxyForwarder
    let now: @Sendable () -> Date

    package init(store: ResourceStore, forwarder: ProxyForwarder, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.forwarder = forwarder
        self.now = now
    }

    static let namespace = "Microsoft.MachineLearningServices"
    static let workspaceType = namespace + "/workspaces"
    static let endpointType = workspaceType + "/endpoints"
    static let endpointDeploymentType = workspaceType + "/endpoints/deployments"
    static let connectionDeploymentType = workspaceType + "/connections/deployments"
    static let accountType = "Microsoft.CognitiveServices/accounts"
    static let workspacePattern =
        "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
        + "/providers/Microsoft.MachineLearningServices/workspaces/{workspaceName}"
    /// The Cognitive Services api-version of forwarded calls when the client sends no
    /// `proxy-api-version` ("Api version used by proxy call", docs/azure-behaviours.md "Hub control-plane proxy routes").
    static let defaultProxyAPIVersion = "2024-10-01"

    package var routes: [Route] { connectionRoutes + endpointRoutes }

    /// Types to add to Microsoft.MachineLearningServices' provider registration.
    package static let resourceTypes = [
        "workspaces/endpoints", "workspaces/endpoints/deployments", "workspaces/connections/deployments", "workspaces/deployments",
    ]
}
