import ARMCore
import Foundation
import JSON

extension ResourceGroup {
    /// A PATCH of a resource group (docs/azure-behaviours.md "Resource groups"): only `tags`
    /// (replaced wholesale), `managedBy` and `properties` are patchable.
    struct Update: Sendable {
        let tags: JSONObject?
        /// A string, `null` (remove it) or nil (leave it).
        let managedBy: JSONValue?

        init(validating input: JSONObject) throws {
            tags = input["tags"] == nil ? nil : try TagRules.validate(input["tags"])
            managedBy = try ResourceGroup.managedBy(in: input)
        }

        /// Applies the patch to the stored `body` of the group `name`; a group being deleted
        /// cannot be written.
        func apply(to body: inout JSONObject, name: String, caller: Caller?, at date: Date) throws {
            if ResourceGroup.isDeleting(body) { throw ARMError.resourceGroupBeingDeleted(name) }
            if let tags { body["tags"] = .object(tags) }
            // null removes it (JSON merge patch). Spelled out: a bare `nil` in a ternary with a
            // JSONValue would be the literal `.null` (JSONValue is ExpressibleByNilLiteral).
            if let managedBy {
                body["managedBy"] = managedBy == .null ? Optional<JSONValue>.none : managedBy
            }
            body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: body["systemData"]))
        }
    }
}
