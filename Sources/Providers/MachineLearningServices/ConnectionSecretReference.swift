import ARMCore

/// Where a connection's credentials live: a secret of its hub's key vault, named by Key Vault's
/// identifier `https://{vault}.vault.azure.net/secrets/{name}/{version}` (kept in the connection's
/// private state under `secretId`). The version pins the credentials the connection was written
/// with, so a write that fails after the secret's new version was set leaves the connection on
/// its old credentials. A state written before the data plane was served names the secret by its
/// ARM id (`.../vaults/{vault}/secrets/{name}`); it is read as the secret's latest version.
struct ConnectionSecretReference: Sendable, Equatable {
    let vault: String
    let name: String
    let version: String?

    init(vault: String, name: String, version: String?) {
        self.vault = vault.lowercased()
        self.name = name
        self.version = version
    }

    init?(_ text: String) {
        if let id = ResourceID(text), id.fullType.lowercased() == "microsoft.keyvault/vaults/secrets" {
            guard let vault = id.parent?.name else { return nil }
            self.init(vault: vault, name: id.name, version: nil)
            return
        }
        let prefix = "https://"
        guard text.lowercased().hasPrefix(prefix) else { return nil }
        let parts = text.dropFirst(prefix.count).split(separator: "/").map(String.init)
        let suffix = ".vault.azure.net"
        guard parts.count == 3 || parts.count == 4, parts[0].lowercased().hasSuffix(suffix), parts[1].lowercased() == "secrets" else {
            return nil
        }
        self.init(vault: String(parts[0].dropLast(suffix.count)), name: parts[2], version: parts.count == 4 ? parts[3] : nil)
    }

    var identifier: String {
        "https://\(vault).vault.azure.net/secrets/\(name)" + (version.map { "/" + $0 } ?? "")
    }

    /// The secret's path on the emulator's Key Vault data plane (docs/dataplane.md "Key Vault secrets").
    var path: String {
        "/dataplane/\(vault).vault.azure.net/secrets/\(name)" + (version.map { "/" + $0 } ?? "")
    }

    /// The same secret, any version (the path DeleteSecret takes).
    var unversioned: ConnectionSecretReference { ConnectionSecretReference(vault: vault, name: name, version: nil) }
}
