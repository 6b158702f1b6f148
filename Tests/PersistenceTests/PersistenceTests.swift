import ARMCore
import Foundation
import Identity
import Testing

@testable import Persistence

@Suite struct PersistenceTests {
    typealias W = DurableWorld

    @Test func acknowledgedChangesSurviveAnAbruptStop() async throws {
        // Given a journaled world with puts, an update, a delete and a new principal
        let path = W.temporaryDirectory()
        let first = try W(path)
        try first.store.put(W.group("rg1"), body: ["name": "rg1", "location": "eastus"])
        try first.store.put(W.account("a1", in: "rg1"), body: ["name": "a1"], privateState: ["key1": "secret"])
        try first.store.put(W.group("rg2"), body: ["name": "rg2"])
        try first.store.update(W.group("rg1")) { body in body["tags"] = ["v": "2"] }
        try first.store.delete(W.group("rg2"))
        let principal = first.directory.createServicePrincipal(displayName: "ci")
        try await first.persistence.waitUntilDurable()
        // When the directory is opened again without any shutdown
        let second = try W(path)
        // Then everything acknowledged is there, byte for byte, private state and etags included
        #expect(W.same(second.store.snapshot(), first.store.snapshot()))
        #expect(second.store.get(W.group("rg1"))?.body["tags"]?["v"] == "2")
        #expect(second.store.get(W.group("rg2")) == nil)
        #expect(second.store.get(W.account("a1", in: "rg1"))?.privateState["key1"] == "secret")
        #expect(second.directory.servicePrincipal(appId: principal.appId)?.secrets == principal.secrets)
        #expect(second.persistence.warnings.isEmpty)
        // And a start leaves one generation: one snapshot and one journal
        let files = W.files(in: path)
        #expect(files.filter { $0.hasPrefix("snapshot-") }.count == 1)
        #expect(files.filter { $0.hasPrefix("journal-") }.count == 1)
    }

    @Test func aFreshDirectoryStartsFromTheSeededWorld() throws {
        let world = try W(W.temporaryDirectory())
        #expect(world.store.count == 0)
        #expect(world.directory.snapshot() == DirectorySnapshot.wellKnown)
    }

    @Test func resetAndImportAreJournaledToo() async throws {
        let path = W.temporaryDirectory()
        let first = try W(path)
        try first.store.put(W.group("old"), body: ["name": "old"])
        _ = first.directory.createServicePrincipal(displayName: "gone")
        first.store.reset()
        first.directory.reset()
        let imported = StoredResource(
            id: W.group("imported"), body: ["name": "imported"], etag: "\"e\"", createdAt: Date(timeIntervalSince1970: 1))
        first.store.restore([imported])
        try await first.persistence.waitUntilDurable()
        let second = try W(path)
        #expect(W.same(second.store.snapshot(), [imported]))
        #expect(second.directory.snapshot() == DirectorySnapshot.wellKnown)
    }

    @Test func aTornLastRecordIsDroppedWithAWarning() async throws {
        // Given three acknowledged puts
        let path = W.temporaryDirectory()
        let first = try W(path)
        for name in ["a", "b", "c"] { try first.store.put(W.group(name), body: ["name": .string(name)]) }
        try await first.persistence.waitUntilDurable()
        // When a fourth record was cut short by the crash (half of a real frame)
        var frame: [UInt8] = []
        let fourth = StoredResource(id: W.group("d"), body: [:], etag: "\"x\"", createdAt: Date())
        JournalFrame.append(JournalRecord.resource(.put(fourth)).json.serialized(), to: &frame)
        let journal = try #require(W.files(in: path).first { $0.hasPrefix("journal-") })
        let handle = try #require(FileHandle(forWritingAtPath: path + "/" + journal))
        handle.seekToEndOfFile()
        handle.write(Data(frame.prefix(frame.count / 2)))
        try handle.close()
        // Then the start keeps the three, drops the fourth, and says so
        let second = try W(path)
        #expect(second.store.snapshot().map(\.id.name) == ["a", "b", "c"])
        #expect(second.persistence.warnings.count == 1)
        #expect(second.persistence.warnings.first?.contains("torn") == true)
        // And the torn bytes do not poison the next start (a new generation begins clean)
        try second.store.put(W.group("e"), body: [:])
        try await second.persistence.waitUntilDurable()
        let third = try W(path)
        #expect(third.store.count == 4)
        #expect(third.persistence.warnings.isEmpty)
    }

