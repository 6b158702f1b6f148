import Foundation
import JSON
import Testing

@testable import ARMCore

@Suite struct ResourceStoreTests {
    let sub = Fixture.subscription
    var group: ResourceID { .resourceGroup(subscriptionID: sub, name: "rg") }

    func account(_ name: String, in group: String = "rg") -> ResourceID {
        ResourceID(subscriptionID: sub, resourceGroup: group, namespace: "Microsoft.CognitiveServices", types: ["accounts"], names: [name])
    }

    @Test func storedBodiesAreKeptCompactAndReadBackAsWritten() throws {
        // Given a store
        let store = ResourceStore()
        let body: JSONObject = ["name": "acct", "properties": ["n": 1, "d": 2.5, "list": [true, .null, "x\u{1F600}"]]]
        // When a resource is put, then changed in place
        let write = try store.put(account("acct"), body: body)
        let updated = try store.update(account("acct")) { $0["properties"]?["n"] = 2 }
        // Then the store keeps the compact form, and every read gives the body written
        let stored = try #require(store.get(account("acct")))
        let kept = try #require(store.state.withLock { $0.record(account("acct").key) })
        #expect(kept.body.bytes.count < stored.body.serialized().count)
        #expect(stored.body.serialized() == updated.body.serialized())
        #expect(stored.body["properties"]?["list"] == [true, .null, "x\u{1F600}"])
        #expect(stored.body["etag"] == .string(stored.etag) && stored.etag != write.resource.etag)
        #expect(store.page(under: nil, limit: 10).items.map { $0.body.serialized() } == [updated.body.serialized()])
    }

    @Test func putCreatesThenReplaces() throws {
        // Given an empty store
        let store = ResourceStore()
        // When a resource is put twice, the second time with other name casing
        let first = try store.put(account("Acct"), body: ["name": "Acct", "v": 1])
        let second = try store.put(account("ACCT"), body: ["name": "ACCT", "v": 2])
        // Then the first write created, the second replaced, keeping the creation date
        #expect(first.created)
        #expect(!second.created)
        #expect(store.count == 1)
        #expect(second.resource.createdAt == first.resource.createdAt)
        // And the latest casing and body win; a fresh quoted-GUID etag is in the body
        let stored = try #require(store.get(account("acct")))
        #expect(stored.id.description.hasSuffix("/accounts/ACCT"))
        #expect(stored.body["v"] == 2)
        #expect(stored.etag != first.resource.etag)
        #expect(stored.body["etag"] == .string(stored.etag))
        #expect(stored.etag.hasPrefix("\"") && stored.etag.hasSuffix("\"") && stored.etag.count == 38)
    }

    /// A type's revision moves with every write and removal of that type, and only then; a reset
    /// never brings back an earlier revision (readers cache by it).
    @Test func revisionOfATypeMovesOnlyWithThatType() throws {
        let store = ResourceStore()
        let type = "Microsoft.CognitiveServices/accounts"
        let empty = store.revision(ofType: type)
        _ = try store.put(group, body: ["location": "eastus"])
        #expect(store.revision(ofType: type) == empty)
        _ = try store.put(account("a"), body: ["v": 1])
        let afterCreate = store.revision(ofType: type.uppercased())
        #expect(afterCreate != empty)
        _ = try store.put(account("a"), body: ["v": 2])
        let afterReplace = store.revision(ofType: type)
        #expect(afterReplace != afterCreate)
        _ = try store.delete(account("a"))
        let afterDelete = store.revision(ofType: type)
        #expect(afterDelete != afterReplace)
        store.reset()
        #expect(store.revision(ofType: type) != empty)
        #expect(store.revision(ofType: type) != afterDelete)
    }

