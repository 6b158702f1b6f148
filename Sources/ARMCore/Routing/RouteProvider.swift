/// A feature that serves ARM operations: a provider, the operation-status endpoints, the operator
/// API. The composition root collects every provider's routes into one `Router`.
package protocol RouteProvider: Sendable {
    var routes: [Route] { get }
}
