import ARMCore
import Foundation
import Identity
import JSON

/// A compute PUT (`ComputeResource`, docs/azure-behaviours.md "Computes"), validated: a
/// ComputeInstance only, named by the compute name rules, in a known region (the workspace's when
/// none is given). It renders the stored body, keeping the instance's state and creation time.
struct ComputeResource: Sendable {
    let id: ResourceID
    let input: JSONObject
    let properties: JSONObject
    let location: String
    let tags: JSONObject

    /// `workspaceLocation` is the region of the workspace as clients see it (a project's hub's).
    /// The name is checked first, before the body is read (`checkName`).
    init(input: JSONObject, id: ResourceID, workspaceLocation: String) throws {
        guard let properties = input["properties"]?.objectValue else { throw ARMError.workspaceMissingProperty("properties") }
        guard let computeType = properties["computeType"]?.stringValue else {
            throw ARMError.workspaceMissingProperty("properties.computeType")
        }
        guard computeType.lowercased() == "computeinstance" else { throw ARMError.computeTypeNotSupported(computeType) }
        self.location = try input["location"].map { try Workspace.location($0) } ?? workspaceLocation
        self.tags = try TagRules.validate(input["tags"] ?? .object(JSONObject()))
        self.id = id
        self.input = input
        self.properties = properties
    }

    /// Compute names: 3-24 letters, digits and hyphens, starting with a letter.
    static func checkName(_ name: String) throws {
        guard isValidName(name) else {
            throw ARMError.invalidResourceName(
                name, type: MachineLearningServicesProvider.computeType,
                rule: "Compute names must be 3 to 24 characters long, start with a letter and contain only letters, digits and '-'.")
        }
    }

    static func isValidName(_ name: String) -> Bool {
        let characters = Array(name)
        guard (3...24).contains(characters.count), characters[0].isASCII, characters[0].isLetter else { return false }
        return characters.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    /// The body to store over `current`.
    func body(over current: StoredResource?, caller: Caller?, at date: Date) -> JSONObject {
        var filled = properties
        filled["computeType"] = "ComputeInstance"
        filled["computeLocation"] = .string(location)
        filled["provisioningState"] = "Succeeded"
        filled["createdOn"] = current?.body["properties"]?["createdOn"] ?? .string(ARMTimestamp.string(from: date))
        filled["modifiedOn"] = .string(ARMTimestamp.string(from: date))
        filled["isAttachedCompute"] = false
        filled["provisioningErrors"] = []
        filled["disableLocalAuth"] = filled["disableLocalAuth"] ?? true
        filled["properties"] = .object(instance(over: current, caller: caller))
        var body = JSONObject([
            ("id", .string(id.description)), ("name", .string(id.name)),
            ("type", .string(MachineLearningServicesProvider.computeType)), ("location", .string(location)),
            ("tags", .object(tags)),
        ])
        if let identity = input["identity"] { body["identity"] = identity }
        if let sku = input["sku"] { body["sku"] = sku }
        body["properties"] = .object(filled)
        body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: current?.body["systemData"]))
        return body
    }

    /// `properties.properties` of a ComputeInstance: the state kept (a new one is Running), the
    /// defaults, the endpoints and the creator.
    func instance(over current: StoredResource?, caller: Caller?) -> JSONObject {
        var instance = properties["properties"]?.objectValue ?? JSONObject()
        instance["state"] = current?.body["properties"]?["properties"]?["state"] ?? "Running"
        instance["vmSize"] = instance["vmSize"] ?? "STANDARD_DS3_V2"
        instance["applicationSharingPolicy"] = instance["applicationSharingPolicy"] ?? "Shared"
        instance["connectivityEndpoints"] = ["publicIpAddress": "127.0.0.1", "privateIpAddress": "10.0.0.4"]
        let name = id.name
        instance["applications"] = [
            ["displayName": "Jupyter", "endpointUri": .string("https://\(name).\(location).instances.azureml.ms/tree/")],
            ["displayName": "Jupyter Lab", "endpointUri": .string("https://\(name).\(location).instances.azureml.ms/lab")],
        ]
        if let caller {
            instance["createdBy"] = [
                "userName": .string(caller.clientName), "userOrgId": .string(caller.tenantId), "userId": .string(caller.objectId),
            ]
        }
        instance["errors"] = []
        return instance
    }
}
