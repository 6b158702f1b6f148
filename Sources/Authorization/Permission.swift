import ARMCore
import JSON

/// One block of a role definition's `permissions` (ARM `Permission`): effective control-plane
/// access is `actions - notActions`, data-plane access `dataActions - notDataActions`, per block
/// (role-definitions.md: "NotActions is not a deny rule"). The delegating built-ins (Azure AI
/// Project Manager, Azure AI Account Owner) carry a `condition` on the block itself.
package struct Permission: Sendable, Equatable {
    package var actions: [String]
    package var notActions: [String]
    package var dataActions: [String]
    package var notDataActions: [String]
    package var condition: String?
    package var conditionVersion: String?

    package init(
        actions: [String] = [], notActions: [String] = [], dataActions: [String] = [], notDataActions: [String] = [],
        condition: String? = nil, conditionVersion: String? = nil
    ) {
        self.actions = actions
        self.notActions = notActions
        self.dataActions = dataActions
        self.notDataActions = notDataActions
        self.condition = condition
        self.conditionVersion = conditionVersion
    }

    /// Reads a `Permission` object; missing arrays are empty, non-string entries are an error.
    package init(json: JSONValue) throws {
        func strings(_ key: String) throws -> [String] {
            guard let value = json[key], value != .null else { return [] }
            let invalid = ARMError.invalidRequestContent("'permissions.\(key)' must be an array of strings.")
            guard let array = value.arrayValue else { throw invalid }
            return try array.map { item in
                guard let text = item.stringValue else { throw invalid }
                return text
            }
        }
        self.init(
            actions: try strings("actions"), notActions: try strings("notActions"), dataActions: try strings("dataActions"),
            notDataActions: try strings("notDataActions"), condition: json["condition"]?.stringValue,
            conditionVersion: json["conditionVersion"]?.stringValue)
    }

    /// The wire form; every array is present even when empty (docs/azure-behaviours.md "Permissions").
    package var json: JSONValue {
        var object = JSONObject([
            ("actions", .array(actions.map(JSONValue.string))),
            ("notActions", .array(notActions.map(JSONValue.string))),
            ("dataActions", .array(dataActions.map(JSONValue.string))),
            ("notDataActions", .array(notDataActions.map(JSONValue.string))),
        ])
        if let condition {
            object["condition"] = .string(condition)
            object["conditionVersion"] = .string(conditionVersion ?? "2.0")
        }
        return .object(object)
    }

    /// Whether this block grants `action` (control plane) or `dataAction`: some allowed pattern
    /// matches and no excluded pattern does. The block's condition is checked by the evaluator.
    package func grants(_ action: String, isDataAction: Bool) -> Bool {
        let allowed = isDataAction ? dataActions : actions
        let excluded = isDataAction ? notDataActions : notActions
        return allowed.contains { ActionPattern.matches($0, action) } && !excluded.contains { ActionPattern.matches($0, action) }
    }
}
