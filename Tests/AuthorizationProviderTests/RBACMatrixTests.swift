import ARMCore
import Foundation
import Identity
import Testing

@testable import AuthorizationProvider

/// The RBAC matrix over what this branch serves (resource groups, resource lists, role
/// assignments and definitions, providers): principals holding a role at subscription, resource
/// group or resource scope, or nothing, against a table of operations with the expected answer.
@Suite("RBAC matrix")
struct RBACMatrixTests {
    enum Holder: String, CaseIterable, CustomStringConvertible {
        case nothing, readerOnSubscription, readerOnGroup, contributorOnGroup, contributorOnSubscription, ownerOnGroup
        case userAccessAdministratorOnGroup, aiDeveloperOnGroup, aiAdministratorOnGroup, openAIUserOnAccount
        var description: String { rawValue }
    }

    struct Operation: Sendable, CustomStringConvertible {
        let method: String
        let path: String
        let apiVersion: String
        let body: String?
        let allowed: Set<Holder>
        var description: String { "\(method) \(path)" }
    }

    static let sub = AuthorizationTestWorld.subscriptionID
    static let group = sub + "/resourceGroups/matrix"
    static let account = group + "/providers/Microsoft.CognitiveServices/accounts/acct"
    static let assignments = "/providers/Microsoft.Authorization/roleAssignments"
    static let definitions = "/providers/Microsoft.Authorization/roleDefinitions"

    static let everyoneWithARole = Set(Holder.allCases).subtracting([.nothing])
    static let groupReaders: Set<Holder> = [
        .readerOnSubscription, .readerOnGroup, .contributorOnGroup, .contributorOnSubscription, .ownerOnGroup,
        .userAccessAdministratorOnGroup, .aiAdministratorOnGroup,
    ]
    static let groupWriters: Set<Holder> = [.contributorOnGroup, .contributorOnSubscription, .ownerOnGroup, .aiAdministratorOnGroup]
    static let assignmentReaders: Set<Holder> = groupReaders.union([.aiDeveloperOnGroup])
    static let assignmentWriters: Set<Holder> = [.ownerOnGroup, .userAccessAdministratorOnGroup]
    static let subscriptionReaders: Set<Holder> = [.readerOnSubscription, .contributorOnSubscription]

    static func assignmentBody(_ principal: String) -> String {
        #"{"properties":{"roleDefinitionId":"\#(AuthorizationTestWorld.roleID(Role.reader))","principalId":"\#(principal)","principalType":"ServicePrincipal"}}"#
    }

