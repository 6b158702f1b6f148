extension FaultRule {
    package func matches(method: String, path: String) -> Bool {
        if let own = self.method, own != method.uppercased() { return false }
        return Self.glob(Array(self.path.lowercased().utf8), matches: Array(path.lowercased().utf8))
    }

    /// `*` matches any run of bytes (slashes included); everything else matches itself. Iterative
    /// with one backtrack point, so a pattern of many stars stays linear-ish instead of exponential.
    static func glob(_ pattern: [UInt8], matches text: [UInt8]) -> Bool {
        let star = UInt8(ascii: "*")
        var p = 0
        var t = 0
        var starAt = -1
        var resumeAt = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == star {
                starAt = p
                resumeAt = t
                p += 1
            } else if p < pattern.count, pattern[p] == text[t] {
                p += 1
                t += 1
            } else if starAt >= 0 {
                p = starAt + 1
                resumeAt += 1
                t = resumeAt
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == star { p += 1 }
        return p == pattern.count
    }

    /// The error this rule answers with; throttling gets ARM's 429 shape
    /// (`SubscriptionRequestsThrottled`, `Retry-After`, remaining tokens 0).
    func error(for request: ARMRequest) -> ARMError? {
        guard let status, !failOperation else { return nil }
        let retryAfter = retryAfterSeconds ?? ((status == 429 || status == 503) ? 1 : nil)
        var error: ARMError
        if status == 429, code == nil {
            let subscription = request.segments.count >= 2 && request.segments[0].lowercased() == "subscriptions" ? request.segments[1] : ""
            error = ARMError.subscriptionRequestsThrottled(
                kind: String(RateLimiter.Kind(method: request.method).rawValue.dropLast()), subscription: subscription,
                actor: request.caller?.objectId ?? "", retryAfter: retryAfter ?? 1)
            error.message = message ?? error.message
        } else {
            error = ARMError.injectedFault(status: status, code: code, message: message)
        }
        if let retryAfter { error.headers.set("Retry-After", String(retryAfter)) }
        if status == 429 {
            let kind = RateLimiter.Kind(method: request.method)
            let subscriptionScoped = request.segments.first?.lowercased() == "subscriptions"
            error.headers.set(RateLimiter.headerName(kind: kind, subscriptionScoped: subscriptionScoped), "0")
        }
        return error
    }

    /// The error an operation ends with under `failOperation`; `operationResults` answers with its
    /// status. Without one, 400: a failed provisioning is final, and a 5xx would only make the
    /// SDKs' retry policies poll it again before giving up.
    var operationError: ARMError {
        ARMError.injectedFault(status: status ?? 400, code: code ?? "ProvisioningFailed", message: message)
    }
}
