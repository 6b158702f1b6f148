import ARMCore

/// Finds the vault a Key Vault data-plane host names: `{vaultName}.vault.azure.net`, the name
/// compared case-insensitively (vault names are global, docs/served.md).
struct VaultDirectory: Sendable {
    static let hostSuffix = ".vault.azure.net"

    let store: ResourceStore

    /// The vault `host` names; nil for a host of another form or of no live vault.
    func vault(host: String) -> StoredResource? {
        guard let name = Self.vaultName(host: host) else { return nil }
        return store.all(under: nil, types: [DependentType.vaults.fullType]).first { $0.id.name.lowercased() == name }
    }

    /// The lower-cased vault name of a `{name}.vault.azure.net` host.
    static func vaultName(host: String) -> String? {
        let lowered = host.lowercased()
        guard lowered.hasSuffix(hostSuffix), lowered.count > hostSuffix.count else { return nil }
        return String(lowered.dropLast(hostSuffix.count))
    }
}