    /// Readers keep a type's counter and read it on every request without the store's lock: the
    /// counter they hold must see writes, a reset and a restore, including for a type that had no
    /// resource when they took it.
    @Test func aHeldTypeRevisionSeesWritesResetsAndRestores() throws {
        let store = ResourceStore()
        let held = store.typeRevision("microsoft.cognitiveservices/ACCOUNTS")
        let empty = held.current
        _ = try store.put(group, body: ["location": "eastus"])
        #expect(held.current == empty)
        _ = try store.put(account("a"), body: ["v": 1])
        let afterCreate = held.current
        #expect(afterCreate != empty)
        #expect(store.revision(ofType: "Microsoft.CognitiveServices/accounts") == afterCreate)
        let snapshot = store.snapshot()
        store.reset()
        let afterReset = held.current
        #expect(afterReset != afterCreate)
        store.restore(snapshot)
        #expect(held.current != afterReset)
        #expect(held.current != afterCreate)
        #expect(store.get(account("a"))?.body["v"] == 1)
    }

    @Test func bodyETagCanBeLeftOut() throws {
        let store = ResourceStore()
        let write = try store.put(group, body: ["name": "rg", "etag": "stale"], bodyETag: false)
        #expect(write.resource.body["etag"] == nil)
        #expect(!write.resource.etag.isEmpty)
    }

    @Test func privateStateIsKeptAcrossPuts() throws {
        let store = ResourceStore()
        try store.put(account("a"), body: [:], privateState: ["key1": "secret"])
        try store.put(account("a"), body: ["x": 1])
        #expect(store.get(account("a"))?.privateState["key1"] == "secret")
        #expect(store.get(account("a"))?.body["key1"] == nil)
    }

