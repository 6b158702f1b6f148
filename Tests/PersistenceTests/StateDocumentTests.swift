import ARMCore
import Foundation
import Identity
import JSON
import Testing

@testable import Persistence

@Suite struct StateDocumentTests {
    func sample() -> StateDocument {
        let resource = StoredResource(
            id: DurableWorld.group("rg"), body: ["name": "rg", "tags": ["a": "b"]], etag: "\"e\"",
            createdAt: Date(timeIntervalSince1970: 1_700_000_000), privateState: ["k": 1])
        let operation = OperationStatus(snapshotJSON: [
            "id": "op1", "subscriptionId": .string(DurableWorld.subscription), "namespace": "Microsoft.Resources",
            "location": "eastus", "kind": "delete", "status": "Failed", "startTime": "2026-01-01T00:00:00Z",
            "endTime": "2026-01-01T00:00:01Z", "error": ["status": 409, "code": "Conflict", "message": "no"],
        ])!
        return StateDocument(resources: [resource], directory: .wellKnown, operations: [operation])
    }

    @Test func roundTripsThroughJSONText() throws {
        let document = sample()
        let text = document.json.serialized()
        #expect(try StateDocument(json: JSONParser.parse(text)) == document)
        #expect(document.json["format"] == "foundry-emulator-state")
    }

    @Test(arguments: [
        ("[]", "JSON object"),
        (#"{"format":"other","version":1,"resources":[],"directory":{}}"#, "format"),
        (#"{"format":"foundry-emulator-state","version":2,"resources":[],"directory":{}}"#, "version"),
        (#"{"format":"foundry-emulator-state","version":1,"resources":{},"directory":{}}"#, "'resources'"),
        (#"{"format":"foundry-emulator-state","version":1,"resources":[{"id":"x"}],"directory":{}}"#, "resources[0]"),
        (#"{"format":"foundry-emulator-state","version":1,"resources":[],"directory":{"tenants":3}}"#, "'directory'"),
    ])
    func refusesWhatIsNotAStateDocument(text: String, mentions: String) throws {
        let json = try JSONParser.parse(text)
        #expect {
            _ = try StateDocument(json: json)
        } throws: { error in
            (error as? StateDocument.Invalid)?.description.contains(mentions) == true
        }
    }

    @Test func refusesDuplicateResourceIds() throws {
        var document = sample()
        var copy = document.resources[0]
        copy.id = DurableWorld.group("RG")
        document.resources.append(copy)
        #expect(throws: StateDocument.Invalid.self) { _ = try StateDocument(json: document.json) }
    }

    @Test func snapshotFilesCarryAChecksum() throws {
        let bytes = SnapshotFile.encode(sample())
        #expect(try SnapshotFile.decode(bytes, name: "s") == sample())
        var damaged = bytes
        damaged[damaged.count - 3] ^= 0x20
        #expect(throws: PersistenceError.self) { _ = try SnapshotFile.decode(damaged, name: "s") }
        #expect(throws: PersistenceError.self) { _ = try SnapshotFile.decode(Array(bytes.dropLast(1)), name: "s") }
    }

    @Test func journalRecordsRoundTrip() throws {
        let document = sample()
        let records: [JournalRecord] = [
            .resource(.put(document.resources[0])), .resource(.delete(DurableWorld.group("x"))), .resource(.removeAll),
            .resource(.replaceAll(document.resources)), .directory(.wellKnown), .operation(document.operations[0]),
            .operations(document.operations),
        ]
        for record in records {
            #expect(try JournalRecord(json: JSONParser.parse(record.json.serialized())) == record)
        }
    }
}
