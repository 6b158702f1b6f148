/// One role assignment of a principal with its role definition resolved: what the evaluator
/// needs, fetched once per request so that decisions no longer touch the store. Immutable and a
/// class: `AccessEvaluator` keeps them cached and every decision walks them, so passing one
/// retains a single reference instead of each string of the assignment and the role (perf: Grant
/// and RoleAssignment copies were 2% of an authenticated GET's CPU).
package final class Grant: Sendable {
    package let assignment: RoleAssignment
    /// Nil when the role definition no longer exists (such an assignment grants nothing).
    package let role: RoleDefinition?
    /// The parsed assignment condition; `.failure` when the stored text does not parse (grants nothing).
    package let condition: Result<Condition, ConditionError>?

    init(assignment: RoleAssignment, role: RoleDefinition?, condition: Result<Condition, ConditionError>?) {
        self.assignment = assignment
        self.role = role
        self.condition = condition
    }
}