    @Test func putPreconditionsAreAtomic() throws {
        let store = ResourceStore()
        // If-Match on an absent resource: 412 and nothing stored
        #expect(expectARMError { try store.put(account("a"), body: [:], precondition: Precondition(ifMatch: "*")) }?.status == 412)
        #expect(store.count == 0)
        // If-None-Match: * creates once, then refuses
        try store.put(account("a"), body: [:], precondition: Precondition(ifNoneMatch: "*"))
        #expect(expectARMError { try store.put(account("a"), body: [:], precondition: Precondition(ifNoneMatch: "*")) }?.status == 412)
        // If-Match with the current etag succeeds, with a stale one fails
        let current = try #require(store.get(account("a"))).etag
        let write = try store.put(account("a"), body: ["v": 2], precondition: Precondition(ifMatch: current))
        #expect(
            expectARMError { try store.put(account("a"), body: ["v": 3], precondition: Precondition(ifMatch: current)) }?.code
                == "PreconditionFailed")
        #expect(store.get(account("a"))?.body["v"] == 2)
        #expect(write.resource.etag != current)
    }

    @Test func upsertSeesTheExistingResource() throws {
        let store = ResourceStore()
        try store.upsert(account("a")) { existing in
            #expect(existing == nil)
            return (["n": 1], [:])
        }
        try store.upsert(account("a")) { existing in
            let n = existing?.body["n"]?.intValue ?? 0
            return (["n": .int(Int64(n + 1))], existing?.privateState ?? [:])
        }
        #expect(store.get(account("a"))?.body["n"] == 2)
    }

    /// `upsert` builds outside the lock from the record it read and stores the result only if that
    /// record is still current: a write landing in between makes it build again from the new one.
    @Test func upsertBuildsAgainWhenAnotherWriteLandsWhileItBuilds() throws {
        let store = ResourceStore()
        try store.put(account("a"), body: ["n": 1])
        var seen: [Int?] = []
        let write = try store.upsert(account("a")) { existing in
            seen.append(existing?.body["n"]?.intValue)
            if seen.count == 1 { try store.put(account("a"), body: ["n": 10]) }
            return (["n": .int(Int64((existing?.body["n"]?.intValue ?? 0) + 1))], [:])
        }
        #expect(seen == [1, 10])
        #expect(store.get(account("a"))?.body["n"] == 11)
        #expect(write.resource.body["n"] == 11)
        #expect(write.created == false)
    }

    @Test func upsertIsNotACreateWhenTheResourceAppearedWhileItBuilt() throws {
        let store = ResourceStore()
        var calls = 0
        let write = try store.upsert(account("a")) { existing in
            calls += 1
            if calls == 1 { try store.put(account("a"), body: ["first": true]) }
            return (["second": true, "sawFirst": .bool(existing?.body["first"] == true)], [:])
        }
        #expect(calls == 2)
        #expect(write.created == false)
        #expect(store.get(account("a"))?.body["sawFirst"] == true)
        #expect(store.count == 1)
    }

    @Test func upsertWritesUnderTheLockAfterRepeatedMisses() throws {
        let store = ResourceStore()
        var calls = 0
        try store.upsert(account("a")) { existing in
            calls += 1
            // Another write during each optimistic build; the last build runs under the lock, where
            // calling back into the store is not allowed, so it only reads what it is given.
            if calls <= ResourceStore.optimisticAttempts { try store.put(account("a"), body: ["n": .int(Int64(calls))]) }
            return (["n": .int(Int64((existing?.body["n"]?.intValue ?? 0) + 100))], [:])
        }
        #expect(calls == ResourceStore.optimisticAttempts + 1)
        #expect(store.get(account("a"))?.body["n"] == .int(Int64(ResourceStore.optimisticAttempts + 100)))
    }

    @Test func concurrentUpsertsLoseNoUpdate() async throws {
        let store = ResourceStore()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<250 {
                        _ = try? store.upsert(self.account("counter")) { existing in
                            (["n": .int(Int64((existing?.body["n"]?.intValue ?? 0) + 1))], [:])
                        }
                    }
                }
            }
        }
        #expect(store.get(account("counter"))?.body["n"] == 1000)
    }

    @Test func updateModifiesInPlace() throws {
        let store = ResourceStore()
        // A missing resource is 404 ResourceNotFound, with or without If-Match
        let missing = expectARMError { try store.update(account("a")) { $0["x"] = 1 } }
        #expect(missing?.code == "ResourceNotFound")
        #expect(
            missing?.message.hasPrefix("The Resource 'Microsoft.CognitiveServices/accounts/a' under resource group 'rg' was not found.")
                == true)
        #expect(expectARMError { try store.update(account("a"), precondition: Precondition(ifMatch: "*")) { _ in } }?.status == 404)
        // An existing one changes atomically and gets a new etag
        let created = try store.put(account("a"), body: ["properties": ["state": "Creating"]])
        let updated = try store.update(account("a")) { $0["properties"]?["state"] = "Succeeded" }
        #expect(updated.body["properties"]?["state"] == "Succeeded")
        #expect(updated.etag != created.resource.etag)
        #expect(updated.body["etag"] == .string(updated.etag))
        #expect(updated.createdAt == created.resource.createdAt)
        // A stale If-Match is refused
        #expect(
            expectARMError { try store.update(account("a"), precondition: Precondition(ifMatch: created.resource.etag)) { _ in } }?.status
                == 412)
    }

    @Test func deleteAnswersTheRemovedResource() throws {
        let store = ResourceStore()
        #expect(try store.delete(account("a")) == nil)
        // If-Match on a missing resource is not an error for DELETE (204)
        #expect(try store.delete(account("a"), precondition: Precondition(ifMatch: "\"x\"")) == nil)
        try store.put(account("a"), body: [:])
        #expect(expectARMError { try store.delete(account("a"), precondition: Precondition(ifMatch: "\"x\"")) }?.status == 412)
        #expect(store.contains(account("a")))
        #expect(try store.delete(account("A"))?.id == account("a"))
        #expect(!store.contains(account("a")))
    }

    @Test func removeAllCascadesToChildrenAndExtensionsOnly() throws {
        // Given a group with an account, its deployment, a role assignment on it, and a look-alike group
        let store = ResourceStore()
        let acct = account("a")
        try store.put(group, body: [:])
        try store.put(acct, body: [:])
        try store.put(acct.child(type: "deployments", name: "d"), body: [:])
        try store.put(acct.appending(namespace: "Microsoft.Authorization", type: "roleAssignments", name: "r"), body: [:])
        try store.put(.resourceGroup(subscriptionID: sub, name: "rg2"), body: [:])
        try store.put(account("b", in: "rg2"), body: [:])
        // When the group is removed with everything below it
        let removed = store.removeAll(under: group)
        // Then exactly those four are gone, parent first
        #expect(removed.count == 4)
        #expect(removed.first?.id == group)
        #expect(store.count == 2)
        #expect(store.contains(account("b", in: "rg2")))
    }

    @Test func childrenAreDirectAndOfOneType() throws {
        let store = ResourceStore()
        let acct = account("a")
        try store.put(acct, body: [:])
        try store.put(acct.child(type: "deployments", name: "d2"), body: [:])
        try store.put(acct.child(type: "deployments", name: "d1"), body: [:])
        try store.put(acct.child(type: "projects", name: "p"), body: [:])
        try store.put(account("ab").child(type: "deployments", name: "other"), body: [:])
        let full = store.children(of: acct, type: "Microsoft.CognitiveServices/accounts/deployments").map(\.id.name)
        #expect(full == ["d1", "d2"])
        #expect(store.children(of: acct, type: "deployments").map(\.id.name) == ["d1", "d2"])
        #expect(store.children(of: group, type: "Microsoft.CognitiveServices/accounts").map(\.id.name) == ["a"])
    }

    @Test func pagesWalkEverythingOnceInKeyOrder() throws {
        // Given 25 accounts in two groups and their deployments
        let store = ResourceStore()
        for index in 0..<25 {
            try store.put(account(String(format: "acct%02d", index), in: index % 2 == 0 ? "rg" : "rg2"), body: [:])
            try store.put(account(String(format: "acct%02d", index), in: "rg").child(type: "deployments", name: "d"), body: [:])
        }
        // When listing accounts of the subscription 10 at a time
        var names: [String] = []
        var after: String?
        var pages = 0
        repeat {
            let page = store.page(under: .subscription(sub), types: ["microsoft.cognitiveservices/ACCOUNTS"], after: after, limit: 10)
            names += page.items.map(\.id.key)
            after = page.nextKey
            pages += 1
        } while after != nil
        // Then every account appears once, sorted by key, in 3 pages
        #expect(pages == 3)
        #expect(names.count == 25)
        #expect(names == names.sorted())
        // And a prefix limits to one group, a filter applies, types merge in key order
        #expect(store.page(under: group, types: ["Microsoft.CognitiveServices/accounts"], limit: 100).items.count == 13)
        #expect(store.page(under: group, limit: 100) { $0.id.name == "d" }.items.count == 25)
        let merged = store.page(
            under: group, types: ["Microsoft.CognitiveServices/accounts", "Microsoft.CognitiveServices/accounts/deployments"], limit: 100)
        #expect(merged.items.count == 38)
        #expect(merged.items.map(\.id.key) == merged.items.map(\.id.key).sorted())
        #expect(merged.nextKey == nil)
    }

    @Test func pageCostDoesNotGrowWithTheStore() throws {
        // Given 100,000 resources
        let store = ResourceStore()
        var resources: [StoredResource] = []
        resources.reserveCapacity(100_000)
        let date = Date()
        for index in 0..<100_000 {
            let id = account("acct\(index)", in: "rg\(index % 100)")
            resources.append(StoredResource(id: id, body: [:], etag: "\"e\"", createdAt: date))
        }
        store.restore(resources)
        #expect(store.count == 100_000)
        // When a page deep inside the key space is read
        let lastKey = account("acct5000", in: "rg0").key
        var scanned = 0
        let page = store.page(under: .subscription(sub), types: ["Microsoft.CognitiveServices/accounts"], after: lastKey, limit: 50) { _ in
            scanned += 1
            return true
        }
        // Then only the page (plus one look-ahead) was examined, not the 100,000
        #expect(page.items.count == 50)
        #expect(scanned == 51)
        #expect(page.items.first!.id.key > lastKey)
        // And the same holds inside one group without a type filter
        scanned = 0
        _ = store.page(under: .resourceGroup(subscriptionID: sub, name: "rg42"), limit: 20) { _ in
            scanned += 1
            return true
        }
        #expect(scanned == 21)
    }

    @Test func concurrentWritersAreSerialised() async throws {
        let store = ResourceStore()
        try store.put(account("counter"), body: ["n": 0])
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                group.addTask {
                    _ = try? store.put(self.account("a\(index)"), body: [:])
                    _ = try? store.update(self.account("counter")) { body in
                        body["n"] = .int(Int64((body["n"]?.intValue ?? 0) + 1))
                    }
                }
            }
        }
        #expect(store.count == 201)
        #expect(store.get(account("counter"))?.body["n"] == 200)
    }

    @Test func snapshotRestoreAndReset() throws {
        let store = ResourceStore()
        try store.put(account("b"), body: ["v": 1])
        try store.put(account("a"), body: ["v": 2])
        let snapshot = store.snapshot()
        #expect(snapshot.map(\.id.name) == ["a", "b"])
        store.reset()
        #expect(store.count == 0)
        #expect(store.page(under: nil, limit: 10).items.isEmpty)
        store.restore(snapshot)
        #expect(store.get(account("a"))?.body["v"] == 2)
        #expect(store.all(under: group).count == 2)
    }

    @Test func requireThrowsResourceNotFound() {
        let store = ResourceStore()
        let error = expectARMError { _ = try store.require(account("zz").child(type: "deployments", name: "d")) }
        #expect(
            error?.message.hasPrefix(
                "The Resource 'Microsoft.CognitiveServices/accounts/zz/deployments/d' under resource group 'rg' was not found.") == true)
        #expect(error?.details.first?.code == "NotFound")
    }
}

