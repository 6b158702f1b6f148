import ARMCore
import Testing

@testable import Authorization

@Suite struct RoleAssignmentTests {
    let id = ResourceID("/subscriptions/00000000-0000-4000-8000-000000000001/providers/Microsoft.Authorization/roleAssignments/a1")!

    @Test func roleGUIDIsTheLastSegmentLowerCased() {
        let assignment = RoleAssignment(
            id: id, scope: .tenantRoot,
            roleDefinitionId: "/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/B24988AC-6180-42A0-AB88-20F7382DD24C",
            principalId: "p")
        #expect(assignment.roleDefinitionGUID == "b24988ac-6180-42a0-ab88-20f7382dd24c")
        #expect(RoleAssignment(id: id, scope: .tenantRoot, roleDefinitionId: "ABC", principalId: "p").roleDefinitionGUID == "abc")
    }

    @Test func roleGUIDFollowsAChangedRoleDefinitionID() {
        var assignment = RoleAssignment(id: id, scope: .tenantRoot, roleDefinitionId: "/roleDefinitions/one", principalId: "p")
        assignment.roleDefinitionId = "/providers/Microsoft.Authorization/roleDefinitions/Two"
        #expect(assignment.roleDefinitionGUID == "two")
    }
}
