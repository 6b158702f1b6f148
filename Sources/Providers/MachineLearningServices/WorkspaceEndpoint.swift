import ARMCore
import Foundation
import Identity
import JSON

/// A serverless or online endpoint PUT (`ServerlessEndpoint`, `OnlineEndpoint`;
/// docs/azure-behaviours.md "Microsoft.MachineLearningServices"), validated: a known region,
/// `properties` with one of the flavor's `authMode`s. Client keys go to private state, never the
/// body; the server fills the URIs and `provisioningState`.
struct WorkspaceEndpoint: Sendable {
    let id: ResourceID
    let type: String
    let input: JSONObject
    let properties: JSONObject
    let location: String
    let tags: JSONObject
    /// `keys` as the client sent them (kept over generated ones).
    let keys: JSONObject?

    init(input: JSONObject, id: ResourceID, flavor: EndpointFlavor) throws {
        let location = try Workspace.location(input["location"])
        guard var properties = input["properties"]?.objectValue else { throw ARMError.workspaceMissingProperty("properties") }
        guard let modeText = properties["authMode"]?.stringValue else { throw ARMError.workspaceMissingProperty("properties.authMode") }
        guard let mode = flavor.authModes.first(where: { $0.lowercased() == modeText.lowercased() }) else {
            throw ARMError.workspaceInvalidValue("properties.authMode", value: modeText, allowed: flavor.authModes)
        }
        properties["authMode"] = .string(mode)
        self.keys = properties["keys"]?.objectValue
        properties["keys"] = nil
        for (key, value) in flavor.uri(id.name, location).pairs { properties[key] = value }
        properties["provisioningState"] = "Succeeded"
        self.tags = try TagRules.validate(input["tags"] ?? .object(JSONObject()))
        self.id = id
        self.type = MachineLearningServicesProvider.workspaceType + "/" + flavor.collection
        self.input = input
        self.properties = properties
        self.location = location
    }

    /// Endpoint names: 3-32 letters, digits and hyphens, starting with a letter.
    static func checkName(_ name: String, flavor: EndpointFlavor) throws {
        let characters = Array(name)
        let valid =
            (3...32).contains(characters.count) && characters[0].isASCII && characters[0].isLetter
            && characters.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        guard valid else {
            throw ARMError.invalidResourceName(
                name, type: MachineLearningServicesProvider.workspaceType + "/" + flavor.collection,
                rule: "Endpoint names must be 3 to 32 characters long, start with a letter and contain only letters, digits and '-'.")
        }
    }

    /// The body and private state (the keys: sent, kept, or new) to store over `current`.
    func stored(over current: StoredResource?, caller: Caller?, at date: Date) -> (body: JSONObject, privateState: JSONObject) {
        var body = JSONObject([
            ("id", .string(id.description)), ("name", .string(id.name)), ("type", .string(type)),
            ("location", .string(location)), ("tags", .object(tags)),
        ])
        for key in ["kind", "identity", "sku"] { if let value = input[key] { body[key] = value } }
        body["properties"] = .object(properties)
        body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: current?.body["systemData"]))
        var privateState = current?.privateState ?? JSONObject()
        privateState["primaryKey"] = keys?["primaryKey"] ?? privateState["primaryKey"] ?? .string(MachineLearningServicesProvider.newKey())
        privateState["secondaryKey"] =
            keys?["secondaryKey"] ?? privateState["secondaryKey"] ?? .string(MachineLearningServicesProvider.newKey())
        return (body, privateState)
    }
}
