import ARMCore
import Foundation
import Identity
import JSON
import Testing

@testable import Emulator

/// The activity log through the whole emulator, in-process: what the recorder writes, what
/// `eventtypes/management/values` answers (filter, paging, `$select`, RBAC), and its life with
/// `/_emulator/state`, `--data-dir` and reset.
@Suite struct ActivityLogTests {
    static let readerRole = "acdd72a7-3385-48ef-bd42-f606fba81ae7"

    static func valuesPath(_ filter: String, select: String? = nil) -> String {
        var target =
            "/subscriptions/\(InProcessEmulator.subscription)/providers/microsoft.insights/eventtypes/management/values"
            + "?api-version=2015-04-01&$filter=" + filter.addingQueryValueEncoding
        if let select { target += "&$select=" + select.addingQueryValueEncoding }
        return target
    }

    static func window() -> String {
        let start = ARMTimestamp.string(from: Date().addingTimeInterval(-3600))
        return "eventTimestamp ge '\(start)'"
    }

    static func events(_ world: InProcessEmulator, _ filter: String, token: String? = nil) async throws -> [JSONValue] {
        let reply = try await world.anonymous.send("GET", valuesPath(filter), token: token ?? world.token)
        return reply.json?["value"]?.arrayValue ?? []
    }

    @Test func aWriteRecordsBeginAndEndSharingCorrelationAndOperation() async throws {
        let world = try await InProcessEmulator()
        let reply = try await world.client.send(
            "PUT", world.group("audited"), body: #"{"location":"eastus"}"#, headers: [("x-ms-correlation-request-id", "corr-1")])
        #expect(reply.status == 201)
        _ = try await world.client.send("GET", world.group("audited"))
        let events = try await Self.events(world, Self.window() + " and correlationId eq 'corr-1'")
        #expect(events.count == 2)
        // Newest first.
        let end = try #require(events.first)
        let begin = try #require(events.last)
        #expect(begin["eventName"]?["value"] == "BeginRequest")
        #expect(begin["status"]?["value"] == "Started")
        #expect(end["eventName"]?["value"] == "EndRequest")
        #expect(end["status"]?["value"] == "Succeeded")
        #expect(end["subStatus"]?["value"] == "Created")
        #expect(end["subStatus"]?["localizedValue"] == "Created (HTTP Status Code: 201)")
        #expect(end["properties"]?["statusCode"] == "Created")
        #expect(begin["operationId"] == end["operationId"])
        #expect(end["resourceId"]?.stringValue == world.group("audited"))
        #expect(end["resourceGroupName"] == "audited")
        #expect(end["resourceType"]?["value"] == "Microsoft.Resources/subscriptions/resourceGroups")
        #expect(end["operationName"]?["value"] == "Microsoft.Resources/subscriptions/resourceGroups/write")
        #expect(end["authorization"]?["action"] == "Microsoft.Resources/subscriptions/resourceGroups/write")
        #expect(end["caller"]?.stringValue == WellKnown.operatorObjectId)
        #expect(end["category"]?["value"] == "Administrative")
        #expect(end["channels"] == "Operation")
        #expect(end["level"] == "Informational")
        #expect(end["httpRequest"]?["method"] == "PUT")
        #expect(end["claims"]?["http://schemas.microsoft.com/identity/claims/objectidentifier"]?.stringValue == WellKnown.operatorObjectId)
        let id = try #require(end["id"]?.stringValue)
        #expect(id.hasPrefix(world.group("audited") + "/events/" + (end["eventDataId"]?.stringValue ?? "") + "/ticks/"))
        // Reads are not recorded.
        #expect(try await Self.events(world, Self.window() + " and status eq 'Started'").count == 1)
    }

    @Test func whatTheMLServiceCreatesForAHubIsRecordedAsItsOwnWithTheHubsCorrelation() async throws {
        // Given RBAC enforced (the default) and a hub PUT by the operator.
        let world = try await InProcessEmulator()
        #expect(try await world.client.send("PUT", world.group("ml-audit"), body: #"{"location":"eastus"}"#).status == 201)
        let hub = try await world.client.send(
            "PUT", world.group("ml-audit") + "/providers/Microsoft.MachineLearningServices/workspaces/hub1",
            apiVersion: "2024-10-01", body: #"{"location":"eastus","kind":"Hub"}"#, headers: [("x-ms-correlation-request-id", "corr-hub")])
        #expect(hub.status == 200)

        // Then the storage account and key vault writes are the ML service's, under the hub's correlation id.
        let events = try await Self.events(world, Self.window() + " and correlationId eq 'corr-hub'")
        let ends = events.filter { $0["eventName"]?["value"] == "EndRequest" }
        let byAction = Dictionary(
            ends.compactMap { event in event["operationName"]?["value"]?.stringValue.map { ($0, event) } }, uniquingKeysWith: { a, _ in a })
        let storage = try #require(byAction["Microsoft.Storage/storageAccounts/write"])
        let vault = try #require(byAction["Microsoft.KeyVault/vaults/write"])
        let workspace = try #require(byAction["Microsoft.MachineLearningServices/workspaces/write"])
        for event in [storage, vault] {
            #expect(event["caller"]?.stringValue == WellKnown.machineLearningServiceObjectId)
            #expect(event["status"]?["value"] == "Succeeded")
        }
        #expect(workspace["caller"]?.stringValue == WellKnown.operatorObjectId)
        #expect(ends.count == 3)
    }

    @Test func aFailedWriteIsAnErrorWithItsBody() async throws {
        let world = try await InProcessEmulator()
        let reply = try await world.client.send("PUT", world.group("bad"), body: #"{"location":"nowhere"}"#)
        #expect(reply.status == 400)
        let failed = try await Self.events(world, Self.window() + " and status eq 'Failed'")
        let event = try #require(failed.first)
        #expect(event["level"] == "Error")
        #expect(event["subStatus"]?["value"] == "BadRequest")
        let message = try #require(event["properties"]?["statusMessage"]?.stringValue)
        #expect(message.contains(reply.code ?? "?"))
    }

    @Test func aDeniedWriteIsRecordedAndFilteredByCaller() async throws {
        let world = try await InProcessEmulator()
        let principal = world.emulator.world.directory.createServicePrincipal(displayName: "nobody")
        let token = world.emulator.world.identity.issueToken(for: .servicePrincipal(principal), audience: "https://127.0.0.1:8443/")
        let denied = try await world.anonymous.send(
            "PUT", world.group("denied") + "?api-version=2024-11-01", body: #"{"location":"eastus"}"#, token: token)
        #expect(denied.status == 403)
        let events = try await Self.events(world, Self.window() + " and caller eq '\(principal.objectId)'")
        #expect(events.count == 2)
        #expect(events.first?["status"]?["value"] == "Failed")
        #expect(events.first?["subStatus"]?["value"] == "Forbidden")
        #expect(events.first?["properties"]?["statusMessage"]?.stringValue?.contains("AuthorizationFailed") == true)
        // The principal without rights reads nothing, not even its own denial.
        #expect(try await Self.events(world, Self.window(), token: token).isEmpty)
    }

    @Test func aReaderOfOneGroupSeesOnlyThatGroupsEvents() async throws {
        let world = try await InProcessEmulator()
        _ = try await world.client.send("PUT", world.group("mine"), body: #"{"location":"eastus"}"#)
        _ = try await world.client.send("PUT", world.group("theirs"), body: #"{"location":"eastus"}"#)
        let principal = world.emulator.world.directory.createServicePrincipal(displayName: "reader")
        let assignment = try await world.client.send(
            "PUT", world.group("mine") + "/providers/Microsoft.Authorization/roleAssignments/\(UUID().uuidString.lowercased())",
            apiVersion: "2022-04-01",
            body: #"{"properties":{"roleDefinitionId":"/subscriptions/\#(InProcessEmulator.subscription)/providers/"#
                + #"Microsoft.Authorization/roleDefinitions/\#(Self.readerRole)","principalId":"\#(principal.objectId)","#
                + #""principalType":"ServicePrincipal"}}"#)
        #expect(assignment.status == 201)
        let token = world.emulator.world.identity.issueToken(for: .servicePrincipal(principal), audience: "https://127.0.0.1:8443/")
        let seen = try await Self.events(world, Self.window(), token: token)
        #expect(!seen.isEmpty)
        #expect(seen.allSatisfy { $0["resourceGroupName"] == "mine" })
        #expect(try await Self.events(world, Self.window()).contains { $0["resourceGroupName"] == "theirs" })
    }

    @Test func pagesNewestFirstWithAnAbsoluteNextLinkCarryingTheQuery() async throws {
        let world = try await InProcessEmulator()
        for index in 0..<110 { _ = try await world.client.send("PUT", world.group("page-\(index)"), body: #"{"location":"eastus"}"#) }
        let filter =
            "eventTimestamp ge " + ARMTimestamp.string(from: Date().addingTimeInterval(-3600)).replacingOccurrences(of: "Z", with: "+00:00")
        var target: String? = Self.valuesPath(filter, select: "eventTimestamp , resourceGroupName")
        var all: [JSONValue] = []
        var pages = 0
        while let next = target, pages < 10 {
            let reply = try await world.anonymous.send("GET", next, token: world.token)
            #expect(reply.status == 200)
            all += reply.json?["value"]?.arrayValue ?? []
            pages += 1
            target = reply.json?["nextLink"]?.stringValue.map { link in
                #expect(link.hasPrefix("https://127.0.0.1:8443/subscriptions/"))
                #expect(link.contains("api-version=2015-04-01"))
                #expect(link.contains("%2B00:00"))
                #expect(link.contains("$select="))
                return String(link.dropFirst("https://127.0.0.1:8443".count))
            }
        }
        #expect(pages == 2)
        #expect(all.count == 220)
        #expect(all.allSatisfy { $0.objectValue?.keys.sorted() == ["eventTimestamp", "resourceGroupName"] })
        let stamps = all.compactMap { $0["eventTimestamp"]?.stringValue }
        #expect(stamps == stamps.sorted(by: >))
    }

    @Test(arguments: [
        "", "eventTimestamp le 2026-01-01T00:00:00", "eventTimestamp ge 2026-01-01T00:00:00 and foo eq 'x'",
    ])
    func badFiltersAreAFlatBadRequest(filter: String) async throws {
        let world = try await InProcessEmulator()
        let reply = try await world.anonymous.send("GET", Self.valuesPath(filter), token: world.token)
        #expect(reply.status == 400)
        #expect(reply.json?["code"] == "BadRequest")
        #expect(reply.json?["error"] == nil)
    }

    @Test func aStartMoreThanNinetyDaysBackIsRefused() async throws {
        let world = try await InProcessEmulator()
        let start = ARMTimestamp.string(from: Date().addingTimeInterval(-91 * 86_400))
        let reply = try await world.anonymous.send("GET", Self.valuesPath("eventTimestamp ge '\(start)'"), token: world.token)
        #expect(reply.status == 400)
        #expect(reply.json?["message"]?.stringValue?.contains("90 days") == true)
    }

    @Test func categoriesAndTheTenantScope() async throws {
        let world = try await InProcessEmulator()
        _ = try await world.client.send("PUT", world.group("sub-level"), body: #"{"location":"eastus"}"#)
        let categories = try await world.anonymous.send(
            "GET", "/providers/microsoft.insights/eventcategories?api-version=2015-04-01", token: world.token)
        #expect(categories.status == 200)
        #expect(categories.json?["value"]?[0]?["value"] == "Administrative")
        let tenant = try await world.anonymous.send(
            "GET",
            "/providers/Microsoft.Insights/eventtypes/management/values?api-version=2015-04-01&$filter="
                + Self.window().addingQueryValueEncoding, token: world.token)
        #expect(tenant.status == 200)
        #expect(tenant.json?["value"]?.arrayValue?.isEmpty == true)
    }

    @Test func exportImportResetAndAnInvalidImport() async throws {
        let world = try await InProcessEmulator()
        _ = try await world.client.send("PUT", world.group("exported"), body: #"{"location":"eastus"}"#)
        let exported = try #require(try await world.anonymous.send("GET", "/_emulator/state").json)
        #expect(exported["activityLog"]?.arrayValue?.count == 2)
        _ = try await world.anonymous.send("POST", "/_emulator/reset")
        #expect(try await Self.events(world, Self.window()).isEmpty)
        var broken = exported
        broken["activityLog"] = [["eventDataId": "x"]]
        let refused = try await world.anonymous.send("PUT", "/_emulator/state", body: broken.compactString)
        #expect(refused.status == 400)
        #expect(try await Self.events(world, Self.window()).isEmpty)
        let imported = try await world.anonymous.send("PUT", "/_emulator/state", body: exported.compactString)
        #expect(imported.status == 200)
        #expect(try await Self.events(world, Self.window() + " and resourceGroupName eq 'exported'").count == 2)
    }

    @Test func aSecondEmulatorOnTheDataDirectorySeesTheEvents() async throws {
        let first = try await InProcessEmulator(durable: true)
        _ = try await first.client.send("PUT", first.group("durable"), body: #"{"location":"eastus"}"#)
        let second = try await InProcessEmulator(durable: true, dataDirectory: first.dataDirectory)
        let events = try await Self.events(second, Self.window() + " and resourceGroupName eq 'durable'")
        #expect(events.count == 2)
    }
}
