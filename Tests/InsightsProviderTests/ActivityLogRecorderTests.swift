import ARMCore
import ARMTestSupport
import EmulatorHTTP
import Foundation
import Identity
import ProviderTestSupport
import Testing

@testable import InsightsProvider

/// The recorder in the production pipeline (`ProviderTestWorld`) around stand-in operations: the
/// event pair, failures, and the completion of a long-running operation recorded when it finishes.
@Suite struct ActivityLogRecorderTests {
    static let group = "/subscriptions/\(WellKnown.subscriptionId)/resourceGroups/rg"
    static let account = group + "/providers/Microsoft.CognitiveServices/accounts/a"

    /// An account create that runs as a long-running operation (failing with `x-fail`), and a
    /// resource group's delete (always 409) and read.
    static func routes(operations: LongRunningOperations) -> [Route] {
        [
            Route(
                "PUT", "/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.CognitiveServices/accounts/{a}",
                operationID: "Accounts_Create", action: "Microsoft.CognitiveServices/accounts/write"
            ) { request, _ in
                let handle = try await operations.perform(
                    for: request, namespace: "Microsoft.CognitiveServices", location: "eastus", kind: .create,
                    resourceID: ResourceID(Self.account)
                ) {
                    if request.headers["x-fail"] != nil { throw ARMError.internalServerError("boom") }
                    return ["ok": true]
                }
                guard let handle else { return .created(["id": .string(Self.account)]) }
                return ARMResponse(status: 202, headers: operations.headers(for: handle))
            },
            Route("DELETE", "/subscriptions/{s}/resourceGroups/{g}", operationID: "ResourceGroups_Delete", action: nil) { _, _ in
                throw ARMError(status: 409, code: "Conflict", message: "no")
            },
            Route("GET", "/subscriptions/{s}/resourceGroups/{g}", operationID: "ResourceGroups_Get", action: nil) { _, _ in
                .ok(["id": .string(Self.group)])
            },
        ]
    }

    /// A client of `world`'s pipeline around the stand-in routes, with the group they work in.
    /// Every call sends `{}`, as a client writing a resource would.
    static func client(_ world: ProviderTestWorld) throws -> TestClient {
        let group = try #require(ResourceID(Self.group))
        try world.store.put(group, body: ["id": .string(group.description), "name": "rg", "location": "eastus"])
        let pipeline = world.pipeline(routes: routes(operations: world.operations))
        return TestClient(apiVersion: "2025-06-01", host: "localhost", isTLS: false) { request in
            var request = request
            request.body = Array("{}".utf8)
            return await pipeline.handle(request)
        }
    }

    @Test func aSynchronousWriteIsAPairAndAReadIsNothing() async throws {
        let world = try ProviderTestWorld()
        let log = world.activityLog
        let client = try Self.client(world)
        _ = try await client.send("PUT", Self.account, headers: [("x-ms-correlation-request-id", "c")])
        _ = try await client.send("GET", Self.group)
        let events = log.all
        #expect(events.map(\.status) == ["Started", "Succeeded"])
        #expect(events.allSatisfy { $0.correlationID == "c" })
        #expect(events[0].json["operationId"] == events[1].json["operationId"])
        #expect(events[1].resourceProvider == "Microsoft.CognitiveServices")
        // A service principal's caller is its object id.
        #expect(events[1].caller == Caller.wellKnownOperator.objectId)
    }

    @Test func aThrownErrorIsFailedWithTheStatusAndBody() async throws {
        let world = try ProviderTestWorld()
        let log = world.activityLog
        let client = try Self.client(world)
        let response = try await client.send("DELETE", Self.group)
        #expect(response.status == 409)
        let end = log.all.last
        #expect(end?.status == "Failed")
        #expect(end?.json["subStatus"]?["localizedValue"] == "Conflict (HTTP Status Code: 409)")
        #expect(end?.json["properties"]?["statusMessage"]?.stringValue?.contains("\"Conflict\"") == true)
        #expect(end?.json["level"] == "Error")
    }

    @Test(arguments: [false, true])
    func aLongRunningOperationIsAcceptedThenCompletedWhenItFinishes(fails: Bool) async throws {
        let world = try ProviderTestWorld(provisioningDelay: .milliseconds(50))
        let log = world.activityLog
        let operations = world.operations
        let client = try Self.client(world)
        let response = try await client.send("PUT", Self.account, headers: fails ? [("x-fail", "1")] : [])
        #expect(response.status == 202)
        #expect(log.all.map(\.status) == ["Started", "Accepted"])
        await operations.waitForAll()
        let events = log.all
        #expect(events.map(\.status) == ["Started", "Accepted", fails ? "Failed" : "Succeeded"])
        #expect(Set(events.map { $0.json["operationId"]?.stringValue ?? "" }).count == 1)
        if fails { #expect(events[2].json["properties"]?["statusMessage"]?.stringValue?.contains("boom") == true) }
    }
}
