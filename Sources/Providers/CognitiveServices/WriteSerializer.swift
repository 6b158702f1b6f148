import Synchronization

/// Serialises the provider's multi-step writes (check, then write): quota accounting, custom
/// subdomain uniqueness and soft-delete moves read several resources before writing one, and
/// those reads and the write must be one atomic step, or racing PUTs could over-allocate quota
/// (docs/accounts-and-deployments.md). Quota and subdomains are derived from the store under this lock rather than kept
/// in a second ledger, so operator `reset` and durability need nothing extra.
/// The lock is held only for synchronous store calls, never across `await`.
final class WriteSerializer: Sendable {
    private let mutex = Mutex(())

    func run<Result>(_ body: () throws -> Result) rethrows -> Result {
        try mutex.withLock { _ in try body() }
    }
}
