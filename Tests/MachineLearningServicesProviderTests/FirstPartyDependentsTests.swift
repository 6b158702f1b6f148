import ARMCore
import Foundation
import Identity
import JSON
import Testing

@testable import MachineLearningServicesProvider

/// What the Machine Learning service creates for a workspace goes through the ARM pipeline as its
/// own first-party principal: the bodies are the other providers' own, its role is narrow, and a
/// refusal fails the workspace PUT without a partial write (docs/hubs-and-projects.md).
@Suite("ML first-party dependents")
struct FirstPartyDependentsTests {
    static let mlObjectId = WellKnown.machineLearningServiceObjectId
    static let mlAppId = WellKnown.machineLearningServiceClientId

    static func resource(_ namespace: String, _ type: String, _ name: String, rg: String = "rg1") -> String {
        MLTestWorld.group(rg) + "/providers/\(namespace)/\(type)/\(name)"
    }

    /// The body without what depends on the name or the moment of creation.
    static func shape(_ body: JSONValue?) -> JSONValue? {
        guard var object = body?.objectValue, var properties = object["properties"]?.objectValue else { return body }
        for key in ["id", "name", "etag", "systemData"] { object[key] = nil }
        for key in [
            "primaryEndpoints", "creationTime", "vaultUri", "loginServer", "creationDate", "ApplicationId", "AppId", "InstrumentationKey",
            "ConnectionString",
        ] {
            properties[key] = properties[key] == nil ? nil : "*"
        }
        object["properties"] = .object(properties)
        return .object(object)
    }

