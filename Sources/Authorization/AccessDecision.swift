/// The answer of the evaluator for one principal, action and scope.
package struct AccessDecision: Sendable {
    package var allowed: Bool
    /// The assignment that granted the action (the first found, most specific scope first).
    package var assignment: RoleAssignment?
    /// The role of that assignment.
    package var role: RoleDefinition?
    /// True when some assignment would have granted the action but a condition (of the
    /// assignment or of the role) was not fulfilled: ARM then says "or an ABAC condition not
    /// fulfilled" (docs/azure-behaviours.md "Denials").
    package var deniedByCondition: Bool

    package static let denied = AccessDecision(allowed: false, assignment: nil, role: nil, deniedByCondition: false)
}
