import ARMCore
import Identity
import Testing

@testable import ResourcesProvider

/// Microsoft.Features and provider registration state (docs/served.md).
@Suite struct FeaturesTests {
    static let features = "/subscriptions/\(WellKnown.subscriptionId)/providers/Microsoft.Features"
    static let registrations = [
        ResourcesProvider.registration, ResourcesProvider.featuresRegistration,
        ResourceProviderRegistration(
            namespace: "Microsoft.Storage", resourceTypes: [.init(name: "storageAccounts", apiVersions: ["2023-05-01"])]),
    ]

    @Test func catalogFeaturesStartRegisteredAndFlip() async throws {
        let world = try ResourcesTestWorld(registrations: Self.registrations)
        let path = Self.features + "/providers/microsoft.storage/features/allownfsv3"
        let shown = try await world.client.send("GET", path, apiVersion: "2021-07-01")
        #expect(shown.status == 200)
        #expect(shown.json?["name"]?.stringValue == "Microsoft.Storage/AllowNFSV3")
        #expect(shown.json?["type"]?.stringValue == "Microsoft.Features/providers/features")
        #expect(shown.json?["properties"]?["state"]?.stringValue == "Registered")
        let off = try await world.client.send("POST", path + "/unregister", apiVersion: "2021-07-01")
        #expect(off.json?["properties"]?["state"]?.stringValue == "Unregistered")
        #expect(
            !FeatureRegistration.isFeatureRegistered(
                world.store, subscriptionID: WellKnown.subscriptionId, namespace: "Microsoft.Storage", feature: "AllowNFSV3"))
        #expect(
            try await world.client.send("POST", path + "/register", apiVersion: "2021-07-01").json?["properties"]?["state"]?.stringValue
                == "Registered")
        #expect(
            FeatureRegistration.isFeatureRegistered(
                world.store, subscriptionID: WellKnown.subscriptionId, namespace: "Microsoft.Storage", feature: "AllowNFSV3"))
    }

    @Test func previewFeaturesStartNotRegisteredAndAreListedOnceTouched() async throws {
        let world = try ResourcesTestWorld(registrations: Self.registrations)
        let path = Self.features + "/providers/Microsoft.Resources/features/SomePreview"
        #expect(
            try await world.client.send("GET", path, apiVersion: "2021-07-01").json?["properties"]?["state"]?.stringValue == "NotRegistered"
        )
        _ = try await world.client.send("POST", path + "/register", apiVersion: "2021-07-01")
        let all = try await world.client.send("GET", Self.features + "/features", apiVersion: "2021-07-01")
        let names = all.json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(names.contains("Microsoft.Resources/SomePreview"))
        let unknown = try await world.client.send("GET", Self.features + "/providers/Contoso.Nothing/features/x", apiVersion: "2021-07-01")
        #expect(unknown.status == 404)
        #expect(unknown.json?["error"]?["code"]?.stringValue == "InvalidResourceNamespace")
    }

    @Test func providersUnregisterAndTheGateRefusesWrites() async throws {
        // A stand-in storage account write behind the production pipeline, whose registration gate is under test.
        let route = Route(
            "PUT", "/subscriptions/{subscriptionId}/providers/Microsoft.Storage/storageAccounts/{name}", operationID: "x",
            action: "Microsoft.Storage/storageAccounts/write"
        ) { _, _ in .ok(["done": true]) }
        let world = try ResourcesTestWorld(registrations: Self.registrations, otherRoutes: [route])
        let providers = "/subscriptions/\(WellKnown.subscriptionId)/providers"
        #expect(try await world.client.send("POST", providers + "/Microsoft.Resources/unregister").status == 409)
        let off = try await world.client.send("POST", providers + "/Microsoft.Storage/unregister")
        #expect(off.json?["registrationState"]?.stringValue == "Unregistered")
        #expect(
            try await world.client.send("GET", providers + "/microsoft.storage").json?["registrationState"]?.stringValue == "Unregistered")
        func put() async throws -> Int {
            try await world.client.send("PUT", "/subscriptions/\(WellKnown.subscriptionId)/providers/Microsoft.Storage/storageAccounts/a")
                .status
        }
        #expect(try await put() == 409)
        let on = try await world.client.send("POST", providers + "/Microsoft.Storage/register")
        #expect(on.json?["registrationState"]?.stringValue == "Registered")
        #expect(try await put() == 200)
    }
}
