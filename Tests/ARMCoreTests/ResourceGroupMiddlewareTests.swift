import Synchronization
import Testing

@testable import ARMCore

/// Counts the handler's calls.
final class HandlerCalls: Sendable {
    private let count = Mutex(0)
    func record() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}

@Suite struct ResourceGroupMiddlewareTests {
    let store = ResourceStore()
    let handled = HandlerCalls()

    func pipeline() -> ARMPipeline {
        let handled = self.handled
        let handler: Route.Handler = { request, _ in
            handled.record()
            return .ok(["id": .string(request.resourceID.description)])
        }
        let group = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
        let account = group + "/providers/Microsoft.CognitiveServices/accounts/{accountName}"
        return Fixture.pipeline(
            routes: [
                Route("GET", account, operationID: "Accounts_Get", action: nil, handler: handler),
                Route("PUT", group, operationID: "ResourceGroups_CreateOrUpdate", action: nil, handler: handler)
                    .skippingResourceGroupCheck(),
                Route(
                    "GET", "/subscriptions/{subscriptionId}/providers/Microsoft.CognitiveServices/accounts", operationID: "Accounts_List",
                    action: nil, handler: handler),
            ],
            after: [ResourceGroupMiddleware(store: store)])
    }

    func account(_ group: String) -> String {
        "/resourceGroups/\(group)/providers/Microsoft.CognitiveServices/accounts/a1?api-version=2025-06-01"
    }

    @Test func aMissingGroupIs404BeforeTheHandler() async throws {
        // Given no resource group rg1
        // When an account in it is read
        let response = await pipeline().handle(Fixture.http("GET", Fixture.sub(account("rg1"))))
        // Then ARM's 404 answers and the handler never ran
        #expect(response.status == 404)
        #expect(
            try Fixture.json(response) == [
                "error": ["code": "ResourceGroupNotFound", "message": "Resource group 'rg1' could not be found."]
            ])
        #expect(handled.value == 0)
    }

    @Test func anExistingGroupReachesTheHandler() async throws {
        try store.put(.resourceGroup(subscriptionID: Fixture.subscription, name: "rg1"), body: ["name": "rg1"])
        let response = await pipeline().handle(Fixture.http("GET", Fixture.sub(account("RG1"))))
        #expect(response.status == 200)
        #expect(handled.value == 1)
    }

    @Test func aRouteThatOptsOutAndOneOutsideAnyGroupPass() async throws {
        let put = await pipeline().handle(Fixture.http("PUT", Fixture.sub("/resourceGroups/rg2?api-version=2025-06-01"), body: "{}"))
        #expect(put.status == 200)
        let list = await pipeline().handle(
            Fixture.http("GET", Fixture.sub("/providers/Microsoft.CognitiveServices/accounts?api-version=2025-06-01")))
        #expect(list.status == 200)
        #expect(handled.value == 2)
    }
}
