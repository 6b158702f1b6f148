import ARMCore

/// The operator API answers on loopback only, unless `--operator-key` is set: then any address
/// may call it with header `X-Emulator-Operator-Key`.
struct OperatorAccessMiddleware: ARMMiddleware {
    static let headerName = "X-Emulator-Operator-Key"
    let operatorKey: String?

    func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
        if let operatorKey {
            guard let presented = request.headers[Self.headerName], constantTimeEquals(presented, operatorKey) else {
                throw ARMError.operatorKeyRequired(header: Self.headerName)
            }
        } else if !request.http.isFromLoopback {
            throw ARMError.operatorAPILoopbackOnly
        }
        return try await next.respond(to: request)
    }

    /// Compares without an early exit, so the key cannot be guessed byte by byte from timing.
    private func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8)
        let b = Array(rhs.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<min(a.count, b.count) { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
