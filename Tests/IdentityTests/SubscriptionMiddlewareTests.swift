import ARMCore
import EmulatorHTTP
import JSON
import Testing

@testable import Identity

@Suite struct SubscriptionMiddlewareTests {
    let pipeline: ARMPipeline

    init() throws {
        let ok: Route.Handler = { _, _ in .ok([:]) }
        let router = Router(routes: [
            Route(
                "GET", "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}", operationID: "ResourceGroups_Get",
                action: nil, handler: ok),
            Route(
                "GET", "/{scope}/providers/Microsoft.Authorization/roleAssignments", operationID: "RoleAssignments_ListForScope",
                action: nil, handler: ok),
        ])
        let subscriptions = SubscriptionMiddleware(directory: try Directory(seedPath: nil))
        pipeline = ARMPipeline(middleware: [APIVersionMiddleware(), subscriptions, RouteMatchMiddleware(router: router)], router: router)
    }

    func send(_ path: String) async throws -> (status: Int, code: String?) {
        let response = await pipeline.handle(
            HTTPRequest(
                method: "GET", target: path + "?api-version=2024-11-01", headers: HTTPHeaders([("Host", "localhost:8443")]),
                isTLS: true))
        let json: JSONValue? = response.body.isEmpty ? nil : try JSONParser.parse(response.body)
        return (response.status, json?["error"]?["code"]?.stringValue)
    }

    @Test func malformedSubscriptionIsInvalidSubscriptionId() async throws {
        let reply = try await send("/subscriptions/sub1/resourceGroups/rg")
        #expect(reply.status == 400)
        #expect(reply.code == "InvalidSubscriptionId")
    }

    @Test func unknownSubscriptionIsSubscriptionNotFoundAlsoInAScope() async throws {
        let unknown = "/subscriptions/11111111-2222-3333-4444-555555555555"
        for path in [unknown + "/resourceGroups/rg", unknown + "/providers/Microsoft.Authorization/roleAssignments"] {
            let reply = try await send(path)
            #expect(reply.status == 404)
            #expect(reply.code == "SubscriptionNotFound")
        }
    }

    @Test func theKnownSubscriptionAndTheTenantRootPass() async throws {
        let known = "/subscriptions/\(WellKnown.subscriptionId)"
        #expect(try await send(known + "/resourceGroups/rg").status == 200)
        #expect(try await send("/providers/Microsoft.Authorization/roleAssignments").status == 200)
    }
}
