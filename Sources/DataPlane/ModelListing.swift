import ARMCore
import JSON

/// `GET /openai/models`: the base models available to the resource, not its deployments (as
/// Azure answers; the shape of an observed answer: id, `created_at`, `status`,
/// `lifecycle_status`, `capabilities`, plus `object`/`created`/`owned_by` that openai's `Model` reads).
enum ModelListing {
    /// `gpt-4o-2024-08-06` for dated versions, the bare name otherwise (`text-embedding-3-small`).
    static func id(of model: CatalogModel) -> String {
        let dated = model.version.count == 10 && model.version.filter { $0 == "-" }.count == 2
        return dated ? "\(model.name)-\(model.version)" : model.name
    }

    static func json(_ model: CatalogModel) -> JSONValue {
        func flag(_ name: String) -> JSONValue { .bool(model.capabilities[name]?.stringValue?.lowercased() == "true") }
        let lifecycle: String
        switch model.lifecycleStatus.lowercased() {
        case "preview": lifecycle = "preview"
        case "deprecated", "deprecating": lifecycle = "deprecated"
        default: lifecycle = "generally-available"
        }
        return [
            "id": .string(id(of: model)), "object": "model", "created": 1_715_558_400, "created_at": 1_715_558_400,
            "owned_by": .string(model.format.lowercased() == "openai" ? "system" : model.format), "status": "succeeded",
            "lifecycle_status": .string(lifecycle),
            "capabilities": [
                "fine_tune": false, "inference": true, "completion": flag("completion"), "chat_completion": flag("chatCompletion"),
                "embeddings": flag("embeddings"),
            ],
        ]
    }

    static func list(_ models: [CatalogModel]) -> JSONValue {
        var seen = Set<String>()
        let unique = models.filter { seen.insert(id(of: $0).lowercased()).inserted }
        return ["object": "list", "data": .array(unique.map(json))]
    }
}
