import ARMCore
import JSON

/// A deployment as the Foundry project API shows it (azure-ai-projects `ModelDeployment`):
/// `{"type":"ModelDeployment","name","modelName","modelVersion","modelPublisher","capabilities","sku"}`.
enum ProjectDeployment {
    static func json(_ deployment: StoredResource) -> JSONValue {
        let properties = deployment.body["properties"]
        let model = properties?["model"]
        let sku = deployment.body["sku"]
        var capabilities = JSONObject()
        for (key, value) in properties?["capabilities"]?.objectValue?.pairs ?? [] {
            capabilities[key] = .string(value.stringValue ?? value.description)
        }
        return [
            "type": "ModelDeployment", "name": .string(deployment.id.name),
            "modelName": .string(model?["name"]?.stringValue ?? ""), "modelVersion": .string(model?["version"]?.stringValue ?? ""),
            "modelPublisher": .string(model?["format"]?.stringValue ?? ""), "capabilities": .object(capabilities),
            "sku": [
                "name": .string(sku?["name"]?.stringValue ?? ""), "capacity": .int(Int64(sku?["capacity"]?.intValue ?? 0)),
                "family": "", "size": "", "tier": "",
            ],
        ]
    }

    /// The list filters of `deployments.list(model_publisher=, model_name=, deployment_type=)`.
    static func matches(_ json: JSONValue, publisher: String?, modelName: String?, type: String?) -> Bool {
        func same(_ field: String, _ wanted: String?) -> Bool {
            wanted == nil || json[field]?.stringValue?.lowercased() == wanted?.lowercased()
        }
        return same("modelPublisher", publisher) && same("modelName", modelName) && same("type", type)
    }
}
