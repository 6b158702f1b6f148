import ARMCore
import Foundation
import JSON
import Synchronization
import Testing

@testable import ResourcesProvider

@Suite("Resource groups")
struct ResourceGroupsTests {
    @Test func createReturns201ThenUpdateReturns200WithCanonicalId() async throws {
        let world = try ResourcesTestWorld()
        // Given no group; when it is created through the lower-case path az and the SDKs send
        let created = try await world.client.send(
            "PUT", "/subscriptions/\(ResourcesTestWorld.subscription)/resourcegroups/My-RG",
            body: #"{"location":"East US","tags":{"env":"dev"}}"#)
        // then 201, the canonical `resourceGroups` id, the normalised location and systemData.
        #expect(created.status == 201)
        #expect(created.json?["id"]?.stringValue == "/subscriptions/\(ResourcesTestWorld.subscription)/resourceGroups/My-RG")
        #expect(created.json?["location"]?.stringValue == "eastus")
        #expect(created.json?["type"]?.stringValue == "Microsoft.Resources/resourceGroups")
        #expect(created.json?["properties"]?["provisioningState"]?.stringValue == "Succeeded")
        #expect(created.json?["tags"]?["env"]?.stringValue == "dev")
        #expect(created.json?["systemData"]?["createdBy"]?.stringValue == ResourcesTestWorld.operatorCaller.appId)
        #expect(created.json?["systemData"]?["createdByType"]?.stringValue == "Application")

        let updated = try await world.client.send("PUT", "\(world.groups)/my-rg", body: #"{"location":"eastus"}"#)
        #expect(updated.status == 200)
        #expect(updated.json?["tags"] == nil)
        #expect(updated.json?["name"]?.stringValue == "my-rg")
        #expect(updated.json?["systemData"]?["createdAt"] == created.json?["systemData"]?["createdAt"])
    }

    @Test func putWithOtherLocationIsRefusedAndKeepsTheGroup() async throws {
        let world = try ResourcesTestWorld()
        _ = try await world.client.send("PUT", "\(world.groups)/rg1", body: #"{"location":"eastus","tags":{"a":"1"}}"#)
        let reply = try await world.client.send("PUT", "\(world.groups)/rg1", body: #"{"location":"westus"}"#)
        #expect(reply.status == 409)
        #expect(reply.json?["error"]?["code"]?.stringValue == "InvalidResourceGroupLocation")
        #expect(
            reply.json?["error"]?["message"]?.stringValue
                == "Invalid resource group location 'westus'. The Resource group already exists in location 'eastus'.")
        let after = try await world.client.send("GET", "\(world.groups)/rg1")
        #expect(after.json?["tags"]?["a"]?.stringValue == "1")
    }

    @Test func badInputGetsARMErrors() async throws {
        let world = try ResourcesTestWorld()
        let noLocation = try await world.client.send("PUT", "\(world.groups)/rg1", body: #"{"tags":{}}"#)
        #expect(noLocation.status == 400)
        #expect(noLocation.json?["error"]?["code"]?.stringValue == "LocationRequired")

        let badLocation = try await world.client.send("PUT", "\(world.groups)/rg1", body: #"{"location":"moon"}"#)
        #expect(badLocation.status == 400)
        #expect(badLocation.json?["error"]?["code"]?.stringValue == "LocationNotAvailableForResourceGroup")

        let badName = try await world.client.send("PUT", "\(world.groups)/bad*name", body: #"{"location":"eastus"}"#)
        #expect(badName.status == 400)
        #expect(badName.json?["error"]?["code"]?.stringValue == "InvalidResourceGroup")

        let badJSON = try await world.client.send("PUT", "\(world.groups)/rg1", body: #"{"location":"#)
        #expect(badJSON.status == 400)
        #expect(badJSON.json?["error"]?["code"]?.stringValue == "InvalidRequestContent")

        let noVersion = try await world.client.send("GET", "\(world.groups)/rg1", apiVersion: "")
        #expect(noVersion.status == 400)
        #expect(noVersion.json?["error"]?["code"]?.stringValue == "MissingApiVersionParameter")

        // Nothing was created by any of these.
        let get = try await world.client.send("GET", "\(world.groups)/rg1")
        #expect(get.status == 404)
        #expect(get.json?["error"]?["code"]?.stringValue == "ResourceGroupNotFound")
        #expect(get.json?["error"]?["message"]?.stringValue == "Resource group 'rg1' could not be found.")
    }

    @Test func headAnswers204Or404WithoutBody() async throws {
        let world = try ResourcesTestWorld()
        let missing = try await world.client.send("HEAD", "\(world.groups)/rg1")
        #expect(missing.status == 404)
        #expect(missing.json == nil)
        _ = try await world.client.send("PUT", "\(world.groups)/rg1", body: #"{"location":"eastus"}"#)
        let present = try await world.client.send("HEAD", "\(world.groups)/RG1")
        #expect(present.status == 204)
    }

    @Test func patchReplacesTagsWholesale() async throws {
        let world = try ResourcesTestWorld()
        _ = try await world.client.send("PUT", "\(world.groups)/rg1", body: #"{"location":"eastus","tags":{"a":"1","b":"2"}}"#)
        let patched = try await world.client.send("PATCH", "\(world.groups)/rg1", body: #"{"tags":{"c":"3"}}"#)
        #expect(patched.status == 200)
        #expect(patched.json?["tags"] == ["c": "3"])
        #expect(patched.json?["location"]?.stringValue == "eastus")
        let missing = try await world.client.send("PATCH", "\(world.groups)/nope", body: #"{"tags":{}}"#)
        #expect(missing.status == 404)
        #expect(missing.json?["error"]?["code"]?.stringValue == "ResourceGroupNotFound")
    }

    /// Regression (scripts/api-fuzz): `managedBy` of another JSON type was stored and returned,
    /// against the resource group schema. ARM's deserializer refuses it.
    @Test func managedByMustBeAStringOrNull() async throws {
        let world = try ResourcesTestWorld()
        let owned = #"{"location":"eastus","managedBy":"/subscriptions/x/resourceGroups/owner"}"#
        _ = try await world.client.send("PUT", "\(world.groups)/rg1", body: owned)
        for bad in [#"{"managedBy":{}}"#, #"{"managedBy":[]}"#, #"{"managedBy":7}"#] {
            let patched = try await world.client.send("PATCH", "\(world.groups)/rg1", body: bad)
            #expect(patched.status == 400)
            #expect(patched.json?["error"]?["code"]?.stringValue == "InvalidRequestContent")
        }
        let put = try await world.client.send("PUT", "\(world.groups)/rg2", body: #"{"location":"eastus","managedBy":{"a":1}}"#)
        #expect(put.status == 400)
        #expect(try await world.client.send("GET", "\(world.groups)/rg2").status == 404)
        let read = try await world.client.send("GET", "\(world.groups)/rg1")
        #expect(read.json?["managedBy"]?.stringValue == "/subscriptions/x/resourceGroups/owner")
        let cleared = try await world.client.send("PATCH", "\(world.groups)/rg1", body: #"{"managedBy":null}"#)
        #expect(cleared.status == 200)
        #expect(cleared.json?["managedBy"] == Optional<JSONValue>.none)
    }

    @Test func deleteIsAsynchronousAndCascades() async throws {
        let world = try ResourcesTestWorld()
        _ = try await world.client.send("PUT", "\(world.groups)/rg1", body: #"{"location":"eastus"}"#)
        // A resource inside the group, written as a provider would.
        let child = try #require(ResourceID("\(world.groups)/rg1/providers/Microsoft.Storage/storageAccounts/sa1"))
        try world.store.put(
            child,
            body: ["id": .string(child.description), "name": "sa1", "type": "Microsoft.Storage/storageAccounts", "location": "eastus"])
        let deleted = try await world.client.send("DELETE", "\(world.groups)/rg1")
        #expect(deleted.status == 202)
        let location = try #require(deleted.headers["Location"])
        #expect(location.hasPrefix("https://localhost:8443/subscriptions/\(ResourcesTestWorld.subscription)/operationresults/"))
        #expect(deleted.headers["Retry-After"] == "1")
        #expect(world.store.get(child) == nil)
        let gone = try await world.client.send("GET", "\(world.groups)/rg1")
        #expect(gone.status == 404)
        let poll = try await world.client.send("GET", String(location.dropFirst("https://localhost:8443".count)), apiVersion: "")
        #expect(poll.status == 200)
        let again = try await world.client.send("DELETE", "\(world.groups)/rg1")
        #expect(again.status == 404)
        #expect(again.json?["error"]?["code"]?.stringValue == "ResourceGroupNotFound")
    }

    /// Records what a provider's ResourceGroupCascade is told.
    final class RecordingCascade: ResourceGroupCascade {
        let calls = Mutex<[(group: String, removed: [String])]>([])

        func resourceGroupDeleted(_ group: ResourceID, removed: [StoredResource], for request: ARMRequest) {
            calls.withLock { $0.append((group.description, removed.map(\.id.description).sorted())) }
        }
    }

    @Test(arguments: [Duration.zero, .milliseconds(20)])
    func deleteTellsEveryCascadeWhatWasRemoved(delay: Duration) async throws {
        let first = RecordingCascade()
        let second = RecordingCascade()
        let world = try ResourcesTestWorld(provisioningDelay: delay, cascades: [first, second])
        _ = try await world.client.send("PUT", "\(world.groups)/rg1", body: #"{"location":"eastus"}"#)
        _ = try await world.client.send("PUT", "\(world.groups)/rg2", body: #"{"location":"eastus"}"#)
        let child = try #require(ResourceID("\(world.groups)/rg1/providers/Microsoft.Storage/storageAccounts/sa1"))
        try world.store.put(child, body: ["id": .string(child.description), "name": "sa1"])
        let elsewhere = try #require(ResourceID("\(world.groups)/rg2/providers/Microsoft.Storage/storageAccounts/sa2"))
        try world.store.put(elsewhere, body: ["id": .string(elsewhere.description), "name": "sa2"])

        let deleted = try await world.client.send("DELETE", "\(world.groups)/rg1")
        #expect(deleted.status == 202)
        let location = try #require(deleted.headers["Location"]).dropFirst("https://localhost:8443".count)
        var poll = try await world.client.send("GET", String(location), apiVersion: "")
        for _ in 0..<400 where poll.status == 202 {
            try await Task.sleep(for: .milliseconds(10))
            poll = try await world.client.send("GET", String(location), apiVersion: "")
        }
        #expect(poll.status == 200)

        for cascade in [first, second] {
            let calls = cascade.calls.withLock { $0 }
            #expect(calls.count == 1)
            #expect(calls.first?.group == "\(world.groups)/rg1")
            #expect(calls.first?.removed == ["\(world.groups)/rg1", child.description])
        }
        #expect(world.store.get(elsewhere) != nil)
    }

    @Test func listPagesAndFiltersByTag() async throws {
        let world = try ResourcesTestWorld()
        for index in 0..<5 {
            let tags = index % 2 == 0 ? #"{"env":"test"}"# : #"{"env":"prod"}"#
            _ = try await world.client.send("PUT", "\(world.groups)/rg\(index)", body: #"{"location":"eastus","tags":\#(tags)}"#)
        }
        let first = try await world.client.send("GET", "\(world.groups)?%24top=2")
        #expect(first.json?["value"]?.arrayValue?.count == 2)
        var names: [String] = first.json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        var next = first.json?["nextLink"]?.stringValue
        while let link = next {
            #expect(link.hasPrefix("https://localhost:8443/subscriptions/"))
            let page = try await world.client.send("GET", String(link.dropFirst("https://localhost:8443".count)), apiVersion: "")
            names += page.json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            next = page.json?["nextLink"]?.stringValue
        }
        #expect(names.sorted() == ["rg0", "rg1", "rg2", "rg3", "rg4"])

        let filtered = try await world.client.send(
            "GET", "\(world.groups)?%24filter=tagName%20eq%20%27env%27%20and%20tagValue%20eq%20%27test%27")
        let filteredNames = filtered.json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue }.sorted()
        #expect(filteredNames == ["rg0", "rg2", "rg4"])

        let badFilter = try await world.client.send("GET", "\(world.groups)?%24filter=nonsense")
        #expect(badFilter.status == 400)
    }
}
