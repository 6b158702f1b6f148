import ARMCore
import Foundation
import Identity
import JSON

/// A workspace connection PUT or PATCH (`WorkspaceConnectionPropertiesV2`, docs/azure-behaviours.md
/// "Workspace connections"), validated: `properties` with a known `authType`, `credentials` an
/// object. The credentials never go into the body; `secretAction` says what becomes of the key
/// vault secret that holds them.
struct WorkspaceConnection: Sendable {
    let id: ResourceID
    /// The properties to store: no credentials, `metadata`, `group` and `createdByWorkspaceArmId` filled.
    let properties: JSONObject
    let secretAction: ConnectionSecretAction

    /// `existing` is the stored connection (required for a PATCH, whose properties merge into it).
    init(input: JSONObject, patch: Bool, id: ResourceID, workspace: ResourceID, existing: StoredResource?) throws {
        if let given = input["properties"], given.objectValue == nil {
            throw ARMError.workspaceInvalidValue("properties", value: given.kindName, allowed: ["an object"])
        }
        var properties = input["properties"]?.objectValue ?? JSONObject()
        if !patch, input["properties"] == nil { throw ARMError.workspaceMissingProperty("properties") }
        if patch, let current = existing?.body["properties"]?.objectValue {
            var merged = current
            merged.mergePatch(properties)
            if let credentials = properties["credentials"] { merged["credentials"] = credentials }
            properties = merged
        }
        guard let authText = properties["authType"]?.stringValue else { throw ARMError.workspaceMissingProperty("properties.authType") }
        guard let authType = Self.authTypes.first(where: { $0.lowercased() == authText.lowercased() }) else {
            throw ARMError.workspaceInvalidValue("properties.authType", value: authText, allowed: Self.authTypes)
        }
        properties["authType"] = .string(authType)
        let credentials = properties["credentials"]
        if let credentials, credentials != .null, credentials.objectValue == nil {
            throw ARMError.workspaceInvalidValue("properties.credentials", value: credentials.kindName, allowed: ["an object"])
        }
        properties["credentials"] = nil
        // The service always answers `metadata` (`{}` in the spec's examples); azure-ai-ml's list
        // fails on a connection without it.
        if properties["metadata"] == nil || properties["metadata"] == .null { properties["metadata"] = .object(JSONObject()) }
        properties["createdByWorkspaceArmId"] = .string(workspace.description)
        if let category = properties["category"]?.stringValue { properties["group"] = .string(Self.connectionGroup(category)) }
        self.id = id
        self.properties = properties
        // Credentials kept: new ones replace; none sent keeps the old secret when the auth type did
        // not change (a GET-modify-PUT round trip has no secrets to send back).
        if let credentials, credentials != .null {
            secretAction = .write(credentials)
        } else if let existing, existing.body["properties"]?["authType"]?.stringValue == authType {
            secretAction = .keep
        } else {
            secretAction = .remove
        }
    }

    /// The body to store over `current`.
    func body(over current: StoredResource?, caller: Caller?, at date: Date) -> JSONObject {
        JSONObject([
            ("id", .string(id.description)), ("name", .string(id.name)),
            ("type", .string(MachineLearningServicesProvider.connectionType)), ("properties", .object(properties)),
            ("systemData", .object(SystemData.make(caller: caller, at: date, previous: current?.body["systemData"]))),
        ])
    }

    static let authTypes = [
        "PAT", "ManagedIdentity", "UsernamePassword", "None", "SAS", "AccountKey", "ServicePrincipal", "AccessKey", "ApiKey",
        "CustomKeys", "OAuth2", "AAD",
    ]

    /// `ConnectionGroup` (read-only) derived from the category.
    static func connectionGroup(_ category: String) -> String {
        switch category.lowercased() {
        case "azureopenai", "aiservices", "cognitivesearch", "cognitiveservice", "serverless", "managedonlineendpoint":
            "AzureAI"
        case "azureblob", "adlsgen2", "azureonelake", "azuresqldb", "azuresynapseanalytics", "azuremysqldb", "azurepostgresdb",
            "azuredataexplorer", "azuremariadb", "azuresqlmi", "azuretablestorage", "containerregistry":
            "Azure"
        case "cosmosdb", "cosmosdbmongodbapi", "mongodbv2", "mongodbatlas", "cassandra", "couchbase", "redis":
            "NoSQL"
        case "s3", "amazons3compatible", "fileserver", "ftpserver", "googlecloudstorage", "hdfs", "oraclecloudstorage", "sftp":
            "File"
        case "apikey", "customkeys", "generichttp", "genericrest", "odatarest", "odbc", "git", "pythonfeed":
            "GenericProtocol"
        default:
            "ServicesAndApps"
        }
    }
}
