import ARMCore

/// First step: the host names the account. A host of no account gets the 404 of
/// `DataPlaneError.unknownHost` (on Azure the name would not resolve).
struct AccountMiddleware: DataPlaneStep {
    let accounts: AccountDirectory

    func prepare(_ request: DataPlaneRequest) throws {
        guard let subdomain = AccountDirectory.subdomain(of: request.host), let account = accounts.account(subdomain: subdomain) else {
            throw DataPlaneError.unknownHost(request.host)
        }
        let location = account.body["location"]?.stringValue?.lowercased() ?? ""
        request.trace.update { $0.region = AzureRegion.lookup(location)?.displayName ?? location }
        request.account = account
    }
}
