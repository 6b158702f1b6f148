import ARMCore
import Foundation

/// Security groups and their members (Graph writes; groups count for RBAC, docs/rbac-and-hub-proxy.md).
extension Directory {
    package var groups: [Group] { state.withLock { $0.groups } }

    package func group(objectId: String) -> Group? {
        let id = objectId.lowercased()
        return state.withLock { $0.groups.first { $0.objectId == id } }
    }

    /// Whether any directory object (principal, application or group) has this object id.
    package func containsObject(_ objectId: String) -> Bool {
        principal(objectId: objectId) != nil || group(objectId: objectId) != nil || application(objectId: objectId) != nil
    }

    package func createGroup(
        displayName: String, mailNickname: String, description: String?, securityEnabled: Bool = true, mailEnabled: Bool = false,
        tenantId: String = WellKnown.tenantId, now: Date = Date()
    ) throws(DirectoryError) -> Group {
        let group = Group(
            objectId: newGUID(), displayName: displayName, mailNickname: mailNickname, description: description,
            securityEnabled: securityEnabled, mailEnabled: mailEnabled, tenantId: tenantId, createdDateTime: ARMTimestamp.string(from: now))
        try mutate { state throws(DirectoryError) in
            try state.checkNew(group)
            state.groups.append(group)
        }
        return group
    }

    /// Removes a group and its membership in other groups.
    @discardableResult
    package func removeGroup(objectId: String) -> Group? {
        let id = objectId.lowercased()
        return mutate { state -> Group? in
            guard let index = state.groups.firstIndex(where: { $0.objectId == id }) else { return nil }
            let group = state.groups.remove(at: index)
            for other in state.groups.indices { state.groups[other].members.removeAll { $0 == id } }
            return group
        }
    }

    /// Adds a direct member; throws `.conflict` when it already is one, `.notFound` for an unknown group or member.
    package func addMember(_ memberId: String, toGroup groupId: String) throws(DirectoryError) {
        let member = memberId.lowercased()
        let id = groupId.lowercased()
        guard containsObject(member), application(objectId: member) == nil else { throw .notFound("Object", memberId) }
        try mutate { state throws(DirectoryError) in
            guard let index = state.groups.firstIndex(where: { $0.objectId == id }) else { throw .notFound("Group", groupId) }
            if state.groups[index].members.contains(member) { throw .conflict("Member", memberId) }
            state.groups[index].members.append(member)
        }
    }

    /// Removes a direct member; throws `.notFound` when the group is unknown or the object is no direct member.
    package func removeMember(_ memberId: String, fromGroup groupId: String) throws(DirectoryError) {
        let member = memberId.lowercased()
        let id = groupId.lowercased()
        try mutate { state throws(DirectoryError) in
            guard let index = state.groups.firstIndex(where: { $0.objectId == id }) else { throw .notFound("Group", groupId) }
            guard let position = state.groups[index].members.firstIndex(of: member) else { throw .notFound("Member", memberId) }
            state.groups[index].members.remove(at: position)
        }
    }

    /// Every group `objectId` belongs to, directly or through nested groups (cycles are harmless).
    package func transitiveGroupIds(of objectId: String) -> [String] {
        let groups = state.withLock { $0.groups }
        guard !groups.isEmpty else { return [] }
        var found: [String] = []
        var seen: Set<String> = []
        var frontier = [objectId.lowercased()]
        while let next = frontier.popLast() {
            for group in groups where group.members.contains(next) && !seen.contains(group.objectId) {
                seen.insert(group.objectId)
                found.append(group.objectId)
                frontier.append(group.objectId)
            }
        }
        return found
    }
}
