import Foundation
import Synchronization

/// ARM's request token buckets (learn.microsoft.com "request-limits-and-throttling"; reference
/// docs/azure-behaviours.md "Throttling"): per subscription (or tenant) and principal, reads 250 refilling 25/s, writes and deletes
/// 200 refilling 10/s. The emulator only reports the remaining tokens in
/// `x-ms-ratelimit-remaining-*`; it never answers 429 on its own.
package final class RateLimiter: Sendable {
    package enum Kind: String, Sendable, CaseIterable {
        case reads
        case writes
        case deletes

        /// GET/HEAD/OPTIONS read, DELETE deletes, everything else writes.
        package init(method: String) {
            switch method.uppercased() {
            case "GET", "HEAD", "OPTIONS": self = .reads
            case "DELETE": self = .deletes
            default: self = .writes
            }
        }

        package var capacity: Double { self == .reads ? 250 : 200 }
        package var refillPerSecond: Double { self == .reads ? 25 : 10 }
    }

    struct Bucket {
        var tokens: Double
        var updated: Date
    }

    /// A bucket's owner. Fields rather than one joined string: no text built per request.
    struct BucketKey: Hashable {
        /// The lower-cased subscription id, or `tenant`.
        var scope: String
        /// The lower-cased principal object id.
        var principal: String
        var kind: Kind
    }

    private let buckets = Mutex<[BucketKey: Bucket]>([:])

    package init() {}

    /// Takes one token from the bucket of `scope` (a subscription id, or nil for tenant-level
    /// requests) and `principal`, and answers the whole tokens left (never below 0).
    package func consume(scope: String?, principal: String, kind: Kind, at date: Date = Date()) -> Int {
        let key = BucketKey(scope: scope?.lowercasedIfNeeded ?? "tenant", principal: principal.lowercasedIfNeeded, kind: kind)
        return buckets.withLock { buckets in
            // Updated in place: one hash lookup.
            let fresh = Bucket(tokens: kind.capacity, updated: date)
            return Self.take(from: &buckets[key, default: fresh], kind: kind, at: date)
        }
    }

    private static func take(from bucket: inout Bucket, kind: Kind, at date: Date) -> Int {
        let elapsed = max(0, date.timeIntervalSince(bucket.updated))
        bucket.tokens = min(kind.capacity, bucket.tokens + elapsed * kind.refillPerSecond)
        bucket.updated = date
        bucket.tokens = max(0, bucket.tokens - 1)
        return Int(bucket.tokens.rounded(.down))
    }

    /// The header ARM reports the count in: `x-ms-ratelimit-remaining-subscription-reads`, or the
    /// `tenant` variant for requests outside a subscription.
    /// Literals: every ARM response names one, and interpolating it cost an allocation each time.
    package static func headerName(kind: Kind, subscriptionScoped: Bool) -> String {
        switch (kind, subscriptionScoped) {
        case (.reads, true): "x-ms-ratelimit-remaining-subscription-reads"
        case (.writes, true): "x-ms-ratelimit-remaining-subscription-writes"
        case (.deletes, true): "x-ms-ratelimit-remaining-subscription-deletes"
        case (.reads, false): "x-ms-ratelimit-remaining-tenant-reads"
        case (.writes, false): "x-ms-ratelimit-remaining-tenant-writes"
        case (.deletes, false): "x-ms-ratelimit-remaining-tenant-deletes"
        }
    }

    package func reset() {
        buckets.withLock { $0 = [:] }
    }
}
