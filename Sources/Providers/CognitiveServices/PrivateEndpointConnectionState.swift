import ARMCore
import JSON

/// The approval or rejection of a private endpoint connection that exists (the REST spec's
/// `PrivateLinkServiceConnectionState`): only `status`, `description` and `actionsRequired` of
/// `properties.privateLinkServiceConnectionState` change.
struct PrivateEndpointConnectionState {
    static let statuses = ["Pending", "Approved", "Rejected", "Disconnected"]

    let status: String
    let given: JSONObject

    init(input: JSONObject) throws {
        guard let state = input["properties"]?["privateLinkServiceConnectionState"]?.objectValue else {
            throw ARMError.invalidResourceProperties("The property 'properties.privateLinkServiceConnectionState' is required.")
        }
        guard let text = state["status"]?.stringValue, let status = Self.statuses.first(where: { $0.lowercased() == text.lowercased() })
        else {
            throw ARMError.invalidResourceProperties(
                "The property 'privateLinkServiceConnectionState.status' must be one of \(Self.statuses.joined(separator: ", ")).")
        }
        self.status = status
        given = state
    }

    /// The stored connection's body with this state.
    func apply(to body: inout JSONObject) {
        var current = body["properties"]?["privateLinkServiceConnectionState"]?.objectValue ?? JSONObject()
        current["status"] = .string(status)
        for key in ["description", "actionsRequired"] { if let value = given[key] { current[key] = value } }
        body["properties"]?["privateLinkServiceConnectionState"] = .object(current)
    }
}
