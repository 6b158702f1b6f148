import Identity

/// Path builders for ARM ids in tests, on the well-known subscription unless told otherwise.
package enum ARMPath {
    package static func subscription(_ id: String = WellKnown.subscriptionId) -> String { "/subscriptions/\(id)" }

    package static func group(_ name: String = "rg1", subscription id: String = WellKnown.subscriptionId) -> String {
        subscription(id) + "/resourceGroups/\(name)"
    }

    /// `/subscriptions/{id}/resourceGroups/{group}/providers/{namespace}/{type}/{name}`.
    package static func resource(
        _ namespace: String, _ type: String, _ name: String, group: String = "rg1", subscription id: String = WellKnown.subscriptionId
    ) -> String {
        self.group(group, subscription: id) + "/providers/\(namespace)/\(type)/\(name)"
    }

    package static func account(_ name: String, group: String = "rg1", subscription id: String = WellKnown.subscriptionId) -> String {
        resource("Microsoft.CognitiveServices", "accounts", name, group: group, subscription: id)
    }

    package static func workspace(_ name: String, group: String = "rg1", subscription id: String = WellKnown.subscriptionId) -> String {
        resource("Microsoft.MachineLearningServices", "workspaces", name, group: group, subscription: id)
    }
}
