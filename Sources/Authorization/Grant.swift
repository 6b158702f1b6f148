/// One role assignment of a principal with its role definition resolved: what the evaluator
/// needs, fetched once per request so that decisions no longer touch the store.
package struct Grant: Sendable {
    package let assignment: RoleAssignment
    /// Nil when the role definition no longer exists (such an assignment grants nothing).
    package let role: RoleDefinition?
    /// The parsed assignment condition; `.failure` when the stored text does not parse (grants nothing).
    package let condition: Result<Condition, ConditionError>?
}
