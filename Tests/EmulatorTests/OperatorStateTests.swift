import ARMCore
import Foundation
import Testing

@testable import Emulator

/// `GET`/`PUT /_emulator/state` and `--data-dir` through the whole emulator, in-process.
@Suite struct OperatorStateTests {
    @Test func anAcknowledgedWriteIsInTheJournalWhenItsResponseArrives() async throws {
        let world = try await InProcessEmulator(durable: true)
        for index in 0..<20 {
            let name = "journaled-\(index)"
            let reply = try await world.client.send("PUT", world.group(name), body: #"{"location":"eastus"}"#)
            #expect(reply.status == 201)
            // Read the journal as a crash would leave it: the record is already there.
            let journal = try #require(
                try FileManager.default.contentsOfDirectory(atPath: world.dataDirectory).first { $0.hasPrefix("journal-") })
            let bytes = try Data(contentsOf: URL(fileURLWithPath: world.dataDirectory + "/" + journal))
            #expect(String(decoding: bytes, as: UTF8.self).contains("/resourceGroups/\(name)\""), "\(name)")
        }
    }

    @Test func aSecondEmulatorOnTheDataDirectoryServesTheSameWorld() async throws {
        let first = try await InProcessEmulator(durable: true)
        _ = try await first.client.send("PUT", first.group("kept"), body: #"{"location":"westus","tags":{"a":"b"}}"#)
        _ = try await first.client.send(
            "PUT", first.account("acct", in: "kept"),
            apiVersion: InProcessEmulator.accountAPIVersion, body: InProcessEmulator.accountBody)
        let keys = try await first.client.send(
            "POST", first.account("acct", in: "kept") + "/listKeys", apiVersion: InProcessEmulator.accountAPIVersion)
        // The first is never shut down: the second sees what reached the files.
        let second = try await InProcessEmulator(durable: true, dataDirectory: first.dataDirectory)
        let group = try await second.client.send("GET", second.group("kept"))
        #expect(group.status == 200)
        #expect(group.json?["tags"]?["a"] == "b")
        let account = try await second.client.send(
            "GET", second.account("acct", in: "kept"), apiVersion: InProcessEmulator.accountAPIVersion)
        #expect(account.status == 200)
        // Provider-private state (the account keys) survives too
        let keysAgain = try await second.client.send(
            "POST", second.account("acct", in: "kept") + "/listKeys", apiVersion: InProcessEmulator.accountAPIVersion)
        #expect(keys.status == 200)
        #expect(keysAgain.json?["key1"] == keys.json?["key1"])
    }

    @Test func exportThenImportRestoresTheWorld() async throws {
        let world = try await InProcessEmulator(durable: true)
        _ = try await world.client.send("PUT", world.group("before"), body: #"{"location":"eastus"}"#)
        let exported = try await world.anonymous.send("GET", "/_emulator/state")
        #expect(exported.status == 200)
        let document = try #require(exported.json)
        _ = try await world.client.send("PUT", world.group("after"), body: #"{"location":"eastus"}"#)
        let imported = try await world.anonymous.send("PUT", "/_emulator/state", body: document.compactString)
        #expect(imported.status == 200)
        #expect(try await world.client.send("GET", world.group("before")).status == 200)
        #expect(try await world.client.send("GET", world.group("after")).status == 404)
    }

    @Test(arguments: [
        "not json",
        #"{"format":"foundry-emulator-state","version":1,"resources":[],"directory":{"tenants":[],"subscriptions":[],"#
            + #""servicePrincipals":[],"users":[],"managedIdentities":[]}}"#,
        #"{"format":"foundry-emulator-state","version":1,"resources":[{"id":"/subscriptions/x"}],"directory":{}}"#,
    ])
    func anInvalidImportChangesNothing(body: String) async throws {
        let world = try await InProcessEmulator()
        _ = try await world.client.send("PUT", world.group("stays"), body: #"{"location":"eastus"}"#)
        let before = try await world.anonymous.send("GET", "/_emulator/state")
        let answer = try await world.anonymous.send("PUT", "/_emulator/state", body: body)
        #expect(answer.status == 400)
        #expect(answer.code == "InvalidStateDocument")
        let after = try await world.anonymous.send("GET", "/_emulator/state")
        #expect(after.json == before.json)
    }
}
