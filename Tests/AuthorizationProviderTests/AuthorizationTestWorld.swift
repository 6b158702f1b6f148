import ARMCore
import Authorization
import EmulatorHTTP
import Foundation
import Identity
import ResourcesProvider

@testable import AuthorizationProvider

/// Stands in for authentication: the caller is the principal named by `X-Test-Principal` (an object
/// id of the directory), else the operator.
struct TestCallerMiddleware: ARMMiddleware {
    let directory: Directory

    func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
        // Like AuthenticationMiddleware: an internal request keeps the caller it was sent for.
        if request.isInternal, request.caller != nil { return try await next.respond(to: request) }
        var request = request
        let objectId = request.headers["X-Test-Principal"] ?? WellKnown.operatorObjectId
        switch directory.principal(objectId: objectId) {
        case .servicePrincipal(let sp):
            request.caller = Caller(objectId: sp.objectId, tenantId: sp.tenantId, appId: sp.appId, principalType: .servicePrincipal)
        case .user(let user):
            request.caller = Caller(
                objectId: user.objectId, tenantId: user.tenantId, principalType: .user, userPrincipalName: user.userPrincipalName)
        case .managedIdentity(let identity):
            request.caller = Caller(
                objectId: identity.objectId, tenantId: identity.tenantId, appId: identity.clientId, principalType: .managedIdentity)
        case nil:
            request.caller = Caller(objectId: objectId, tenantId: WellKnown.tenantId, appId: objectId, principalType: .servicePrincipal)
        }
        return try await next.respond(to: request)
    }
}

/// Microsoft.Resources and Microsoft.Authorization behind an in-process ARM pipeline with the
/// authorization step in its place (after route match, docs/architecture.md "A request's way").
struct AuthorizationTestWorld {
    static let subscription = WellKnown.subscriptionId
    static var subscriptionID: String { "/subscriptions/\(subscription)" }

    let directory: Directory
    let store = ResourceStore()
    let evaluator: AccessEvaluator
    let provider: AuthorizationProvider
    let pipeline: ARMPipeline

    init(enforce: Bool = true) throws {
        directory = try Directory(seedPath: nil)
        evaluator = AccessEvaluator(store: store)
        provider = try AuthorizationProvider(directory: directory, store: store, evaluator: evaluator)
        provider.seed()
        let operations = LongRunningOperations(provisioningDelay: .zero)
        let resources = ResourcesProvider(
            directory: directory, store: store, operations: operations,
            registrations: [
                ResourcesProvider.registration, AuthorizationProvider.registration,
                // The storage accounts the list tests store: listings show declared types only.
                ResourceProviderRegistration(
                    namespace: "Microsoft.Storage", resourceTypes: [.init(name: "storageAccounts", apiVersions: ["2023-05-01"])]),
            ])
        let router = Router(routes: resources.routes + provider.routes + operations.routes)
        pipeline = ARMPipeline(
            middleware: [APIVersionMiddleware(), TestCallerMiddleware(directory: directory), RouteMatchMiddleware(router: router)]
                + (enforce ? [AuthorizationMiddleware(evaluator: evaluator)] : []) + [ResourceGroupMiddleware(store: store)],
            router: router)
    }

    struct Reply {
        let status: Int
        let json: JSONValue?
        var code: String? { json?["error"]?["code"]?.stringValue }
        var message: String? { json?["error"]?["message"]?.stringValue }
    }

    func send(
        _ method: String, _ path: String, apiVersion: String = "2022-04-01", body: String? = nil, as principal: String? = nil
    ) async throws -> Reply {
        let target = path + (path.contains("?") ? "&" : "?") + "api-version=" + apiVersion
        var headers = HTTPHeaders([("Host", "localhost:8443")])
        if body != nil { headers.add("Content-Type", "application/json") }
        if let principal { headers.add("X-Test-Principal", principal) }
        let request = HTTPRequest(method: method, target: target, headers: headers, body: Array((body ?? "").utf8), isTLS: true)
        let response = await pipeline.handle(request)
        let json: JSONValue? = response.body.isEmpty ? Optional.none : try JSONParser.parse(response.body)
        return Reply(status: response.status, json: json)
    }

    /// A new service principal with no role.
    func newPrincipal(_ name: String = "tester") -> ServicePrincipal {
        directory.createServicePrincipal(displayName: name)
    }

    static func roleID(_ guid: String) -> String { "\(subscriptionID)/providers/Microsoft.Authorization/roleDefinitions/\(guid)" }

    /// PUT a role assignment as the operator; returns the reply.
    @discardableResult
    func assign(
        _ roleGUID: String, to principal: String, at scope: String, name: String = newGUID(), condition: String? = nil
    ) async throws -> Reply {
        var properties = #""roleDefinitionId":"\#(Self.roleID(roleGUID))","principalId":"\#(principal)""#
        if let condition { properties += #","condition":"\#(condition)","conditionVersion":"2.0""# }
        return try await send(
            "PUT", "\(scope)/providers/Microsoft.Authorization/roleAssignments/\(name)", body: #"{"properties":{\#(properties)}}"#)
    }

    func createGroup(_ name: String) async throws {
        let reply = try await send(
            "PUT", "\(Self.subscriptionID)/resourcegroups/\(name)", apiVersion: "2024-11-01", body: #"{"location":"eastus"}"#)
        precondition(reply.status == 201, "group \(name): \(reply.status)")
    }

    /// A resource written straight into the store (no provider for it on this branch).
    func createResource(_ id: String) throws {
        let resourceID = ResourceID(id)!
        try store.put(
            resourceID,
            body: JSONObject([
                ("id", .string(id)), ("name", .string(resourceID.name)), ("type", .string(resourceID.fullType)), ("location", "eastus"),
            ]))
    }

    enum Role {
        static let owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"
        static let contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c"
        static let reader = "acdd72a7-3385-48ef-bd42-f606fba81ae7"
        static let userAccessAdministrator = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"
        static let aiDeveloper = "64702f94-c441-49e6-a78b-ef80e0188fee"
        static let aiAdministrator = "b78c5d69-af96-48a3-bf8d-a8b4d589de94"
        static let aiUser = "53ca6127-db72-4b80-b1b0-d745d6d5456d"
        static let aiAccountOwner = "e47c6f54-e4a2-4754-9501-8e0985b135e1"
        static let openAIUser = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"
        static let blobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe"
    }
}
