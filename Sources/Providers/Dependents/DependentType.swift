import ARMCore
import Foundation
import JSON

/// One of the minimal resource types a hub depends on (docs/azure-behaviours.md "Dependent resources of a hub"): what its id looks like,
/// the api-versions it advertises, how its name is checked and which read-only properties the service
/// fills in. Only the envelope and a few server-filled properties are modelled; data planes are not.
struct DependentType: Sendable {
    let namespace: String
    let type: String
    let apiVersions: [String]
    /// Throws the service's own error for a bad name.
    let validateName: @Sendable (String) throws -> Void
    /// Kind when the client sends none, e.g. `StorageV2`.
    let defaultKind: String?
    let defaultSKU: JSONValue?
    /// Server-filled properties merged over the client's: `(name, location, tenantId, existing)`.
    let serverProperties: @Sendable (_ name: String, _ location: String, _ existing: JSONObject?) -> JSONObject
    /// The operation group of the route operationIDs when the type's own name would clash with
    /// another provider's (`Workspaces_*` is Machine Learning's); nil: the type, capitalised.
    var operationGroup: String? = nil
    /// The PUT status of a new resource: Storage's spec allows only 200 and 202 for
    /// `StorageAccounts_Create` (azure-mgmt-storage rejects a 201), the others answer 201.
    var createdStatus: Int = 201
    /// Private state a new resource starts with (a storage account's keys); nil: none.
    var initialPrivateState: (@Sendable (Date) -> JSONObject)? = nil

    var fullType: String { namespace + "/" + type }
    var registration: ResourceProviderRegistration.ResourceType {
        .init(name: type, apiVersions: apiVersions, locations: AzureRegion.allNames, capabilities: "SupportsTags, SupportsLocation")
    }
}

extension DependentType {
    static let storageAccounts = DependentType(
        namespace: "Microsoft.Storage", type: "storageAccounts",
        apiVersions: ["2024-01-01", "2023-05-01", "2023-01-01", "2022-09-01", "2021-09-01", "2019-06-01"],
        validateName: { name in
            guard (3...24).contains(name.count), name.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) }) else {
                throw ARMError.storageAccountNameInvalid(name)
            }
        },
        defaultKind: "StorageV2", defaultSKU: ["name": "Standard_LRS", "tier": "Standard"],
        serverProperties: { name, location, existing in
            let blob = "https://\(name).blob.core.windows.net/"
            return [
                "provisioningState": "Succeeded",
                "primaryLocation": .string(location),
                "statusOfPrimary": "available",
                "creationTime": existing?["creationTime"] ?? .string(ARMTimestamp.string(from: Date())),
                "primaryEndpoints": [
                    "blob": .string(blob), "dfs": .string("https://\(name).dfs.core.windows.net/"),
                    "file": .string("https://\(name).file.core.windows.net/"),
                    "queue": .string("https://\(name).queue.core.windows.net/"),
                    "table": .string("https://\(name).table.core.windows.net/"),
                    "web": .string("https://\(name).z13.web.core.windows.net/"),
                ],
            ]
        },
        createdStatus: 200, initialPrivateState: { date in StorageAccountKeys.initial(at: date) })

    static let vaults = DependentType(
        namespace: "Microsoft.KeyVault", type: "vaults",
        apiVersions: ["2024-11-01", "2023-07-01", "2023-02-01", "2022-07-01", "2021-10-01", "2019-09-01"],
        validateName: { name in
            let characters = Array(name)
            guard (3...24).contains(characters.count), characters[0].isASCII, characters[0].isLetter,
                characters.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
                characters.last != "-", !name.contains("--")
            else { throw ARMError.vaultNameNotValid(name) }
        },
        defaultKind: nil, defaultSKU: nil,
        serverProperties: { name, _, _ in
            ["vaultUri": .string("https://\(name).vault.azure.net/"), "provisioningState": "Succeeded"]
        })

    static let registries = DependentType(
        namespace: "Microsoft.ContainerRegistry", type: "registries",
        apiVersions: ["2023-07-01", "2023-01-01-preview", "2022-12-01", "2021-09-01", "2019-05-01"],
        validateName: { name in
            guard (5...50).contains(name.count), name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw ARMError.invalidResourceName(
                    name, type: "Microsoft.ContainerRegistry/registries",
                    rule: "Registry names must be 5 to 50 characters long and contain only letters and digits.")
            }
        },
        defaultKind: nil, defaultSKU: ["name": "Basic", "tier": "Basic"],
        serverProperties: { name, _, existing in
            [
                "loginServer": .string(name.lowercased() + ".azurecr.io"),
                "creationDate": existing?["creationDate"] ?? .string(ARMTimestamp.string(from: Date())),
                "provisioningState": "Succeeded",
            ]
        })

    static let components = DependentType(
        namespace: "Microsoft.Insights", type: "components",
        apiVersions: ["2020-02-02", "2018-05-01-preview", "2015-05-01"],
        validateName: { name in try NameRules.validateResourceName(name, type: "Microsoft.Insights/components") },
        defaultKind: "web", defaultSKU: nil,
        serverProperties: { name, _, existing in
            let key = existing?["InstrumentationKey"]?.stringValue ?? newGUID()
            return [
                "ApplicationId": .string(name),
                "AppId": existing?["AppId"] ?? .string(newGUID()),
                "InstrumentationKey": .string(key),
                "ConnectionString": .string("InstrumentationKey=\(key)"),
                "provisioningState": "Succeeded",
            ]
        })

    /// Log Analytics workspaces: azure-ai-ml's template for a default workspace creates one for
    /// its Application Insights component.
    static let logAnalyticsWorkspaces = DependentType(
        namespace: "Microsoft.OperationalInsights", type: "workspaces",
        apiVersions: ["2023-09-01", "2022-10-01", "2021-06-01", "2020-08-01"],
        validateName: { name in
            let characters = Array(name)
            guard (4...63).contains(characters.count),
                characters.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
                characters.first != "-", characters.last != "-"
            else {
                throw ARMError.invalidResourceName(
                    name, type: "Microsoft.OperationalInsights/workspaces",
                    rule: "Workspace names must be 4 to 63 characters of letters, digits and '-', starting and ending with "
                        + "a letter or digit.")
            }
        },
        defaultKind: nil, defaultSKU: nil,
        serverProperties: { _, _, existing in
            let now = ARMTimestamp.string(from: Date())
            return [
                "customerId": existing?["customerId"] ?? .string(newGUID()),
                "provisioningState": "Succeeded",
                "createdDate": existing?["createdDate"] ?? .string(now),
                "modifiedDate": .string(now),
            ]
        },
        operationGroup: "LogAnalyticsWorkspaces")

    static let all: [DependentType] = [.storageAccounts, .vaults, .registries, .components, .logAnalyticsWorkspaces]
}
