import ARMCore
import Foundation
import JSON

/// The `--seed FILE` document: objects added to the well-known world. Ids left out are generated
/// once, when the file is loaded. Keys starting with `_` or `$` are comments; any other unknown key
/// is an error, so a misspelt field never passes silently. Example: Tests/IdentityTests/Fixtures/seed-example.json.
package struct DirectorySeed: Sendable, Decodable {
    package struct TenantEntry: Sendable, Decodable {
        package var tenantId: String?
        package var displayName: String
        /// Defaults to the display name, lower-cased letters and digits only, + `.onmicrosoft.com`.
        package var defaultDomain: String?
    }

    package struct SubscriptionEntry: Sendable, Decodable {
        package var subscriptionId: String?
        /// Defaults to the well-known tenant.
        package var tenantId: String?
        package var displayName: String
        /// Defaults to `Enabled`.
        package var state: String?
    }

    package struct ServicePrincipalEntry: Sendable, Decodable {
        package var displayName: String
        package var clientId: String?
        /// Generated when absent (read it back from `/_emulator/principals`).
        package var clientSecret: String?
        package var objectId: String?
        package var tenantId: String?
    }

    package struct UserEntry: Sendable, Decodable {
        package var userPrincipalName: String
        package var password: String
        package var objectId: String?
        /// Defaults to the part of the UPN before `@`.
        package var displayName: String?
        package var tenantId: String?
    }

    package struct ManagedIdentityEntry: Sendable, Decodable {
        package var displayName: String
        package var clientId: String?
        package var objectId: String?
        package var resourceId: String?
        package var tenantId: String?
    }

    package var tenants: [TenantEntry] = []
    package var subscriptions: [SubscriptionEntry] = []
    package var servicePrincipals: [ServicePrincipalEntry] = []
    package var users: [UserEntry] = []
    package var managedIdentities: [ManagedIdentityEntry] = []
    /// Kept as raw JSON for the RBAC engine, which gives them meaning.
    package var roleAssignments: [JSONValue] = []

    package init() {}

    /// Parses a seed document; the error names the offending field, e.g. `users[0].password`.
    package init(json data: Data) throws(DirectoryError) {
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
    package init(contentsOf path: String) throws(DirectoryError) {
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
