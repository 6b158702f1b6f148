import ARMCore
import Testing

@testable import Identity

@Suite struct VerifiedTokenCacheTests {
    private let caller = Caller(objectId: "o", tenantId: "t", principalType: .servicePrincipal)

    @Test func remembersAndForgets() {
        let cache = VerifiedTokenCache(capacity: 10)
        cache.insert("a", .init(caller: caller, expiry: 100), now: 0)
        #expect(cache.lookup("a")?.caller == caller)
        cache.remove("a")
        #expect(cache.lookup("a") == nil)
    }

    @Test func staysBounded() {
        // Given a full cache where half the entries expired
        let cache = VerifiedTokenCache(capacity: 4)
        cache.insert("old1", .init(caller: caller, expiry: 10), now: 0)
        cache.insert("old2", .init(caller: caller, expiry: 10), now: 0)
        cache.insert("new1", .init(caller: caller, expiry: 1000), now: 0)
        cache.insert("new2", .init(caller: caller, expiry: 1000), now: 0)
        // When another token comes in later
        cache.insert("new3", .init(caller: caller, expiry: 1000), now: 500)
        // Then the expired ones made room
        #expect(cache.count == 3)
        #expect(cache.lookup("old1") == nil)
        #expect(cache.lookup("new1") != nil)
        // And when nothing expired, the cache is emptied rather than growing
        cache.insert("new4", .init(caller: caller, expiry: 1000), now: 500)
        cache.insert("new5", .init(caller: caller, expiry: 1000), now: 500)
        #expect(cache.count <= 4)
    }

    @Test func hitsOnlyTheSameToken() {
        // Given a verified token, and others ending with the same signature bytes (same length
        // and same hashed suffix: they share the key's hash)
        let signature = String(repeating: "s", count: VerifiedTokenCache.Key.hashedSuffix + 8)
        let verified = "header.payloadA." + signature
        let forged = "header.payloadB." + signature
        let cache = VerifiedTokenCache(capacity: 10)
        cache.insert(verified, .init(caller: caller, expiry: 100), now: 0)
        // Then only the verified text hits: a token with a copied signature is not taken for it
        #expect(cache.lookup(verified)?.caller == caller)
        #expect(cache.lookup(forged) == nil)
        #expect(cache.lookup("x" + verified) == nil)
        #expect(cache.lookup(String(verified.dropFirst())) == nil)
        // And two such tokens are two entries
        let other = Caller(objectId: "o2", tenantId: "t", principalType: .user)
        cache.insert(forged, .init(caller: other, expiry: 100), now: 0)
        #expect(cache.count == 2)
        #expect(cache.lookup(forged)?.caller == other)
        #expect(cache.lookup(verified)?.caller == caller)
        // And a token shorter than the hashed suffix works as well
        cache.insert("abc", .init(caller: other, expiry: 100), now: 0)
        #expect(cache.lookup("abc")?.caller == other)
        #expect(cache.lookup("abd") == nil)
        cache.remove(verified)
        #expect(cache.lookup(verified) == nil)
        #expect(cache.lookup(forged)?.caller == other)
    }

    @Test func aSliceOfAHeaderFindsTheTokenItsTextNames() {
        // Given a token cached from its own string
        let cache = VerifiedTokenCache(capacity: 10)
        let token = "header.payload." + String(repeating: "s", count: VerifiedTokenCache.Key.hashedSuffix + 8)
        cache.insert(token, .init(caller: caller, expiry: 100), now: 0)
        // Then the same text as a slice of an Authorization header hits, and hands on the cached box
        let header = "Bearer " + token
        let slice = header[header.index(header.startIndex, offsetBy: 7)...]
        #expect(cache.lookup(slice)?.caller == caller)
        #expect(cache.lookup(slice)?.box === cache.lookup(token)?.box)
        // And a slice one byte short or long does not
        #expect(cache.lookup(slice.dropLast()) == nil)
        #expect(cache.lookup(header[header.index(header.startIndex, offsetBy: 6)...]) == nil)
    }
}