    @Test func aStartThatDiedBeforeItsSnapshotStillRecovers() async throws {
        // Given a journal with a torn tail, and the empty journal of a start that died right after creating it
        let path = W.temporaryDirectory()
        let first = try W(path)
        for name in ["a", "b"] { try first.store.put(W.group(name), body: [:]) }
        try await first.persistence.waitUntilDurable()
        let journal = try #require(W.files(in: path).first { $0.hasPrefix("journal-") })
        let handle = try #require(FileHandle(forWritingAtPath: path + "/" + journal))
        handle.seekToEndOfFile()
        handle.write(Data([0x40, 0, 0, 0, 1, 2]))
        try handle.close()
        let generation = Int(journal.filter(\.isNumber))! + 1
        #expect(FileManager.default.createFile(atPath: path + "/" + Persistence.journalName(generation), contents: Data()))
        // Then the start keeps both groups and drops the torn tail with a warning
        let second = try W(path)
        #expect(second.store.count == 2)
        #expect(second.persistence.warnings.count == 1)
    }

    @Test func damageInsideTheJournalRefusesToStart() async throws {
        let path = W.temporaryDirectory()
        let first = try W(path)
        for name in ["a", "b", "c"] { try first.store.put(W.group(name), body: ["name": .string(name)]) }
        try await first.persistence.waitUntilDurable()
        let journal = path + "/" + (try #require(W.files(in: path).first { $0.hasPrefix("journal-") }))
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: journal)))
        bytes[20] ^= 0x55  // inside the first record, with two whole records after it
        try Data(bytes).write(to: URL(fileURLWithPath: journal))
        #expect {
            _ = try W(path)
        } throws: { error in
            guard case .corrupt(let message) = error as? PersistenceError else { return false }
            return message.contains("checksum")
        }
    }

    @Test func aDamagedSnapshotRefusesToStart() throws {
        let path = W.temporaryDirectory()
        let first = try W(path)
        try first.store.put(W.group("a"), body: ["name": "a"])
        first.persistence.snapshotNow()
        let snapshot = path + "/" + (try #require(W.files(in: path).last { $0.hasPrefix("snapshot-") }))
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: snapshot)))
        bytes[bytes.count - 5] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: snapshot))
        #expect(throws: PersistenceError.self) { _ = try W(path) }
    }

    @Test func compactionKeepsEverythingAndLeavesOneGeneration() async throws {
        // Given a journal that snapshots every 10 records
        let path = W.temporaryDirectory()
        let first = try W(path, snapshotEveryRecords: 10)
        for index in 0..<35 {
            try first.store.put(W.group("g\(index)"), body: ["n": .int(Int64(index))])
            try await first.persistence.waitUntilDurable()
        }
        first.persistence.snapshotNow()
        // Then older generations are gone and nothing was lost
        let files = W.files(in: path).filter { !$0.hasSuffix(".pem") }
        #expect(files.count == 2)
        // Same generation: journal-G.log beside snapshot-G.json
        let generations = files.map { $0.filter(\.isNumber) }
        #expect(generations.first == generations.last)
        let second = try W(path)
        #expect(second.store.count == 35)
        #expect(W.same(second.store.snapshot(), first.store.snapshot()))
    }

    /// A snapshot is written beside the flushes: writes keep becoming durable while it is being
    /// written, and a stop at that moment loses nothing (the older snapshot and both journals
    /// are still there).
    @Test func writesStayDurableWhileASnapshotIsWritten() async throws {
        // Given a journal that snapshots every 10 records, whose snapshot writer is held busy
        let path = W.temporaryDirectory()
        let first = try W(path, snapshotEveryRecords: 10)
        let release = DispatchSemaphore(value: 0)
        first.persistence.snapshotter.async { release.wait() }
        // When 35 writes are acknowledged meanwhile
        for index in 0..<35 {
            try first.store.put(W.group("g\(index)"), body: ["n": .int(Int64(index))])
            try await first.persistence.waitUntilDurable()
        }
        // Then a new journal began and the older generation is still whole
        let during = W.files(in: path).filter { !$0.hasSuffix(".pem") }
        #expect(during.filter { $0.hasPrefix("journal-") }.count == 2)
        #expect(during.filter { $0.hasPrefix("snapshot-") }.count == 1)
        // And a start from a copy of the directory as it is now finds every write
        let copy = W.temporaryDirectory()
        for name in W.files(in: path) {
            try FileManager.default.copyItem(atPath: path + "/" + name, toPath: copy + "/" + name)
        }
        let stopped = try W(copy)
        #expect(stopped.store.count == 35)
        #expect(W.same(stopped.store.snapshot(), first.store.snapshot()))
        // And once the snapshot is written one generation is left
        release.signal()
        first.persistence.snapshotNow()
        let after = W.files(in: path).filter { !$0.hasSuffix(".pem") }
        #expect(after.count == 2)
        #expect(W.same(try W(path).store.snapshot(), first.store.snapshot()))
    }

    @Test func aSnapshotLeftAsATemporaryFileIsIgnored() async throws {
        let path = W.temporaryDirectory()
        let first = try W(path)
        try first.store.put(W.group("a"), body: [:])
        try await first.persistence.waitUntilDurable()
        try Data("half a snapshot".utf8).write(to: URL(fileURLWithPath: path + "/snapshot-000000000099.json.tmp"))
        let second = try W(path)
        #expect(second.store.count == 1)
        #expect(!W.files(in: path).contains { $0.hasSuffix(".tmp") })
    }

    @Test func concurrentWritersShareFlushesAndAllSurvive() async throws {
        let path = W.temporaryDirectory()
        let first = try W(path)
        let writers = 200
        await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<writers {
                group.addTask {
                    try first.store.put(W.group("w\(index)"), body: ["n": .int(Int64(index))])
                    try await first.persistence.waitUntilDurable()
                }
            }
        }
        let second = try W(path)
        #expect(second.store.count == writers)
        // One flush per batch: never more flushes than writes (the first start wrote none).
        #expect(first.persistence.flushes >= 1 && first.persistence.flushes <= writers)
    }

    @Test func operationsInFlightAreSettledOnRestart() async throws {
        // Given a create and a resource-group delete still running (one hour of provisioning delay)
        let path = W.temporaryDirectory()
        let first = try W(path, provisioningDelay: .seconds(3600))
        let account = W.account("acct", in: "rg")
        try first.store.put(W.group("rg"), body: ["name": "rg", "properties": ["provisioningState": "Deleting"]])
        try first.store.put(account, body: ["name": "acct", "properties": ["provisioningState": "Creating"]])
        try first.store.put(W.group("keep"), body: ["name": "keep", "properties": ["provisioningState": "Accepted"]])
        try first.store.put(W.account("other", in: "keep"), body: ["properties": ["provisioningState": "Creating"]])
        let create = first.operations.begin(
            for: W.request("PUT", account.description), namespace: "Microsoft.CognitiveServices", location: "eastus", kind: .create,
            resourceID: W.account("other", in: "keep")
        ) {}
        let delete = first.operations.begin(
            for: W.request("DELETE", W.group("rg").description), namespace: "Microsoft.Resources", location: "eastus", kind: .delete,
            shape: .subscription, resourceID: W.group("rg")
        ) {}
        try await first.persistence.waitUntilDurable()
        #expect(first.operations.status(create.id)?.state == .inProgress)
        // When the emulator starts again
        let second = try W(path)
        // Then the create failed with OperationInterrupted and its resource is Failed
        let created = try #require(second.operations.status(create.id))
        #expect(created.state == .failed)
        #expect(created.error?.code == "OperationInterrupted")
        #expect(second.store.get(W.account("other", in: "keep"))?.body["properties"]?["provisioningState"] == "Failed")
        // And the group delete was completed: the group and the account inside are gone
        #expect(second.operations.status(delete.id)?.state == .succeeded)
        #expect(second.store.get(W.group("rg")) == nil)
        #expect(second.store.get(account) == nil)
        // And a resource left in a transitional state without an operation is settled too (nothing runs after a restart)
        #expect(second.store.get(W.group("keep"))?.body["properties"]?["provisioningState"] == "Failed")
        first.operations.reset()
    }

    @Test func aGroupLeftDeletingByACrashIsDeletedOnRestart() async throws {
        // Given a synchronous group delete cut between "mark Deleting" and "remove everything"
        let path = W.temporaryDirectory()
        let first = try W(path)
        try first.store.put(W.group("half"), body: ["name": "half", "properties": ["provisioningState": "Succeeded"]])
        try first.store.put(W.account("inside", in: "half"), body: ["properties": ["provisioningState": "Succeeded"]])
        try first.store.put(W.group("other"), body: ["name": "other", "properties": ["provisioningState": "Succeeded"]])
        try first.store.update(W.group("half")) { body in body["properties"] = ["provisioningState": "Deleting"] }
        try await first.persistence.waitUntilDurable()
        // When the emulator starts again
        let second = try W(path)
        // Then the delete is completed, and nothing else is touched
        #expect(second.store.get(W.group("half")) == nil)
        #expect(second.store.get(W.account("inside", in: "half")) == nil)
        #expect(second.store.get(W.group("other"))?.body["properties"]?["provisioningState"] == "Succeeded")
    }
}
