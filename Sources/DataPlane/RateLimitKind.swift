/// The two windows of a deployment's `rateLimits`: requests and tokens.
package enum RateLimitKind: Sendable {
    case requests
    case tokens
}