@Suite struct ResourceStoreContainmentTests {
    let sub = Fixture.subscription
    var group: ResourceID { .resourceGroup(subscriptionID: sub, name: "rg") }
    var account: ResourceID {
        ResourceID(subscriptionID: sub, resourceGroup: "rg", namespace: "Microsoft.CognitiveServices", types: ["accounts"], names: ["a"])
    }

    @Test func createsInsideAMissingOrDeletingGroupAreRefusedAtomically() throws {
        let store = ResourceStore(requiresResourceGroups: true)
        // No group: 404 ResourceGroupNotFound, nothing stored
        #expect(expectARMError { try store.put(account, body: [:]) }?.code == "ResourceGroupNotFound")
        #expect(store.count == 0)
        // A group being deleted: 409 ResourceGroupBeingDeleted
        try store.put(group, body: ["properties": ["provisioningState": "Deleting"]])
        #expect(expectARMError { try store.put(account, body: [:]) }?.code == "ResourceGroupBeingDeleted")
        // A live group: the create lands, and later writes to it do not check again
        try store.put(group, body: ["properties": ["provisioningState": "Succeeded"]])
        #expect(try store.put(account, body: [:]).created)
        // The group's absence is answered before anything the body's builder would throw
        let elsewhere = ResourceID(
            subscriptionID: sub, resourceGroup: "gone", namespace: "Microsoft.CognitiveServices", types: ["accounts"], names: ["a"])
        let refused = expectARMError {
            try store.upsert(elsewhere) { _ in throw ARMError(status: 400, code: "InvalidBody", message: "from the builder") }
        }
        #expect(refused?.code == "ResourceGroupNotFound")
        // Without the option the store keeps its plain behaviour
        let plain = ResourceStore()
        #expect(try plain.put(account, body: [:]).created)
    }

    @Test func observerSeesEveryChangeInOrder() throws {
        final class Recorder: ResourceStoreObserver, @unchecked Sendable {
            var changes: [ResourceStoreChange] = []
            func resourceStore(didChange change: ResourceStoreChange) { changes.append(change) }
        }
        let recorder = Recorder()
        let store = ResourceStore(observer: recorder)
        let put = try store.put(group, body: [:]).resource
        let updated = try store.update(group) { $0["x"] = 1 }
        try store.put(account, body: [:])
        store.removeAll(under: group)
        store.reset()
        store.restore([put])
        #expect(recorder.changes.count == 7)
        #expect(recorder.changes[0] == .put(put))
        #expect(recorder.changes[1] == .put(updated))
        #expect(recorder.changes[3] == .delete(group))
        #expect(recorder.changes[4] == .delete(account))
        #expect(recorder.changes[5] == .removeAll)
        #expect(recorder.changes[6] == .replaceAll([put]))
        // A write refused by its precondition changes nothing and reports nothing
        _ = expectARMError { try store.put(group, body: [:], precondition: Precondition(ifMatch: "\"stale\"")) }
        #expect(recorder.changes.count == 7)
    }
}
