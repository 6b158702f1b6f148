import EmulatorHTTP
import Foundation
import JSON
import Testing

@testable import ARMCore

@Suite struct LongRunningOperationsRoutesTests {
    let sub = Fixture.subscription

    func begin(
        _ operations: LongRunningOperations, kind: OperationKind = .create, subscription: String = Fixture.subscription,
        work: @escaping @Sendable () async throws -> JSONValue?
    ) -> OperationHandle {
        let request = Fixture.request(
            "PUT",
            "/subscriptions/\(subscription)/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a?api-version=2025-06-01")
        return operations.beginProducing(for: request, namespace: "Microsoft.CognitiveServices", location: "eastus", kind: kind, work)
    }

    func get(_ pipeline: ARMPipeline, _ url: String) async -> HTTPResponse {
        await pipeline.handle(Fixture.http("GET", target(ofAbsoluteURL: url)))
    }

    @Test func statusThenResultOfAPut() async throws {
        // Given a running operation and the polling routes
        let operations = LongRunningOperations(provisioningDelay: .milliseconds(1))
        let pipeline = Fixture.pipeline(routes: operations.routes)
        let gate = Gate()
        let handle = begin(operations) {
            await gate.wait()
            return ["id": "/x", "properties": ["provisioningState": "Succeeded"]]
        }
        // When polled while running: status 200 InProgress, result 202 with Location and Retry-After
        let running = await get(pipeline, handle.asyncOperationURL!)
        #expect(running.status == 200)
        #expect(running.header("Retry-After") == "1")
        let runningBody = try Fixture.json(running)
        #expect(runningBody["status"] == "InProgress")
        #expect(runningBody["name"] == .string(handle.id))
        #expect(
            runningBody["id"]
                == .string("/subscriptions/\(sub)/providers/Microsoft.CognitiveServices/locations/eastus/operationStatuses/\(handle.id)"))
        #expect(runningBody["startTime"]?.stringValue != nil)
        #expect(runningBody["endTime"] == nil)
        let pending = await get(pipeline, handle.locationURL)
        #expect(pending.status == 202)
        #expect(pending.body.isEmpty)
        #expect(pending.header("Location") == handle.locationURL)
        #expect(pending.header("Retry-After") == "1")
        // Then after completion: Succeeded, and the result is the final resource body
        gate.open()
        await operations.waitUntilFinished(handle.id)
        let done = try Fixture.json(await get(pipeline, handle.asyncOperationURL!))
        #expect(done["status"] == "Succeeded")
        #expect(done["endTime"]?.stringValue != nil)
        #expect(done["percentComplete"] == 100)
        let result = await get(pipeline, handle.locationURL)
        #expect(result.status == 200)
        #expect(try Fixture.json(result)["properties"]?["provisioningState"] == "Succeeded")
    }

    @Test func deleteResultIs204() async throws {
        let operations = LongRunningOperations(provisioningDelay: .milliseconds(1))
        let pipeline = Fixture.pipeline(routes: operations.routes)
        let handle = begin(operations, kind: .delete) { nil }
        await operations.waitUntilFinished(handle.id)
        let result = await get(pipeline, handle.locationURL)
        #expect(result.status == 204)
        #expect(result.body.isEmpty)
    }

    @Test func failedOperationStatusIs200AndResultCarriesTheError() async throws {
        let operations = LongRunningOperations(provisioningDelay: .milliseconds(1))
        let pipeline = Fixture.pipeline(routes: operations.routes)
        let handle = begin(operations) { throw ARMError.conflict("No capacity.") }
        await operations.waitUntilFinished(handle.id)
        let status = await get(pipeline, handle.asyncOperationURL!)
        #expect(status.status == 200)
        #expect(try Fixture.json(status)["error"]?["code"] == "Conflict")
        let result = await get(pipeline, handle.locationURL)
        #expect(result.status == 409)
        #expect(try Fixture.json(result) == ["error": ["code": "Conflict", "message": "No capacity."]])
        #expect(result.header("Retry-After") == nil)
    }

    @Test func unknownOrForeignOperationsAre404() async throws {
        let operations = LongRunningOperations(provisioningDelay: .seconds(60))
        let pipeline = Fixture.pipeline(routes: operations.routes)
        let foreign = begin(operations, subscription: Fixture.otherSubscription) { nil }
        // The operation exists, but in another subscription
        let crossTarget =
            "/subscriptions/\(sub)/providers/Microsoft.CognitiveServices/locations/eastus/operationStatuses/\(foreign.id)"
            + "?api-version=2025-06-01"
        let cross = await pipeline.handle(Fixture.http("GET", crossTarget))
        #expect(cross.status == 404)
        #expect(Fixture.errorCode(cross) == "OperationNotFound")
        let unknown = await pipeline.handle(
            Fixture.http(
                "GET", Fixture.sub("/providers/Microsoft.CognitiveServices/locations/eastus/operationResults/nope?api-version=2025-06-01")))
        #expect(unknown.status == 404)
        // Its own subscription sees it
        #expect(await get(pipeline, foreign.asyncOperationURL!).status == 200)
        operations.reset()
    }

    @Test func subscriptionOperationResults() async throws {
        let operations = LongRunningOperations(provisioningDelay: .milliseconds(1))
        let pipeline = Fixture.pipeline(routes: operations.routes)
        let group = ResourceID.resourceGroup(subscriptionID: sub, name: "rg1")
        let gate = Gate()
        let handle = operations.begin(
            for: Fixture.request("DELETE", group.description + "?api-version=2024-11-01"), namespace: "Microsoft.Resources",
            location: "eastus", kind: .delete, shape: .subscription, resourceID: group
        ) { await gate.wait() }
        #expect(await get(pipeline, handle.locationURL).status == 202)
        gate.open()
        await operations.waitUntilFinished(handle.id)
        // ARM's own jobs end with 200 and no body (resource-group deletes accept 200/202, docs/azure-behaviours.md "SDK status-code
        // contract")
        let done = await get(pipeline, handle.locationURL)
        #expect(done.status == 200)
        #expect(done.body.isEmpty)
    }
}
