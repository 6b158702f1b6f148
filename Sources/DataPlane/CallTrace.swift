import Synchronization

/// What the chain learned about one call, for the access-log line written at the edge after the
/// chain (which may have thrown) is done: the deployment and the tokens.
final class CallTrace: Sendable {
    struct Facts {
        var deployment: String?
        /// The account's region, for `x-ms-region` (its display name, as Azure sends it).
        var region: String?
        var promptTokens = 0
        var completionTokens = 0
    }

    private let facts = Mutex(Facts())

    func update(_ change: (inout Facts) -> Void) { facts.withLock { change(&$0) } }

    var current: Facts { facts.withLock { $0 } }
}
