import ARMCore
import Synchronization

/// Finds the account behind a data-plane host by its custom subdomain, the way Azure's DNS does:
/// `{sub}.openai.azure.com`, `{sub}.cognitiveservices.azure.com` and `{sub}.services.ai.azure.com`
/// all lead to the account whose `customSubDomainName` is `{sub}` (case-insensitive). The index
/// is rebuilt only when an account changed (a store revision of the account type), since every
/// data-plane call asks.
package final class AccountDirectory: Sendable {
    package static let accountType = "Microsoft.CognitiveServices/accounts"
    /// The host suffixes an account's endpoints use (learn.microsoft.com/azure/ai-services/cognitive-services-custom-subdomains).
    static let hostSuffixes = [".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com"]

    let store: ResourceStore
    let accountRevision: TypeRevision
    private let index = Mutex<(revision: ResourceStore.Revision, bySubdomain: [String: ResourceID])?>(nil)

    package init(store: ResourceStore) {
        self.store = store
        accountRevision = store.typeRevision(Self.accountType)
    }

    /// The subdomain label of a data-plane host, or nil for a host of no account family.
    package static func subdomain(of host: String) -> String? {
        let host = host.lowercasedIfNeeded
        for suffix in hostSuffixes where host.hasSuffix(suffix) {
            let label = String(host.dropLast(suffix.count))
            return label.isEmpty || label.utf8.contains(UInt8(ascii: ".")) ? nil : label
        }
        return nil
    }

    /// The account with that custom subdomain, read fresh from the store (keys, state).
    package func account(subdomain: String) -> StoredResource? {
        let revision = accountRevision.current
        let map: [String: ResourceID]
        if let cached = index.withLock({ $0 }), cached.revision == revision {
            map = cached.bySubdomain
        } else {
            var built: [String: ResourceID] = [:]
            for account in store.all(under: nil, types: [Self.accountType]) {
                if let label = account.body["properties"]?["customSubDomainName"]?.stringValue?.lowercased() {
                    built[label] = account.id
                }
            }
            index.withLock { $0 = (revision, built) }
            map = built
        }
        return map[subdomain.lowercasedIfNeeded].flatMap(store.get)
    }
}
