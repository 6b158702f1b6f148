import ARMCore
import Authorization
import Foundation

/// A role-assignment list's `$filter` (docs/azure-behaviours.md "Role assignments", EMULATOR
/// CHOICE): `atScope()` (at or above the scope), `principalId eq '{id}'`, `assignedTo('{id}')` (the
/// principal's own and its groups' assignments), joined with `and`. Without `atScope()` the list
/// spans assignments at, above and below the scope.
struct RoleAssignmentFilter {
    var atScope = false
    var principal: String?
    /// `assignedTo`: the principal and its groups (lower-case); empty otherwise.
    var principals: Set<String> = []

    /// Any other clause is 400 `UnsupportedQueryParameter`.
    init(_ filter: String?, groupMemberships: (String) -> [String]) throws {
        guard let filter, !filter.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        for clause in filter.components(separatedBy: " and ") {
            let text = clause.trimmingCharacters(in: .whitespaces)
            let lowered = text.lowercased()
            if lowered == "atscope()" {
                atScope = true
            } else if lowered.hasPrefix("principalid eq ") {
                principal = AuthorizationProvider.unquote(String(text.dropFirst("principalid eq ".count)))
            } else if lowered.hasPrefix("assignedto(") && lowered.hasSuffix(")") {
                let id = AuthorizationProvider.unquote(String(text.dropFirst("assignedto(".count).dropLast())).lowercased()
                principal = id
                principals = Set([id] + groupMemberships(id).map { $0.lowercased() })
            } else {
                throw ARMError.unsupportedRoleFilter(filter)
            }
        }
    }

    func matches(_ assignment: RoleAssignment, scope: ResourceID) -> Bool {
        if !principals.isEmpty {
            if !principals.contains(assignment.principalId) { return false }
        } else if let principal, assignment.principalId != principal.lowercased() {
            return false
        }
        let aboveOrAt = assignment.applies(to: scope)
        return atScope ? aboveOrAt : (aboveOrAt || scope.isAncestor(of: assignment.scope))
    }
}
