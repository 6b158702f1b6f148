import ARMCore

/// Where a proxied call goes: the Cognitive Services account behind a connection or endpoint, and
/// the resource manager that owns it (nil: this emulator, reached at the base URL the client used).
struct ProxyTarget: Sendable {
    var accountID: ResourceID
    /// `metadata.ResourceManagerUrl` of the connection (EMULATOR CHOICE), e.g.
    /// `https://127.0.0.1:9443` for an account that lives in a second emulator.
    var resourceManagerURL: String?
    /// The account's inference endpoint as the connection names it (`target`).
    var endpointURI: String?
}
