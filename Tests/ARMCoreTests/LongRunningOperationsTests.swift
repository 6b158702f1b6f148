import EmulatorHTTP
import Foundation
import JSON
import Synchronization
import Testing

@testable import ARMCore

@Suite struct LongRunningOperationsTests {
    let sub = Fixture.subscription
    var account: ResourceID {
        ResourceID(subscriptionID: sub, resourceGroup: "rg", namespace: "Microsoft.CognitiveServices", types: ["accounts"], names: ["acct"])
    }

    func startingRequest(_ method: String = "PUT") -> ARMRequest {
        Fixture.request(method, account.description + "?api-version=2025-06-01")
    }

    @Test func synchronousByDefault() async throws {
        // Given the default configuration
        let operations = LongRunningOperations()
        #expect(operations.isSynchronous)
        // When a handler performs work, it runs inline and no operation is handed out
        let ran = Mutex(false)
        let handle = try await operations.perform(
            for: startingRequest(), namespace: "Microsoft.CognitiveServices", location: "East US", kind: .create
        ) {
            ran.withLock { $0 = true }
            return nil
        }
        #expect(handle == nil)
        #expect(ran.withLock { $0 })
        // And its errors reach the handler
        await #expect(throws: ARMError.self) {
            _ = try await operations.perform(for: startingRequest(), namespace: "N", location: "eastus", kind: .create) {
                throw ARMError.conflict("busy")
            }
        }
    }

    @Test func delayedOperationFinishesWithoutPolling() async throws {
        // Given a provisioning delay
        let operations = LongRunningOperations(provisioningDelay: .milliseconds(30))
        #expect(!operations.isSynchronous)
        // When an operation begins
        let gate = Gate()
        let handle = try #require(
            try await operations.perform(
                for: startingRequest(), namespace: "Microsoft.CognitiveServices", location: "East US", kind: .create
            ) {
                await gate.wait()
                return ["name": "acct"]
            })
        // Then it is InProgress until the work is done
        #expect(operations.status(handle.id)?.state == .inProgress)
        #expect(operations.status(handle.id)?.location == "eastus")
        // And it completes in the background, with nobody polling
        gate.open()
        await operations.waitUntilFinished(handle.id)
        let status = try #require(operations.status(handle.id))
        #expect(status.state == .succeeded)
        #expect(status.endTime != nil)
        #expect(status.result == ["name": "acct"])
    }

    @Test func headersAreAbsoluteWithRetryAfterOne() {
        let operations = LongRunningOperations(provisioningDelay: .seconds(60))
        let handle = operations.begin(for: startingRequest(), namespace: "Microsoft.CognitiveServices", location: "eastus", kind: .create) {
        }
        let headers = operations.headers(for: handle)
        let base = "http://\(Fixture.host)/subscriptions/\(sub)/providers/Microsoft.CognitiveServices/locations/eastus"
        #expect(headers["Azure-AsyncOperation"] == "\(base)/operationStatuses/\(handle.id)?api-version=2025-06-01")
        #expect(headers["Location"] == "\(base)/operationResults/\(handle.id)?api-version=2025-06-01")
        #expect(headers["Retry-After"] == "1")
        operations.reset()
    }

    @Test func failuresAreRecordedWithTheirError() async throws {
        let operations = LongRunningOperations(provisioningDelay: .milliseconds(1))
        let armFailure = operations.begin(for: startingRequest(), namespace: "N", location: "eastus", kind: .create) {
            throw ARMError.conflict("The account is busy.")
        }
        struct Boom: Error {}
        let otherFailure = operations.begin(for: startingRequest(), namespace: "N", location: "eastus", kind: .create) { throw Boom() }
        await operations.waitForAll()
        #expect(operations.status(armFailure.id)?.state == .failed)
        #expect(operations.status(armFailure.id)?.error?.code == "Conflict")
        #expect(operations.status(otherFailure.id)?.error?.code == "InternalServerError")
        let json = try #require(operations.status(armFailure.id)).statusJSON()
        #expect(json["status"] == "Failed")
        #expect(json["error"] == ["code": "Conflict", "message": "The account is busy."])
    }

    @Test func resetCancelsPendingWork() async throws {
        // Given a delayed operation whose work has not started
        let operations = LongRunningOperations(provisioningDelay: .seconds(60))
        let ran = Mutex(false)
        let handle = operations.begin(for: startingRequest(), namespace: "N", location: "eastus", kind: .create) {
            ran.withLock { $0 = true }
        }
        let task = try #require(operations.state.withLock { $0.tasks[handle.id] })
        // When the operator resets the emulator
        operations.reset()
        // Then the operation is forgotten, its task is cancelled at once (not left to wake in 60 s),
        // and once the cancelled task has ended its work has not run
        #expect(operations.status(handle.id) == nil)
        #expect(task.isCancelled)
        if task.isCancelled { await task.value }
        #expect(!ran.withLock { $0 })
    }

    @Test func subscriptionShapedOperationsUseAJobToken() throws {
        let operations = LongRunningOperations(provisioningDelay: .seconds(60))
        let group = ResourceID.resourceGroup(subscriptionID: sub, name: "rg1")
        let request = Fixture.request("DELETE", group.description + "?api-version=2024-11-01")
        let handle = operations.begin(
            for: request, namespace: "Microsoft.Resources", location: "eastus", kind: .delete, shape: .subscription, resourceID: group
        ) {}
        let headers = operations.headers(for: handle)
        #expect(headers["Azure-AsyncOperation"] == nil)
        #expect(headers["Location"] == "http://\(Fixture.host)/subscriptions/\(sub)/operationresults/\(handle.id)?api-version=2024-11-01")
        let decoded = try #require(Pager.decodeSkipToken(handle.id))
        let job = try JSONParser.parse(decoded)
        #expect(job["jobId"]?.stringValue?.hasPrefix("RESOURCEGROUPDELETIONJOB-RG1-EASTUS-") == true)
        #expect(job["jobLocation"] == "eastus")
        operations.reset()
    }
}
