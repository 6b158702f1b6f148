import ARMCore

/// Fourth step of the Key Vault data plane: `api-version` is required, in one of Key Vault's forms
/// (`7.5`, `7.6-preview.2`, and the dated versions azure-keyvault-secrets 4.11+ send, `2025-07-01`,
/// `2026-04-01`); otherwise Key Vault's 400 `BadParameter`. Any well-formed version is served alike:
/// the secrets operations the emulator serves did not change between them.
struct KeyVaultAPIVersionMiddleware: ARMMiddleware {
    func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
        guard let version = request.query["api-version"], Self.isWellFormed(version) else {
            throw ARMError.keyVaultMissingAPIVersion()
        }
        var request = request
        request.apiVersion = version
        return try await next.respond(to: request)
    }

    /// `{major}.{minor}` with an optional `-preview[.n]`, or ARM's dated form.
    static func isWellFormed(_ version: String) -> Bool {
        if APIVersionMiddleware.isWellFormed(version) { return true }
        let parts = version.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        let numbers = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 2, numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return false
        }
        return parts.count == 1 || parts[1].lowercased().hasPrefix("preview")
    }
}
