/// The answer of the evaluator for one principal, action and scope.
public struct AccessDecision: Sendable {
    public var allowed: Bool
    /// The assignment that granted the action (the first found, most specific scope first).
    public var assignment: RoleAssignment?
    /// The role of that assignment.
    public var role: RoleDefinition?
    /// True when some assignment would have granted the action but a condition (of the
    /// assignment or of the role) was not fulfilled: ARM then says "or an ABAC condition not
    /// fulfilled" (docs/azure-behaviours.md "Denials").
    public var deniedByCondition: Bool

    public static let denied = AccessDecision(allowed: false, assignment: nil, role: nil, deniedByCondition: false)
}
