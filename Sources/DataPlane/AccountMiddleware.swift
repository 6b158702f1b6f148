import ARMCore

/// First step: the host names the account. A host of no account gets the 404 of
/// `DataPlaneError.unknownHost` (on Azure the name would not resolve).
struct AccountMiddleware: DataPlaneMiddleware {
    let accounts: AccountDirectory

    nonisolated(nonsending) func respond(to request: DataPlaneRequest, next: any DataPlaneResponder) async throws -> DataPlaneAnswer {
        guard let subdomain = AccountDirectory.subdomain(of: request.host), let account = accounts.account(subdomain: subdomain) else {
            throw DataPlaneError.unknownHost(request.host)
        }
        let location = account.body["location"]?.stringValue?.lowercased() ?? ""
        request.trace.update { $0.region = AzureRegion.lookup(location)?.displayName ?? location }
        request.account = account
        return try await next.respond(to: request)
    }
}
