import ARMCore
import JSON

/// Translation between the workspace-scoped shapes of docs/azure-behaviours.md "Hub control-plane proxy routes" and the account's
/// deployment and model shapes (docs/azure-behaviours.md "Model deployments"), and the `id`/`type` rewrite.
extension ControlPlaneProxy {
    /// `EndpointDeploymentResourcePropertiesBasicResource` -> `Deployment` body for the account:
    /// `properties.sku` (or a top-level `sku`) moves to the top; `model`, `raiPolicyName`,
    /// `versionUpgradeOption` stay in `properties`.
    static func accountDeploymentBody(from input: JSONObject) throws -> JSONObject {
        guard let given = input["properties"] else { throw ARMError.workspaceMissingProperty("properties") }
        guard let properties = given.objectValue else {
            throw ARMError.workspaceInvalidValue("properties", value: given.kindName, allowed: ["an object"])
        }
        guard properties["model"]?.objectValue != nil else { throw ARMError.workspaceMissingProperty("properties.model") }
        var out = JSONObject()
        if let sku = properties["sku"]?.objectValue ?? input["sku"]?.objectValue { out["sku"] = .object(sku) }
        var accountProperties = JSONObject()
        for key in ["model", "raiPolicyName", "versionUpgradeOption", "scaleSettings"] {
            if let value = properties[key], value != .null { accountProperties[key] = value }
        }
        out["properties"] = .object(accountProperties)
        return out
    }

    /// An account `Deployment` -> the workspace-scoped deployment under `parent`
    /// (`.../connections/{c}` or `.../endpoints/{e}`) with `type` `typeName`.
    static func workspaceDeployment(_ value: JSONValue, parent: ResourceID, childType: String, typeName: String) -> JSONValue {
        guard let body = value.objectValue else { return value }
        let name = body["name"]?.stringValue ?? ""
        let account = body["properties"]?.objectValue ?? JSONObject()
        let model = account["model"]?.objectValue ?? JSONObject()
        var properties = JSONObject()
        properties["type"] = .string(endpointType(ofModelFormat: model["format"]?.stringValue))
        properties["model"] = .object(
            JSONObject([
                ("name", model["name"] ?? .null), ("format", model["format"] ?? .null), ("source", model["source"] ?? .null),
                ("version", model["version"] ?? .null),
            ]))
        if let sku = body["sku"] { properties["sku"] = sku }
        for key in ["raiPolicyName", "versionUpgradeOption", "provisioningState", "failureReason"] {
            if let value = account[key] { properties[key] = value }
        }
        var out = JSONObject([
            ("id", .string(parent.child(type: childType, name: name).description)), ("name", .string(name)), ("type", .string(typeName)),
            ("properties", .object(properties)),
        ])
        if let systemData = body["systemData"] { out["systemData"] = systemData }
        if let etag = body["etag"] { out["etag"] = etag }
        return .object(out)
    }

    /// The endpoint type a deployment is reported under: every account that hosts deployments
    /// (OpenAI, AIServices) serves them through its `Azure.OpenAI` endpoint, whatever the model's
    /// publisher (EMULATOR CHOICE; the spec's examples show only this value).
    static func endpointType(ofModelFormat format: String?) -> String { "Azure.OpenAI" }

    /// An account model (`AccountModel`) -> `EndpointModelProperties` (docs/azure-behaviours.md "Hub control-plane proxy routes").
    static func endpointModel(_ value: JSONValue, connectionID: ResourceID?) -> JSONValue {
        guard let model = value.objectValue else { return value }
        var out = JSONObject()
        for key in [
            "name", "format", "version", "isDefaultVersion", "lifecycleStatus", "maxCapacity", "capabilities",
            "finetuneCapabilities", "deprecation",
        ] {
            if let field = model[key] { out[key] = field }
        }
        if let skus = model["skus"]?.arrayValue {
            out["skus"] = .array(
                skus.map { sku in
                    guard var object = sku.objectValue else { return sku }
                    if let connectionID { object["connectionIds"] = .array([.string(connectionID.description)]) }
                    return .object(object)
                })
        }
        if let systemData = model["systemData"] { out["systemData"] = systemData }
        return .object(out)
    }
}
