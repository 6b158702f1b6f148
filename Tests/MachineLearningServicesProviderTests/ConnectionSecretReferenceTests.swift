import Testing

@testable import MachineLearningServicesProvider

/// The secret a connection names, in Key Vault's identifier form or, for state written before the
/// data plane was served, as the secret's ARM id (read as its latest version).
@Suite struct ConnectionSecretReferenceTests {
    @Test func readsBothFormsAndNamesTheDataPlanePath() throws {
        let versioned = try #require(ConnectionSecretReference("https://HubKV.vault.azure.net/secrets/connection-1/abc123"))
        #expect(versioned == ConnectionSecretReference(vault: "hubkv", name: "connection-1", version: "abc123"))
        #expect(versioned.path == "/dataplane/hubkv.vault.azure.net/secrets/connection-1/abc123")
        #expect(versioned.unversioned.path == "/dataplane/hubkv.vault.azure.net/secrets/connection-1")
        #expect(versioned.identifier == "https://hubkv.vault.azure.net/secrets/connection-1/abc123")

        let legacy = try #require(
            ConnectionSecretReference(
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/hubkv/secrets/connection-1"))
        #expect(legacy == ConnectionSecretReference(vault: "hubkv", name: "connection-1", version: nil))

        #expect(ConnectionSecretReference("https://example.com/secrets/x") == nil)
        #expect(ConnectionSecretReference("https://hubkv.vault.azure.net/keys/x") == nil)
        #expect(ConnectionSecretReference("not an id") == nil)
    }
}
