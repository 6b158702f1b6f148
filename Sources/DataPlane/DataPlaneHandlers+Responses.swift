import ARMCore
import JSON

/// The Responses API's stored side: responses created with `store` (the default) can be
/// retrieved, deleted and continued with `previous_response_id`.
extension DataPlaneHandlers {
    func createResponse(_ request: DataPlaneRequest) async throws -> DataPlaneAnswer {
        let account = try request.requiredAccount
        var history: [JSONValue] = []
        if let previous = request.body?["previous_response_id"]?.stringValue {
            guard let entry = responses.get(previous, account: account.id) else { throw DataPlaneError.responseNotFound(previous) }
            history = entry.items
        }
        let answer = try await run(request, .responses, history: history)
        if request.body?["store"]?.boolValue != false, let response = answer.body, let id = response["id"]?.stringValue {
            let items = history + Self.inputItems(request.body?["input"]) + (response["output"]?.arrayValue ?? [])
            responses.store(id, account: account.id, response: response, items: items)
        }
        return answer.dataPlaneAnswer
    }

    func getResponse(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let id = try request.parameter("responseId")
        guard let entry = responses.get(id, account: try request.requiredAccount.id) else { throw DataPlaneError.responseNotFound(id) }
        return .json(200, entry.response)
    }

    func deleteResponse(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let id = try request.parameter("responseId")
        guard responses.delete(id, account: try request.requiredAccount.id) else { throw DataPlaneError.responseNotFound(id) }
        return .json(200, ["id": .string(id), "object": "response", "deleted": true])
    }

    /// `input` as items: a string is one user message.
    static func inputItems(_ input: JSONValue?) -> [JSONValue] {
        if let text = input?.stringValue { return [["type": "message", "role": "user", "content": .string(text)]] }
        return input?.arrayValue ?? []
    }
}
