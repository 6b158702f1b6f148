/// One outbound rule of a managed network, as both Microsoft.MachineLearningServices (hub workspaces)
/// and Microsoft.CognitiveServices (Foundry accounts) define it: the `OutboundRule` discriminated union
/// of the REST specs (`FQDN`, `PrivateEndpoint`, `ServiceTag`; azure-rest-api-specs,
/// specification/machinelearningservices/.../workspaceRP.json and
/// specification/cognitiveservices/.../cognitiveservices.json). The two providers share the
/// validation and the error texts; each decides the `status` it reports.
import JSON
package struct OutboundRule: Sendable {
    package static let types = ["FQDN", "PrivateEndpoint", "ServiceTag"]
    package static let categories = ["Required", "Recommended", "UserDefined", "Dependency"]

    /// The rule as sent, with `type` and `category` in their canonical spelling.
    package var body: JSONObject
    package let type: String
    package let category: String
    package let destination: JSONValue

    /// `type` required (any case), `destination` required (a string for FQDN, an object otherwise),
    /// `category` defaulting to `UserDefined` (any case).
    package init(validating value: JSONValue) throws {
        guard var rule = value.objectValue else {
            throw ARMError.workspaceInvalidValue("properties", value: value.kindName, allowed: ["an object"])
        }
        guard let typeText = rule["type"]?.stringValue else { throw ARMError.workspaceMissingProperty("properties.type") }
        guard let type = Self.types.first(where: { $0.lowercased() == typeText.lowercased() }) else {
            throw ARMError.workspaceInvalidValue("properties.type", value: typeText, allowed: Self.types)
        }
        guard let destination = rule["destination"], destination != .null else {
            throw ARMError.workspaceMissingProperty("properties.destination")
        }
        if type == "FQDN" ? destination.stringValue == nil : destination.objectValue == nil {
            throw ARMError.workspaceInvalidValue(
                "properties.destination", value: destination.kindName, allowed: [type == "FQDN" ? "a string" : "an object"])
        }
        let categoryText = rule["category"]?.stringValue ?? "UserDefined"
        guard let category = Self.categories.first(where: { $0.lowercased() == categoryText.lowercased() }) else {
            throw ARMError.workspaceInvalidValue("properties.category", value: categoryText, allowed: Self.categories)
        }
        rule["type"] = .string(type)
        rule["category"] = .string(category)
        self.body = rule
        self.type = type
        self.category = category
        self.destination = destination
    }
}