    @Test func hubDependentsAreWhatADirectPUTToTheirProviderAnswers() async throws {
        // Given a hub that references a registry and an Insights component that do not exist yet.
        let world = try MLTestWorld()
        let registry = Self.resource("Microsoft.ContainerRegistry", "registries", "hubregistry1")
        let component = Self.resource("Microsoft.Insights", "components", "hubinsights1")
        let hub = try await world.createHub(extra: #","containerRegistry":"\#(registry)","applicationInsights":"\#(component)""#)
        #expect(hub.status == 200)
        let storage = try #require(hub.properties?["storageAccount"]?.stringValue)
        let vault = try #require(hub.properties?["keyVault"]?.stringValue)

        for (created, apiVersion) in [(storage, "2023-05-01"), (vault, "2023-07-01"), (registry, "2023-07-01"), (component, "2020-02-02")] {
            // When the same request goes straight to the resource's own provider under another name.
            let id = try #require(ResourceID(created))
            let type = id.fullType.split(separator: "/").map(String.init)
            let twinID = ResourceID(
                subscriptionID: MLTestWorld.subscription, resourceGroup: "rg1", namespace: type[0], types: [type[1]],
                names: ["twin" + id.name.prefix(12)])
            let request = MachineLearningServicesProvider.dependentCreation(twinID, location: "eastus", tenantId: WellKnown.tenantId)
            let twin = try await world.client.send(
                "PUT", twinID.description, apiVersion: apiVersion, body: String(decoding: request.body.serialized(), as: UTF8.self))
            #expect(twin.status == 200 || twin.status == 201)

            // Then both have one body: the provider's.
            let dependent = try await world.client.send("GET", created, apiVersion: apiVersion)
            #expect(dependent.status == 200)
            #expect(Self.shape(dependent.json) == Self.shape(twin.json), "\(id.fullType)")
            // Created by the ML service's own principal, not by the workspace's caller.
            #expect(dependent.json?["systemData"]?["createdBy"]?.stringValue == Self.mlAppId)
            #expect(dependent.json?["systemData"]?["createdByType"]?.stringValue == "Application")
        }

        // The fields the ML provider's own copies lacked are there now.
        let account = try await world.client.send("GET", storage, apiVersion: "2023-05-01")
        let name = try #require(ResourceID(storage)?.name)
        #expect(account.properties?["primaryEndpoints"]?["web"]?.stringValue == "https://\(name).z13.web.core.windows.net/")
        #expect(account.properties?["minimumTlsVersion"]?.stringValue == "TLS1_2")
        #expect(account.properties?["supportsHttpsTrafficOnly"]?.boolValue == true)
        let keys = try await world.client.send("POST", storage + "/listKeys", apiVersion: "2023-05-01")
        #expect(keys.json?["keys"]?.arrayValue?.count == 2)
        let keyVault = try await world.client.send("GET", vault, apiVersion: "2023-07-01")
        #expect(keyVault.properties?["enableSoftDelete"]?.boolValue == true)
        #expect(keyVault.properties?["softDeleteRetentionInDays"]?.intValue == 90)
        #expect(keyVault.properties?["enableRbacAuthorization"]?.boolValue == true)
        #expect(keyVault.properties?["tenantId"]?.stringValue == WellKnown.tenantId)
    }

    @Test func projectRoleAssignmentIsTheAuthorizationProvidersBodyMadeByTheService() async throws {
        let world = try MLTestWorld()
        let hub = try await world.createHub()
        let project = try await world.createProject()
        #expect(project.status == 200)
        let storage = try #require(hub.properties?["storageAccount"]?.stringValue)
        let assignments = world.store.all(under: ResourceID(storage)!, types: ["Microsoft.Authorization/roleAssignments"])
        let assignment = try #require(assignments.first)
        let answered = try await world.client.send("GET", assignment.id.description, apiVersion: "2022-04-01")
        #expect(answered.status == 200)
        #expect(answered.properties?["createdBy"]?.stringValue == Self.mlObjectId)
        #expect(answered.properties?["updatedBy"]?.stringValue == Self.mlObjectId)
        #expect(answered.properties?["delegatedManagedIdentityResourceId"] == .null)
        #expect(answered.json?["systemData"]?["createdBy"]?.stringValue == Self.mlAppId)
        let container = try await world.client.send(
            "GET", storage + "/blobServices/default/containers/" + (project.properties?["workspaceId"]?.stringValue ?? "") + "-code",
            apiVersion: "2023-05-01")
        #expect(container.properties?["publicAccess"]?.stringValue == "None")
    }

    @Test func withRBACEnforcedTheServicesRoleIsEnoughForHubsAndProjects() async throws {
        let world = try MLTestWorld(enforceRBAC: true)
        let hub = try await world.createHub()
        #expect(hub.status == 200)
        #expect(try await world.createProject().status == 200)
        let storage = try #require(hub.properties?["storageAccount"]?.stringValue)
        #expect(world.store.all(under: ResourceID(storage)!, types: ["Microsoft.Authorization/roleAssignments"]).count == 1)
        let containerType = "Microsoft.Storage/storageAccounts/blobServices/containers"
        #expect(world.store.all(under: ResourceID(storage)!, types: [containerType]).count == 4)
    }

    /// The service's principal, sending as the ML provider does.
    func sendAsService(_ world: MLTestWorld, _ method: String, _ path: String, apiVersion: String, body: JSONValue) async -> ARMError? {
        do {
            _ = try await world.internalRequests.send(
                method, path, apiVersion: apiVersion, body: body,
                as: MachineLearningServicesProvider.serviceCaller(tenantId: WellKnown.tenantId), baseURL: "https://localhost:8443")
            return nil
        } catch let error as ARMError {
            return error
        } catch {
            return ARMError.internalServerError()
        }
    }

    @Test func theServicesRoleIsNarrow() async throws {
        // Given RBAC enforced and a hub with its storage account.
        let world = try MLTestWorld(enforceRBAC: true)
        let hub = try await world.createHub()
        let storage = try #require(hub.properties?["storageAccount"]?.stringValue)
        let principal = try #require(hub.json?["identity"]?["principalId"]?.stringValue)
        let subscription = "/subscriptions/\(MLTestWorld.subscription)"

        // It may create a storage account (its job)...
        #expect(
            await sendAsService(
                world, "PUT", Self.resource("Microsoft.Storage", "storageAccounts", "mlmade1"), apiVersion: "2023-05-01",
                body: ["location": "eastus"]) == nil)
        // ...but not a workspace, a resource group, a secret, or a role other than Storage Blob Data Contributor.
        let refused: [(String, JSONValue)] = [
            (MLTestWorld.workspace("sneaky"), ["location": "eastus", "kind": "Hub"]),
            (MLTestWorld.group("rg-by-ml"), ["location": "eastus"]),
            (try #require(hub.properties?["keyVault"]?.stringValue) + "/secrets/s1", ["properties": ["value": "x"]]),
            (
                storage + "/providers/Microsoft.Authorization/roleAssignments/" + DeterministicGUID.make("owner"),
                [
                    "properties": [
                        "roleDefinitionId": .string(
                            subscription + "/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635"),
                        "principalId": .string(principal), "principalType": "ServicePrincipal",
                    ]
                ]
            ),
        ]
        for (path, body) in refused {
            let error = await sendAsService(world, "PUT", path, apiVersion: "2024-10-01", body: body)
            #expect(error?.status == 403, "\(path)")
            #expect(error?.code == "AuthorizationFailed", "\(path)")
            #expect(error?.message.contains(Self.mlObjectId) == true, "\(path)")
        }
        #expect(world.store.get(ResourceID(MLTestWorld.workspace("sneaky"))!) == nil)
        #expect(world.store.get(ResourceID(MLTestWorld.group("rg-by-ml"))!) == nil)

        // Over Key Vault's data plane it may set, read and delete a secret (connection credentials),
        // but not list the vault's secrets.
        let vault = try #require(ResourceID(hub.properties?["keyVault"]?.stringValue ?? "")).name
        let secrets = "/dataplane/\(vault).vault.azure.net/secrets"
        #expect(await sendToVault(world, "PUT", secrets + "/s1", body: ["value": "x"]) == 200)
        #expect(await sendToVault(world, "GET", secrets + "/s1") == 200)
        #expect(await sendToVault(world, "GET", secrets) == 403)
        #expect(await sendToVault(world, "DELETE", secrets + "/s1") == 200)
    }

    /// The service's principal on Key Vault's data plane: the answer's status.
    func sendToVault(_ world: MLTestWorld, _ method: String, _ path: String, body: JSONValue? = nil) async -> Int? {
        try? await world.base.vaultRequests.send(
            method, path, apiVersion: "7.5", body: body, as: MachineLearningServicesProvider.serviceCaller(tenantId: WellKnown.tenantId),
            baseURL: "https://localhost:8443"
        ).status
    }

    @Test func aRefusedDependentFailsTheHubWithoutAPartialWrite() async throws {
        // Given a vault name held by a soft-deleted vault.
        let world = try MLTestWorld()
        try await world.createGroup()
        let vault = Self.resource("Microsoft.KeyVault", "vaults", "takenvault1")
        #expect(try await world.client.send("PUT", vault, apiVersion: "2023-07-01", body: #"{"location":"eastus"}"#).status == 201)
        #expect(try await world.client.send("DELETE", vault, apiVersion: "2023-07-01").status == 200)

        // When a hub names it (its storage account would be created first).
        let hub = try await world.createHub(extra: #","keyVault":"\#(vault)""#)

        // Then the hub PUT answers Key Vault's refusal, and neither the hub nor its storage account exist.
        #expect(hub.status == 409)
        #expect(hub.code == "ConflictError")
        #expect(hub.message?.contains("takenvault1") == true)
        #expect(try await world.client.send("GET", MLTestWorld.workspace("hub1")).status == 404)
        #expect(world.store.all(under: ResourceID(MLTestWorld.group("rg1"))!, types: ["Microsoft.Storage/storageAccounts"]).isEmpty)
        #expect(world.store.all(under: ResourceID(MLTestWorld.group("rg1"))!, types: ["Microsoft.KeyVault/vaults"]).isEmpty)
    }

    @Test func aRefusedRoleAssignmentFailsTheProjectWithoutAPartialWrite() async throws {
        // Given role assignment writes refused (an injected fault, as a denial would be).
        let world = try MLTestWorld()
        let faults = world.faults
        let hub = try await world.createHub()
        let storage = try #require(hub.properties?["storageAccount"]?.stringValue)
        try faults.add(
            FaultRule(
                id: "no-assignments", method: "PUT", path: "*/providers/Microsoft.Authorization/roleAssignments/*", status: 403,
                code: "AuthorizationFailed", message: "refused"))

        // When a project is created.
        let project = try await world.createProject()

        // Then it fails with that refusal; no project, containers, identity or hub link remain.
        #expect(project.status == 403)
        #expect(project.code == "AuthorizationFailed")
        #expect(try await world.client.send("GET", MLTestWorld.workspace("proj1")).status == 404)
        #expect(world.store.all(under: ResourceID(storage)!, types: ["Microsoft.Storage/storageAccounts/blobServices/containers"]).isEmpty)
        #expect(world.directory.managedIdentity(resourceId: MLTestWorld.workspace("proj1")) == nil)
        let hubNow = try await world.client.send("GET", MLTestWorld.workspace("hub1"))
        #expect(hubNow.properties?["associatedWorkspaces"] == [])

        // And once writes are allowed again the same PUT succeeds.
        #expect(faults.remove(id: "no-assignments"))
        #expect(try await world.createProject().status == 200)
    }

    @Test func theProjectsRoleAssignmentGoesThroughTheAuthorizationProviderAsTheService() async throws {
        // Given RBAC enforced, a project with its assignment on the hub's storage, and the service's
        // role assignment deletes failing (an injected fault, seen only by a request in the pipeline).
        let world = try MLTestWorld(enforceRBAC: true)
        let hub = try await world.createHub()
        #expect(try await world.createProject().status == 200)
        #expect(try await world.createProject("proj2").status == 200)
        let storage = try #require(ResourceID(hub.properties?["storageAccount"]?.stringValue ?? ""))
        let assignments = { world.store.all(under: storage, types: ["Microsoft.Authorization/roleAssignments"]).count }
        #expect(assignments() == 2)
        try world.faults.add(
            FaultRule(
                id: "no-deletes", method: "DELETE", path: "*/providers/Microsoft.Authorization/roleAssignments/*", status: 500,
                code: "InternalServerError", message: "refused"))

        // When one project is deleted, its assignment's DELETE meets the fault: the project is gone,
        // the assignment stays (a refusal does not fail the workspace DELETE).
        #expect(try await world.client.send("DELETE", MLTestWorld.workspace("proj1")).status == 200)
        #expect(try await world.client.send("GET", MLTestWorld.workspace("proj1")).status == 404)
        #expect(assignments() == 2)

        // Then without the fault the service's narrow role is enough to delete the other one.
        #expect(world.faults.remove(id: "no-deletes"))
        #expect(try await world.client.send("DELETE", MLTestWorld.workspace("proj2")).status == 200)
        #expect(assignments() == 1)
    }

    @Test func theServiceDeletesNoOtherRolesAssignments() async throws {
        // Given RBAC enforced and an Owner assignment on the hub's storage account.
        let world = try MLTestWorld(enforceRBAC: true)
        let hub = try await world.createHub()
        let storage = try #require(hub.properties?["storageAccount"]?.stringValue)
        let principal = try #require(hub.json?["identity"]?["principalId"]?.stringValue)
        let owner = storage + "/providers/Microsoft.Authorization/roleAssignments/" + DeterministicGUID.make("owner")
        let created = try await world.client.send(
            "PUT", owner, apiVersion: "2022-04-01",
            body: #"{"properties":{"roleDefinitionId":"/subscriptions/\#(MLTestWorld.subscription)/providers/"#
                + #"Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635","#
                + #""principalId":"\#(principal)","principalType":"ServicePrincipal"}}"#)
        #expect(created.status == 201)

        // When the service tries to delete it, it is refused and the assignment stays.
        let error = await sendAsService(world, "DELETE", owner, apiVersion: "2022-04-01", body: .null)
        #expect(error?.status == 403)
        #expect(world.store.get(ResourceID(owner)!) != nil)
    }
}
