import ARMCore
import Foundation

/// The `--seed FILE` document: objects added to the well-known world. Ids left out are generated
/// once, when the file is loaded. Keys starting with `_` or `$` are comments; any other unknown key
/// is an error, so a misspelt field never passes silently. Example: Tests/IdentityTests/Fixtures/seed-example.json.
public struct DirectorySeed: Sendable, Decodable {
    public struct TenantEntry: Sendable, Decodable {
        public var tenantId: String?
        public var displayName: String
        /// Defaults to the display name, lower-cased letters and digits only, + `.onmicrosoft.com`.
        public var defaultDomain: String?
    }

    public struct SubscriptionEntry: Sendable, Decodable {
        public var subscriptionId: String?
        /// Defaults to the well-known tenant.
        public var tenantId: String?
        public var displayName: String
        /// Defaults to `Enabled`.
        public var state: String?
    }

    public struct ServicePrincipalEntry: Sendable, Decodable {
        public var displayName: String
        public var clientId: String?
        /// Generated when absent (read it back from `/_emulator/principals`).
        public var clientSecret: String?
        public var objectId: String?
        public var tenantId: String?
    }

    public struct UserEntry: Sendable, Decodable {
        public var userPrincipalName: String
        public var password: String
        public var objectId: String?
        /// Defaults to the part of the UPN before `@`.
        public var displayName: String?
        public var tenantId: String?
    }

    public struct ManagedIdentityEntry: Sendable, Decodable {
        public var displayName: String
        public var clientId: String?
        public var objectId: String?
        public var resourceId: String?
        public var tenantId: String?
    }

    public var tenants: [TenantEntry] = []
    public var subscriptions: [SubscriptionEntry] = []
    public var servicePrincipals: [ServicePrincipalEntry] = []
    public var users: [UserEntry] = []
    public var managedIdentities: [ManagedIdentityEntry] = []
    /// Kept as raw JSON for the RBAC engine, which gives them meaning.
    public var roleAssignments: [JSONValue] = []

    public init() {}

    /// Parses a seed document; the error names the offending field, e.g. `users[0].password`.
    public init(json data: Data) throws(DirectoryError) {
        do {
            self = try JSONDecoder().decode(DirectorySeed.self, from: data)
        } catch let error as DirectoryError {
            throw error
        } catch let error as DecodingError {
            throw DirectoryError("Invalid seed file: \(DirectorySeed.describe(error))")
        } catch {
            throw DirectoryError("Invalid seed file: \(error)")
        }
    }

    /// Reads and parses a seed file.
    public init(contentsOf path: String) throws(DirectoryError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw DirectoryError("Cannot read seed file '\(path)': \(error.localizedDescription)")
        }
        do {
            try self.init(json: data)
        } catch {
            throw DirectoryError("\(path): \(error.message)")
        }
    }
}
