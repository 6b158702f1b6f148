import ARMCore
import Foundation

/// Turns an ARM request's bearer token into a `Caller`: the JWT must verify (`JWT.verify`: RS256,
/// known `kid`, signature, `exp`/`nbf` with 5 minutes of skew, known `tid`) and be an access token
/// (`idtyp` app or user, an `oid`; refresh tokens, device codes and id_tokens are refused). Any
/// audience is accepted (docs/azure-behaviours.md "What the management SDKs need"). Verified tokens are cached until they expire.
package final class TokenValidator: Sendable {
    package let directory: Directory
    let keys: [SigningKey]
    let now: @Sendable () -> Date
    let cache: VerifiedTokenCache

    /// `additionalKeys` lets tokens of another emulator (another key) through as well.
    package init(
        directory: Directory, signingKey: SigningKey, additionalKeys: [SigningKey] = [], cacheCapacity: Int = 10_000,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.directory = directory
        self.keys = [signingKey] + additionalKeys
        self.now = now
        self.cache = VerifiedTokenCache(capacity: cacheCapacity)
    }

    package func validate(bearer token: String) throws(JWTError) -> Caller {
        try validatedCaller(bearer: Substring(token)).caller
    }

    /// `validate(bearer:)` on the token as it sits in the `Authorization` header, answering the
    /// cached box of the caller: on a cache hit (nearly every ARM request) nothing is copied or
    /// allocated (perf, docs/performance.md "Shared request path (2026-12-04)").
    package func validatedCaller(bearer token: Substring) throws(JWTError) -> CallerBox {
        let current = now()
        let seconds = Int(current.timeIntervalSince1970.rounded(.down))
        if let entry = cache.lookup(token) {
            if seconds > entry.expiry + WellKnown.clockSkew {
                cache.remove(token)
                throw .expired(expiry: Date(timeIntervalSince1970: TimeInterval(entry.expiry)), now: current)
            }
            guard directory.isKnownTenant(entry.caller.tenantId) else { throw .unknownTenant(entry.caller.tenantId) }
            return entry.box
        }
        let jwt = try JWT.verify(String(token), keys: keys, isKnownTenant: directory.isKnownTenant, now: current)
        let caller = try caller(for: jwt.claims)
        let entry = VerifiedTokenCache.Entry(caller: caller, expiry: jwt.claims.exp ?? seconds)
        cache.insert(token, entry, now: seconds)
        return entry.box
    }

    /// `idtyp` "user" -> User; "app" -> ManagedIdentity when the token names one (`xms_mirid`) or the
    /// directory knows `oid` as one, else ServicePrincipal.
    func caller(for claims: JWTClaims) throws(JWTError) -> Caller {
        guard claims.use == nil, let kind = claims.idtyp, let objectID = claims.oid, let tenantID = claims.tid else {
            throw .notAnAccessToken
        }
        let appID = claims.appid ?? claims.azp
        switch kind {
        case "user":
            return Caller(
                objectId: objectID, tenantId: tenantID, appId: appID, principalType: .user,
                userPrincipalName: claims.upn ?? claims.uniqueName, displayName: claims.name, audience: claims.aud)
        case "app":
            if claims.xmsMirid != nil || directory.managedIdentity(objectId: objectID) != nil {
                let name = directory.managedIdentity(objectId: objectID)?.displayName
                return Caller(
                    objectId: objectID, tenantId: tenantID, appId: appID, principalType: .managedIdentity, displayName: name,
                    audience: claims.aud)
            }
            let name = directory.servicePrincipal(objectId: objectID)?.displayName
            return Caller(
                objectId: objectID, tenantId: tenantID, appId: appID, principalType: .servicePrincipal, displayName: name,
                audience: claims.aud)
        default:
            throw .notAnAccessToken
        }
    }
}
