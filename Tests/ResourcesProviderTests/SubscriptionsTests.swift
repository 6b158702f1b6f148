import ARMCore
import Identity
import JSON
import Testing

@testable import ResourcesProvider

@Suite("Subscriptions, tenants, locations")
struct SubscriptionsTests {
    @Test func listsTheCallersSubscriptionWithTheFieldsAzNeeds() async throws {
        let world = try ResourcesTestWorld()
        let reply = try await world.client.send("GET", "/subscriptions", apiVersion: "2022-12-01")
        #expect(reply.status == 200)
        let first = try #require(reply.json?["value"]?.arrayValue?.first)
        #expect(first["id"]?.stringValue == "/subscriptions/\(WellKnown.subscriptionId)")
        #expect(first["subscriptionId"]?.stringValue == WellKnown.subscriptionId)
        #expect(first["tenantId"]?.stringValue == WellKnown.tenantId)
        #expect(first["state"]?.stringValue == "Enabled")
    }

    @Test func unknownSubscriptionIsNotFound() async throws {
        let world = try ResourcesTestWorld()
        let reply = try await world.client.send("GET", "/subscriptions/00000000-0000-0000-0000-000000000000", apiVersion: "2022-12-01")
        #expect(reply.status == 404)
        #expect(reply.json?["error"]?["code"]?.stringValue == "SubscriptionNotFound")
    }

    @Test func locationsAndTenants() async throws {
        let world = try ResourcesTestWorld()
        let locations = try await world.client.send("GET", "/subscriptions/\(WellKnown.subscriptionId)/locations", apiVersion: "2022-12-01")
        let eastus = locations.json?["value"]?.arrayValue?.first { $0["name"]?.stringValue == "eastus" }
        #expect(eastus?["displayName"]?.stringValue == "East US")
        #expect(eastus?["id"]?.stringValue == "/subscriptions/\(WellKnown.subscriptionId)/locations/eastus")
        let tenants = try await world.client.send("GET", "/tenants", apiVersion: "2022-12-01")
        #expect(tenants.json?["value"]?.arrayValue?.first?["tenantId"]?.stringValue == WellKnown.tenantId)
    }
}

@Suite("Cloud metadata")
struct CloudMetadataTests {
    @Test func objectForAzAndListForOlderClients() async throws {
        // The public pipeline as the emulator builds it.
        let pipeline = CloudMetadata().pipeline()
        func get(_ target: String) async throws -> JSONValue {
            let response = await pipeline.handle(
                .init(method: "GET", target: target, headers: .init([("Host", "localhost:9443")]), isTLS: true))
            #expect(response.status == 200)
            return try JSONParser.parse(response.body)
        }
        // az concatenates the endpoint and the path, so the path starts with `//`.
        let object = try await get("//metadata/endpoints?api-version=2022-09-01")
        #expect(object["resourceManager"]?.stringValue == "https://localhost:9443/")
        #expect(object["authentication"]?["loginEndpoint"]?.stringValue == "https://localhost:9443")
        #expect(object["authentication"]?["audiences"]?.arrayValue?.first?.stringValue == "https://localhost:9443/")
        #expect(object["suffixes"]?.objectValue != nil)
        let list = try await get("/metadata/endpoints?api-version=2019-05-01")
        #expect(list.arrayValue?.first?["name"]?.stringValue == CloudMetadata.cloudName)
        let missing = await pipeline.handle(
            .init(method: "GET", target: "/metadata/endpoints", headers: .init([("Host", "localhost:9443")])))
        #expect(missing.status == 400)
        #expect(try JSONParser.parse(missing.body)["error"]?["code"]?.stringValue == "MissingApiVersionParameter")
    }
}

