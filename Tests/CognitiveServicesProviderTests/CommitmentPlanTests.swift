import ARMCore
import Foundation
import JSON
import Testing

@testable import CognitiveServicesProvider

@Suite("CognitiveServices commitment plans, private link and 501 types")
struct CommitmentPlanTests {
    typealias World = CognitiveServicesTestWorld

    func createTextAnalytics(_ world: World, _ name: String) async throws {
        let reply = try await world.client.send(
            "PUT", world.account(name), body: #"{"location":"eastus","kind":"TextAnalytics","sku":{"name":"S"},"properties":{}}"#)
        #expect(reply.status == 201)
    }

    @Test func tiersListTheRecordedFamilies() async throws {
        let world = try World()
        let tiers = try await world.client.send("GET", World.provider + "/locations/westus/commitmentTiers")
        #expect(tiers.status == 200)
        let values = try #require(tiers.json?["value"]?.arrayValue)
        #expect(values.count == CommitmentTier.all.count)
        #expect(
            values.contains([
                "kind": "TextAnalytics", "skuName": "S", "hostingModel": "Web", "planType": "TA", "tier": "T1",
                "quota": ["quantity": 1_000_000, "unit": "Transaction"], "cost": .object(JSONObject()),
            ]))
    }

    @Test func accountPlanCrudWithProratedCurrentPeriod() async throws {
        let world = try World()
        try await world.createGroup()
        try await createTextAnalytics(world, "ta1")
        let plan = world.account("ta1") + "/commitmentPlans/plan"
        let body = #"{"properties":{"hostingModel":"Web","planType":"TA","current":{"tier":"T1"},"autoRenew":false,"next":{"tier":"T2"}}}"#
        let created = try await world.client.send("PUT", plan, body: body)
        #expect(created.status == 201)
        #expect(created.json?["type"]?.stringValue == "Microsoft.CognitiveServices/accounts/commitmentPlans")
        let current = try #require(created.properties?["current"])
        #expect(current["tier"]?.stringValue == "T1")
        #expect(current["startDate"]?.stringValue?.hasSuffix("T00:00:00Z") == true)
        #expect((current["quota"]?["quantity"]?.intValue ?? 0) <= 1_000_000)
        #expect(created.properties?["next"]?["quota"] == ["quantity": 3_000_000, "unit": "Transaction"])
        #expect(created.properties?["autoRenew"]?.boolValue == false)
        #expect(try await world.client.send("PUT", plan, body: body).status == 200)
        #expect(try await world.client.send("GET", plan).json?["name"]?.stringValue == "plan")
        #expect(try await world.client.send("GET", world.account("ta1") + "/commitmentPlans").json?["value"]?.arrayValue?.count == 1)

        let badTier = try await world.client.send(
            "PUT", world.account("ta1") + "/commitmentPlans/p2",
            body: #"{"properties":{"hostingModel":"Web","planType":"TA","current":{"tier":"T9"}}}"#)
        #expect(badTier.status == 400)
        #expect(badTier.code == "InvalidResourceProperties")
        let badModel = try await world.client.send(
            "PUT", world.account("ta1") + "/commitmentPlans/p2", body: #"{"properties":{"hostingModel":"Cloud","planType":"TA"}}"#)
        #expect(badModel.status == 400)

        #expect(try await world.client.send("DELETE", plan).status == 200)
        #expect(try await world.client.send("GET", plan).status == 404)
        #expect(try await world.client.send("DELETE", plan).status == 204)
    }

    @Test func sharedPlansAndAccountAssociations() async throws {
        let world = try World()
        try await world.createGroup()
        try await createTextAnalytics(world, "ta1")
        let plan = world.group() + "/providers/Microsoft.CognitiveServices/commitmentPlans/shared"
        let created = try await world.client.send(
            "PUT", plan,
            body:
                #"{"location":"eastus","kind":"TextAnalytics","sku":{"name":"S"},"properties":{"hostingModel":"Web","planType":"TA","current":{"tier":"T1"},"autoRenew":true}}"#
        )
        #expect(created.status == 201)
        #expect(created.properties?["commitmentPlanGuid"]?.stringValue?.count == 36)
        let noLocation = try await world.client.send(
            "PUT", plan + "2", body: #"{"kind":"TextAnalytics","sku":{"name":"S"},"properties":{"hostingModel":"Web","planType":"TA"}}"#)
        #expect(noLocation.status == 400)
        #expect(try await world.client.send("GET", World.provider + "/commitmentPlans").json?["value"]?.arrayValue?.count == 1)
        let tagged = try await world.client.send("PATCH", plan, body: #"{"tags":{"team":"a"}}"#)
        #expect(tagged.json?["tags"] == ["team": "a"])

        let association = plan + "/accountAssociations/a1"
        let associated = try await world.client.send("PUT", association, body: #"{"properties":{"accountId":"\#(world.account("ta1"))"}}"#)
        #expect(associated.status == 201)
        #expect(associated.properties?["accountId"]?.stringValue == world.account("ta1"))
        let missingAccount = try await world.client.send(
            "PUT", plan + "/accountAssociations/a2", body: #"{"properties":{"accountId":"\#(world.account("none"))"}}"#)
        #expect(missingAccount.status == 400)
        #expect(try await world.client.send("GET", plan + "/accountAssociations").json?["value"]?.arrayValue?.count == 1)
        #expect(try await world.client.send("DELETE", association).status == 200)
        #expect(try await world.client.send("DELETE", plan).status == 200)
        #expect(try await world.client.send("GET", plan).status == 404)
    }

    @Test func privateLinkResourcesNameTheZonesOfTheKind() async throws {
        let world = try World()
        try await world.createGroup()
        try await world.createAccount("ai1", subdomain: "ai1")
        let resources = try await world.client.send("GET", world.account("ai1") + "/privateLinkResources")
        let first = try #require(resources.json?["value"]?[0])
        #expect(first["properties"]?["groupId"]?.stringValue == "account")
        #expect(first["properties"]?["requiredZoneNames"]?.arrayValue?.count == 3)
        #expect(try await world.client.send("GET", world.account("ai1") + "/privateEndpointConnections").json == ["value": []])
        let connection = world.account("ai1") + "/privateEndpointConnections/pe1"
        #expect(try await world.client.send("GET", connection).status == 404)
        let approve = try await world.client.send(
            "PUT", connection, body: #"{"properties":{"privateLinkServiceConnectionState":{"status":"Approved"}}}"#)
        #expect(approve.status == 404)
        #expect(try await world.client.send("DELETE", connection).status == 204)
    }

    @Test func unmodelledTypesAnswer501OnEveryVerb() async throws {
        let world = try World()
        try await world.createGroup()
        try await world.createAccount("ai1", subdomain: "ai1")
        for type in ["managedComputeDeployments", "computes", "capabilityHosts", "raiBlocklists", "encryptionScopes"] {
            let collection = world.account("ai1") + "/\(type)"
            for (method, path) in [
                ("GET", collection), ("GET", collection + "/x"), ("PUT", collection + "/x"), ("PATCH", collection + "/x"),
                ("DELETE", collection + "/x"),
            ] {
                let reply = try await world.client.send(method, path, body: method == "PUT" || method == "PATCH" ? "{}" : nil)
                #expect(reply.status == 501, "\(method) \(type)")
                #expect(reply.code == "NotImplemented")
            }
        }
        #expect(try await world.client.send("POST", world.account("ai1") + "/computes/x/start").status == 501)
    }
}
