/// The answer of the evaluator for one principal, action and scope.
package struct AccessDecision: Sendable {
    package var allowed: Bool
    /// The grant that allowed the action (the first found, most specific scope first). Kept as the
    /// grant's reference: copying its assignment and role into every decision retained each of
    /// their strings (perf of an authenticated GET).
    let grant: Grant?
    /// True when some assignment would have granted the action but a condition (of the
    /// assignment or of the role) was not fulfilled: ARM then says "or an ABAC condition not
    /// fulfilled" (docs/azure-behaviours.md "Denials").
    package var deniedByCondition: Bool

    /// The assignment that granted the action.
    package var assignment: RoleAssignment? { grant?.assignment }
    /// The role of that assignment.
    package var role: RoleDefinition? { grant?.role }

    package static let denied = AccessDecision(allowed: false, grant: nil, deniedByCondition: false)
}
