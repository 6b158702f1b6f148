import Foundation
import Testing

@testable import ARMCore

@Suite struct RateLimiterTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func countsDownAndRefills() {
        let limiter = RateLimiter()
        // Reads: bucket of 250, so the first request leaves 249
        #expect(limiter.consume(scope: "s", principal: "p", kind: .reads, at: start) == 249)
        #expect(limiter.consume(scope: "s", principal: "p", kind: .reads, at: start) == 248)
        // Writes and deletes have their own buckets of 200
        #expect(limiter.consume(scope: "s", principal: "p", kind: .writes, at: start) == 199)
        #expect(limiter.consume(scope: "s", principal: "p", kind: .deletes, at: start) == 199)
        // Another principal or subscription has its own bucket
        #expect(limiter.consume(scope: "s", principal: "q", kind: .reads, at: start) == 249)
        #expect(limiter.consume(scope: "t", principal: "p", kind: .reads, at: start) == 249)
        // Subscription and principal ids name one bucket in any case; tenant-level requests have theirs
        #expect(limiter.consume(scope: "S", principal: "P", kind: .reads, at: start) == 247)
        #expect(limiter.consume(scope: nil, principal: "p", kind: .reads, at: start) == 249)
        #expect(limiter.consume(scope: nil, principal: "P", kind: .reads, at: start) == 248)
        // A second later 25 read tokens are back, capped at the bucket size
        #expect(limiter.consume(scope: "s", principal: "p", kind: .reads, at: start + 1) == 249)
        #expect(limiter.consume(scope: "s", principal: "p", kind: .writes, at: start + 60) == 199)
    }

    @Test func neverGoesBelowZeroAndNeverRefuses() {
        let limiter = RateLimiter()
        var last = 0
        for _ in 0..<300 { last = limiter.consume(scope: "s", principal: "p", kind: .writes, at: start) }
        #expect(last == 0)
    }

    @Test func kindsAndHeaderNames() {
        #expect(RateLimiter.Kind(method: "HEAD") == .reads)
        #expect(RateLimiter.Kind(method: "patch") == .writes)
        #expect(RateLimiter.Kind(method: "POST") == .writes)
        #expect(RateLimiter.Kind(method: "DELETE") == .deletes)
        #expect(RateLimiter.headerName(kind: .reads, subscriptionScoped: true) == "x-ms-ratelimit-remaining-subscription-reads")
        #expect(RateLimiter.headerName(kind: .writes, subscriptionScoped: false) == "x-ms-ratelimit-remaining-tenant-writes")
        for kind in RateLimiter.Kind.allCases {
            #expect(
                RateLimiter.headerName(kind: kind, subscriptionScoped: true) == "x-ms-ratelimit-remaining-subscription-" + kind.rawValue)
            #expect(RateLimiter.headerName(kind: kind, subscriptionScoped: false) == "x-ms-ratelimit-remaining-tenant-" + kind.rawValue)
        }
    }
}
