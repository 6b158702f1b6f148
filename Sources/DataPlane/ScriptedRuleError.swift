/// A rule the operator API refuses, with the reason (400 InvalidRule).
package struct ScriptedRuleError: Error, Sendable, Equatable {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }
}
