/// The wire form of an error (RPC common-api-details "Error Response Content"; docs/azure-behaviours.md "Error responses").
import JSON
extension ARMError {
    /// `{"code","message","target"?,"details"?}`: the inner object, also used for `details[]`
    /// and for the `error` of a failed operation status.
    package var errorObjectJSON: JSONValue {
        var object: JSONObject = ["code": .string(code), "message": .string(message)]
        if let target { object["target"] = .string(target) }
        if !details.isEmpty { object["details"] = .array(details.map(\.errorObjectJSON)) }
        return .object(object)
    }

    /// `{"error":{…}}`.
    package var envelopeJSON: JSONValue { ["error": errorObjectJSON] }
}
