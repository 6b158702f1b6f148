/// What a grant decided: who gets tokens, through which client, for which scopes, and which
/// tokens come back beside the access token.
struct TokenGrant: Sendable {
    var principal: Principal
    var clientID: String
    /// "0" public client, "1" client secret (the access token's `appidacr`).
    var appidacr: String
    var scopes: RequestedScopes
    var issueRefreshToken: Bool
    var issueIDToken: Bool
}