@Suite("Generic resources and providers")
struct GenericResourcesTests {
    @Test func listsTopLevelResourcesOnlyWithFilters() async throws {
        let world = try ResourcesTestWorld()
        _ = try await world.client.send("PUT", "\(world.groups)/rg1", body: #"{"location":"eastus"}"#)
        let account = try #require(ResourceID("\(world.groups)/rg1/providers/Microsoft.Storage/storageAccounts/sa1"))
        let container = try #require(ResourceID(account.description + "/blobServices/default"))
        for id in [account, container] {
            try world.store.put(
                id,
                body: [
                    "id": .string(id.description), "name": .string(id.name), "type": .string(id.fullType), "location": "eastus",
                    "tags": ["k": "v"],
                ])
        }
        let all = try await world.client.send("GET", "/subscriptions/\(ResourcesTestWorld.subscription)/resources")
        #expect(all.json?["value"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [account.description])
        let byType = try await world.client.send(
            "GET", "\(world.groups)/rg1/resources?%24filter=resourceType%20eq%20%27microsoft.storage%2Fstorageaccounts%27")
        #expect(byType.json?["value"]?.arrayValue?.count == 1)
        let none = try await world.client.send(
            "GET", "\(world.groups)/rg1/resources?%24filter=resourceType%20eq%20%27Microsoft.KeyVault%2Fvaults%27")
        #expect(none.json?["value"]?.arrayValue?.count == 0)
        let missingGroup = try await world.client.send("GET", "\(world.groups)/nope/resources")
        #expect(missingGroup.json?["error"]?["code"]?.stringValue == "ResourceGroupNotFound")
    }

    @Test func typesNoRegistrationDeclaresAreNeverListed() async throws {
        // Given a declared storage account, an undeclared top-level type and the agent service's
        // objects stored below a Foundry project.
        let world = try ResourcesTestWorld()
        _ = try await world.client.send("PUT", "\(world.groups)/rg1", body: #"{"location":"eastus"}"#)
        let group = "\(world.groups)/rg1/providers"
        let ids = try [
            "\(group)/Microsoft.Storage/storageAccounts/sa1", "\(group)/Microsoft.Undeclared/things/t1",
            "\(group)/Microsoft.CognitiveServices/accounts/a1/projects/p1/agents/MyAgent",
            "\(group)/Microsoft.CognitiveServices/accounts/a1/projects/p1/conversations/conv_1",
        ].map { try #require(ResourceID($0)) }
        for id in ids { try world.store.put(id, body: ["id": .string(id.description), "name": .string(id.name)]) }
        // When the subscription's and the group's resources are listed, then only the storage account shows.
        for path in ["/subscriptions/\(ResourcesTestWorld.subscription)/resources", "\(world.groups)/rg1/resources"] {
            let listed = try await world.client.send("GET", path)
            #expect(listed.json?["value"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [ids[0].description])
        }
    }

    @Test func providersAreRegistered() async throws {
        let world = try ResourcesTestWorld()
        let provider = try await world.client.send("GET", "/subscriptions/\(ResourcesTestWorld.subscription)/providers/microsoft.resources")
        #expect(provider.json?["namespace"]?.stringValue == "Microsoft.Resources")
        #expect(provider.json?["registrationState"]?.stringValue == "Registered")
        let registered = try await world.client.send(
            "POST", "/subscriptions/\(ResourcesTestWorld.subscription)/providers/Microsoft.Resources/register")
        #expect(registered.status == 200)
        let unknown = try await world.client.send("GET", "/subscriptions/\(ResourcesTestWorld.subscription)/providers/Microsoft.Nope")
        #expect(unknown.status == 404)
        #expect(unknown.json?["error"]?["code"]?.stringValue == "InvalidResourceNamespace")
        let unregister = try await world.client.send(
            "POST", "/subscriptions/\(ResourcesTestWorld.subscription)/providers/Microsoft.Resources/unregister")
        // ARM's own namespace stays registered (FeaturesTests covers unregistering others).
        #expect(unregister.status == 409)
        #expect(unregister.json?["error"]?["code"]?.stringValue == "ResourceProviderUnregistrationNotAllowed")
    }
}
