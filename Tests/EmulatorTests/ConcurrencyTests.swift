import ARMCore
import ARMTestSupport
import Foundation
import Testing

@testable import Emulator

/// docs/durability-and-load.md "Concurrency": hundreds of parallel clients on the whole emulator (authentication, providers, the
/// store, durability). Each test states an invariant that a race would break.
@Suite struct ConcurrencyTests {
    static let clients = 200

    @Test(arguments: [false, true])
    func parallelCreatesOfOneResourceMakeExactlyOne(durable: Bool) async throws {
        // Given 200 clients that all PUT the same new resource group, each with its own tag
        let world = try await InProcessEmulator(durable: durable)
        let replies = try await withThrowingTaskGroup(of: TestClient.Reply.self) { group in
            for index in 0..<Self.clients {
                group.addTask {
                    try await world.client.send("PUT", world.group("same"), body: #"{"location":"eastus","tags":{"writer":"\#(index)"}}"#)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // Then exactly one created it (201), every other replaced it (200), and each write has its own etag
        #expect(replies.filter { $0.status == 201 }.count == 1)
        #expect(replies.filter { $0.status == 200 }.count == Self.clients - 1)
        let etags = Set(replies.compactMap { $0.json?["etag"]?.stringValue })
        #expect(etags.count == Self.clients)
        // And one group is listed, holding the tag of one of the writers, with the last etag
        let listed = try await world.listAll("/subscriptions/\(InProcessEmulator.subscription)/resourcegroups")
        let same = listed.items.filter { $0["name"]?.stringValue == "same" }
        #expect(same.count == 1)
        let writer = try #require(same.first?["tags"]?["writer"]?.stringValue.flatMap(Int.init))
        #expect((0..<Self.clients).contains(writer))
        #expect(etags.contains(same.first?["etag"]?.stringValue ?? ""))
    }

    @Test func ifMatchRaceLetsExactlyOneWriterWin() async throws {
        // Given a group and its current etag
        let world = try await InProcessEmulator()
        let created = try await world.client.send("PUT", world.group("race"), body: #"{"location":"eastus"}"#)
        let etag = try #require(created.json?["etag"]?.stringValue)
        // When 200 clients PUT and 200 more PATCH with If-Match on that etag at once
        let replies = try await withThrowingTaskGroup(of: TestClient.Reply.self) { group in
            for index in 0..<(2 * Self.clients) {
                group.addTask {
                    try await world.client.send(
                        index % 2 == 0 ? "PUT" : "PATCH", world.group("race"),
                        body: index % 2 == 0 ? #"{"location":"eastus","tags":{"w":"\#(index)"}}"# : #"{"tags":{"w":"\#(index)"}}"#,
                        headers: [("If-Match", etag)])
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // Then one wins and every other gets 412 PreconditionFailed
        let winners = replies.filter { $0.status == 200 }
        #expect(winners.count == 1)
        #expect(replies.filter { $0.status == 412 && $0.code == "PreconditionFailed" }.count == 2 * Self.clients - 1)
        // And the stored group is the winner's
        let stored = try await world.client.send("GET", world.group("race"))
        #expect(stored.json?["tags"]?["w"] == winners.first?.json?["tags"]?["w"])
        #expect(stored.json?["etag"] == winners.first?.json?["etag"])
    }

    @Test func optimisticIncrementsLoseNoUpdate() async throws {
        // Given a counter kept in a tag, and 100 clients that each add one with read + If-Match write, retrying on 412
        let world = try await InProcessEmulator(durable: true)
        _ = try await world.client.send("PUT", world.group("counter"), body: #"{"location":"eastus","tags":{"n":"0"}}"#)
        let clients = 100
        let attempts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<clients {
                group.addTask {
                    var attempt = 0
                    while attempt < 10_000 {
                        attempt += 1
                        let read = try await world.client.send("GET", world.group("counter"))
                        guard let etag = read.json?["etag"]?.stringValue, let n = read.json?["tags"]?["n"]?.stringValue.flatMap(Int.init)
                        else { continue }
                        let write = try await world.client.send(
                            "PATCH", world.group("counter"), body: #"{"tags":{"n":"\#(n + 1)"}}"#, headers: [("If-Match", etag)])
                        if write.status == 200 { return attempt }
                        if write.status != 412 { return -1 }
                    }
                    return -1
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // Then every client succeeded and the counter holds exactly one increment per client
        #expect(!attempts.contains(-1))
        let final = try await world.client.send("GET", world.group("counter"))
        #expect(final.json?["tags"]?["n"] == .string(String(clients)))
    }

    @Test func readersNeverSeeATornResource() async throws {
        // Given writers that PUT tags a == b == v and readers that GET and list at the same time
        let world = try await InProcessEmulator()
        _ = try await world.client.send("PUT", world.group("torn"), body: #"{"location":"eastus","tags":{"a":"0","b":"0"}}"#)
        let torn = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<Self.clients {
                group.addTask {
                    if index % 2 == 0 {
                        let value = String(repeating: String(index), count: 20)
                        let body = #"{"location":"eastus","tags":{"a":"\#(value)","b":"\#(value)"}}"#
                        _ = try await world.client.send("PUT", world.group("torn"), body: body)
                        return 0
                    }
                    let reply = try await world.client.send("GET", world.group("torn"))
                    let listed = try await world.client.send("GET", "/subscriptions/\(InProcessEmulator.subscription)/resourcegroups")
                    var bad = 0
                    for body in [reply.json] + (listed.json?["value"]?.arrayValue ?? []).map(Optional.some) {
                        guard let tags = body?["tags"], body?["name"] == "torn" else { continue }
                        if tags["a"] != tags["b"] || tags["a"] == nil { bad += 1 }
                    }
                    return reply.status == 200 ? bad : bad + 1
                }
            }
            return try await group.reduce(0, +)
        }
        // Then every read saw a whole version
        #expect(torn == 0)
    }

    @Test func manyDifferentResourcesNoneLostNoneDuplicated() async throws {
        // Given 300 groups created in parallel, then every third deleted in parallel with updates of the others
        let world = try await InProcessEmulator(durable: true)
        let count = 300
        let created = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<count {
                group.addTask { try await world.client.send("PUT", world.group("many-\(index)"), body: #"{"location":"eastus"}"#).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(created.allSatisfy { $0 == 201 })
        let changed = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<count {
                group.addTask {
                    index % 3 == 0
                        ? try await world.client.send("DELETE", world.group("many-\(index)")).status
                        : try await world.client.send("PATCH", world.group("many-\(index)"), body: #"{"tags":{"i":"\#(index)"}}"#).status
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(changed.allSatisfy { $0 == 200 || $0 == 202 })
        // Then paging through the list finds each survivor exactly once, with its update
        let listed = try await world.listAll("/subscriptions/\(InProcessEmulator.subscription)/resourcegroups")
        #expect(listed.statuses.allSatisfy { $0 == 200 })
        let names = listed.items.compactMap { $0["name"]?.stringValue }.filter { $0.hasPrefix("many-") }
        let expected = Set((0..<count).filter { $0 % 3 != 0 }.map { "many-\($0)" })
        #expect(names.count == expected.count)
        #expect(Set(names) == expected)
        #expect(
            listed.items.filter { $0["name"]?.stringValue?.hasPrefix("many-") == true }.allSatisfy {
                $0["tags"]?["i"]?.stringValue.map { "many-" + $0 } == $0["name"]?.stringValue
            })
    }

    @Test(arguments: [0, 20])
    func groupDeletesRacingWithCreatesInsideLeaveNoOrphans(provisioningDelay: Int) async throws {
        // Given rounds of: a group, then 40 account creates and the group's delete, all at once
        var config = EmulatorConfig()
        config.port = 0
        config.logLevel = .error
        config.provisioningDelayMilliseconds = provisioningDelay
        let world = try await InProcessEmulator()
        let emulator = try Emulator(config: config)
        // This emulator (with the delay), with the token of the other: both sign with the well-known key.
        let client = TestClient(host: "127.0.0.1:8443") { request in await emulator.handle(request) }
        let token = world.token
        var created = 0
        for round in 0..<5 {
            let group = "cascade-\(round)"
            _ = try await client.send(
                "PUT", world.group(group) + "?api-version=2024-11-01", body: #"{"location":"eastus"}"#, token: token)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { tasks in
                for index in 0..<40 {
                    tasks.addTask {
                        if index == 20 {
                            let target = world.group(group) + "?api-version=2024-11-01"
                            return try await client.send("DELETE", target, token: token).status
                        }
                        return try await client.send(
                            "PUT",
                            world.account("acct\(round)x\(index)", in: group) + "?api-version=\(InProcessEmulator.accountAPIVersion)",
                            body: InProcessEmulator.accountBody, token: token
                        ).status
                    }
                }
                return try await tasks.reduce(into: []) { $0.append($1) }
            }
            created += statuses.filter { $0 == 200 || $0 == 201 || $0 == 202 }.count
            // Every create either landed before the delete or was refused (404 group not found, 409 being deleted)
            #expect(statuses.allSatisfy { [200, 201, 202, 404, 409].contains($0) }, "round \(round): \(statuses)")
            await emulator.world.operations.waitForAll()
            // Then the group is gone and nothing is left inside it
            let groupID = ResourceID.resourceGroup(subscriptionID: InProcessEmulator.subscription, name: group)
            #expect(emulator.world.store.get(groupID) == nil)
            let orphans = emulator.world.store.all(under: groupID)
            #expect(orphans.isEmpty, "round \(round): \(orphans.map(\.id.description))")
        }
        #expect(created > 0)
    }
}
