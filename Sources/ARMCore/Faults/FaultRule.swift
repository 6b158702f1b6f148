/// One fault a test asked for with `POST /_emulator/faults` (docs/reference.md "Fault and latency injection"): requests whose method and
/// path match get a delay, an ARM error instead of their handler, or a long-running operation that
/// ends `Failed`. Injected errors answer before the handler runs, so they never change stored state.
package struct FaultRule: Sendable, Equatable {
    package var id: String
    /// Upper-cased; nil matches every method.
    package var method: String?
    /// A case-insensitive glob over the decoded path, where `*` matches any run of characters
    /// (slashes included): `/subscriptions/*/resourceGroups/*`.
    package var path: String
    /// The error to answer with; nil for a delay-only or operation-failure rule.
    package var status: Int?
    package var code: String?
    package var message: String?
    /// Chance in [0, 1] that a matching request is affected.
    package var probability: Double
    /// Requests still to affect; nil is unlimited. The rule goes away when it reaches zero.
    package var remaining: Int?
    package var delayMilliseconds: Int
    /// `Retry-After` seconds on the injected error (429 and 503 get 1 when absent).
    package var retryAfterSeconds: Int?
    /// Let the request through but make the long-running operation it starts end `Failed` with
    /// this rule's code and message (Azure's failed provisioning), and without running its work.
    package var failOperation: Bool

    package init(
        id: String, method: String? = nil, path: String, status: Int? = nil, code: String? = nil, message: String? = nil,
        probability: Double = 1, remaining: Int? = nil, delayMilliseconds: Int = 0, retryAfterSeconds: Int? = nil,
        failOperation: Bool = false
    ) {
        self.id = id
        self.method = method?.uppercased()
        self.path = path
        self.status = status
        self.code = code
        self.message = message
        self.probability = probability
        self.remaining = remaining
        self.delayMilliseconds = delayMilliseconds
        self.retryAfterSeconds = retryAfterSeconds
        self.failOperation = failOperation
    }
}