    static let operations: [Operation] = [
        Operation(method: "GET", path: group, apiVersion: "2024-11-01", body: nil, allowed: groupReaders),
        Operation(method: "HEAD", path: group, apiVersion: "2024-11-01", body: nil, allowed: groupReaders),
        Operation(method: "PATCH", path: group, apiVersion: "2024-11-01", body: #"{"tags":{"a":"b"}}"#, allowed: groupWriters),
        Operation(method: "PUT", path: group, apiVersion: "2024-11-01", body: #"{"location":"eastus"}"#, allowed: groupWriters),
        // Lists of resources are filtered, never refused (checked in AuthorizationMiddlewareTests).
        Operation(method: "GET", path: group + "/resources", apiVersion: "2024-11-01", body: nil, allowed: Set(Holder.allCases)),
        Operation(
            method: "PUT", path: sub + "/resourceGroups/other", apiVersion: "2024-11-01", body: #"{"location":"eastus"}"#,
            allowed: [.contributorOnSubscription]),
        Operation(method: "GET", path: sub, apiVersion: "2022-12-01", body: nil, allowed: subscriptionReaders),
        // Listing providers needs no role (the route declares no action).
        Operation(method: "GET", path: sub + "/providers", apiVersion: "2024-11-01", body: nil, allowed: Set(Holder.allCases)),
        Operation(
            method: "POST", path: sub + "/providers/Microsoft.Authorization/register", apiVersion: "2024-11-01", body: nil,
            allowed: [.contributorOnSubscription]),
        Operation(method: "GET", path: group + assignments, apiVersion: "2022-04-01", body: nil, allowed: assignmentReaders),
        Operation(
            method: "GET", path: account + assignments, apiVersion: "2022-04-01", body: nil,
            allowed: assignmentReaders.union([.openAIUserOnAccount])),
        Operation(method: "GET", path: sub + assignments, apiVersion: "2022-04-01", body: nil, allowed: subscriptionReaders),
        Operation(method: "GET", path: group + definitions, apiVersion: "2022-04-01", body: nil, allowed: assignmentReaders),
        Operation(
            method: "GET", path: account + definitions + "/\(Role.reader)", apiVersion: "2022-04-01", body: nil,
            allowed: assignmentReaders.union([.openAIUserOnAccount])),
        Operation(
            method: "PUT", path: account + assignments + "/$NEW", apiVersion: "2022-04-01", body: "$ASSIGN", allowed: assignmentWriters),
        Operation(
            method: "PUT", path: group + assignments + "/$NEW", apiVersion: "2022-04-01", body: "$ASSIGN", allowed: assignmentWriters),
        Operation(method: "PUT", path: sub + assignments + "/$NEW", apiVersion: "2022-04-01", body: "$ASSIGN", allowed: []),
        Operation(method: "DELETE", path: group + assignments + "/$NEW", apiVersion: "2022-04-01", body: nil, allowed: assignmentWriters),
        Operation(
            method: "GET", path: group + "/providers/Microsoft.Authorization/permissions", apiVersion: "2022-04-01", body: nil,
            allowed: Set(Holder.allCases)),
        Operation(
            method: "DELETE", path: group, apiVersion: "2024-11-01", body: nil,
            allowed: [.contributorOnGroup, .contributorOnSubscription, .ownerOnGroup]),
    ]

    /// Sets up one world per holder: the group, the account, and the holder's assignment.
    static func world(for holder: Holder) async throws -> (AuthorizationTestWorld, String) {
        let world = try AuthorizationTestWorld()
        try await world.createGroup("matrix")
        try world.createResource(account)
        let principal = world.newPrincipal(holder.rawValue).objectId
        let grant: (String, String)? =
            switch holder {
            case .nothing: nil
            case .readerOnSubscription: (Role.reader, sub)
            case .readerOnGroup: (Role.reader, group)
            case .contributorOnGroup: (Role.contributor, group)
            case .contributorOnSubscription: (Role.contributor, sub)
            case .ownerOnGroup: (Role.owner, group)
            case .userAccessAdministratorOnGroup: (Role.userAccessAdministrator, group)
            case .aiDeveloperOnGroup: (Role.aiDeveloper, group)
            case .aiAdministratorOnGroup: (Role.aiAdministrator, group)
            case .openAIUserOnAccount: (Role.openAIUser, account)
            }
        if let (role, scope) = grant {
            let reply = try await world.assign(role, to: principal, at: scope)
            precondition(reply.status == 201)
        }
        return (world, principal)
    }

    @Test(arguments: Holder.allCases)
    func everyOperationAnswersAsAzureWould(holder: Holder) async throws {
        for operation in Self.operations {
            let (world, principal) = try await Self.world(for: holder)
            let target = world.newPrincipal("target").objectId
            let name = newGUID()
            if operation.method == "DELETE", operation.path.contains("$NEW") {
                // Something to delete, made by the operator.
                _ = try await world.assign(Role.reader, to: target, at: Self.group, name: name)
            }
            let path = operation.path.replacingOccurrences(of: "$NEW", with: name)
            let body = operation.body == "$ASSIGN" ? Self.assignmentBody(target) : operation.body
            let reply = try await world.client.send(operation.method, path, apiVersion: operation.apiVersion, body: body, as: principal)
            let expected = operation.allowed.contains(holder)
            if expected {
                #expect(reply.status < 300, "\(holder) \(operation) should be allowed: \(reply.status) \(reply.message ?? "")")
            } else {
                #expect(reply.status == 403, "\(holder) \(operation) should be denied: \(reply.status)")
                if operation.method != "HEAD" { #expect(reply.code == "AuthorizationFailed", "\(holder) \(operation)") }
            }
        }
    }
}
