import ARMCore
import JSON

/// A project's stored responses (`store`, the default) in the store (`ProjectObjects`): the
/// response object, and privately this call's input items and its `previous_response_id`, so a
/// chain is rebuilt by walking back rather than copying the whole history into every response.
struct ProjectResponses {
    let store: ResourceStore
    let project: ResourceID

    func checkRoom() throws {
        if store.children(of: project, type: ProjectObjects.responseType).count >= ProjectLimits.responses {
            throw DataPlaneError.limitExceeded("stored responses", limit: ProjectLimits.responses)
        }
    }

    func save(_ response: JSONValue, input: [JSONValue], previous: String?) throws {
        guard let id = response["id"]?.stringValue, !id.isEmpty, let body = response.objectValue else { return }
        let state: JSONObject = ["input": .array(input), "previous": previous.map(JSONValue.string) ?? .null]
        try store.put(ProjectObjects.response(project, id), body: body, privateState: state, bodyETag: false)
    }

    func record(_ id: String) throws -> StoredResource {
        guard let stored = store.get(ProjectObjects.response(project, id)) else { throw DataPlaneError.responseNotFound(id) }
        return stored
    }

    func get(_ id: String) throws -> JSONValue { .object(try record(id).body) }

    func delete(_ id: String) throws -> JSONValue {
        let stored = try record(id)
        try store.delete(stored.id)
        return ["id": .string(stored.id.name), "object": "response", "deleted": true]
    }

    func inputItems(_ id: String) throws -> [JSONValue] {
        try record(id).privateState["input"]?.arrayValue ?? []
    }

    /// The conversation up to and including `id`: each response's input, then its output, oldest
    /// first. A link that was deleted ends the walk (the older part is gone with it).
    func history(_ id: String) throws -> [JSONValue] {
        var chain: [[JSONValue]] = []
        var next: String? = id
        var seen = Set<String>()
        var first = true
        while let current = next, seen.insert(current).inserted, seen.count <= ProjectLimits.responses {
            guard let stored = store.get(ProjectObjects.response(project, current)) else {
                if first { throw DataPlaneError.responseNotFound(current) }
                break
            }
            first = false
            chain.append((stored.privateState["input"]?.arrayValue ?? []) + (stored.body["output"]?.arrayValue ?? []))
            next = stored.privateState["previous"]?.stringValue
        }
        return chain.reversed().flatMap { $0 }
    }
}
