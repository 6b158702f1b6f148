import Foundation
import Testing

@testable import ARMCore

@Suite struct OperationStatusTests {
    func operation(_ state: OperationStatus.State, error: ARMError? = nil) -> OperationStatus {
        OperationStatus(
            id: "op1", subscriptionID: Fixture.subscription, namespace: "Microsoft.CognitiveServices", location: "eastus", kind: .create,
            state: state, startTime: Date(timeIntervalSince1970: 1_746_454_206),
            endTime: state.isTerminal ? Date(timeIntervalSince1970: 1_746_454_221) : nil,
            error: error, result: nil, resourceID: nil)
    }

    @Test func inProgressShape() {
        let json = operation(.inProgress).statusJSON(percentComplete: 40)
        #expect(json.objectValue?.keys == ["id", "name", "status", "startTime", "percentComplete"])
        #expect(
            json["id"]
                == .string(
                    "/subscriptions/\(Fixture.subscription)/providers/Microsoft.CognitiveServices/locations/eastus/operationStatuses/op1"))
        #expect(json["startTime"] == "2025-05-05T14:10:06.0000000Z")
        #expect(json["percentComplete"] == 40)
    }

    @Test func terminalShapes() {
        let succeeded = operation(.succeeded).statusJSON()
        #expect(succeeded["status"] == "Succeeded")
        #expect(succeeded["endTime"] == "2025-05-05T14:10:21.0000000Z")
        #expect(succeeded["error"] == nil)
        let failed = operation(.failed, error: .conflict("x")).statusJSON()
        #expect(failed["status"] == "Failed")
        #expect(failed["error"] == ["code": "Conflict", "message": "x"])
        #expect(failed["percentComplete"] == nil)
    }

    @Test func onlyInProgressIsNonTerminal() {
        #expect(!OperationStatus.State.inProgress.isTerminal)
        #expect(OperationStatus.State.canceled.isTerminal)
    }
}
