import ARMTestSupport
import Foundation
import Identity
import Testing

@testable import Emulator

/// A resource group with an AI services account and a hub whose connection points at the account
/// (in the same emulator, or in `accountHost` when given: the two-emulator proxy scenario), plus
/// helpers to make principals, mint their tokens and assign roles.
struct HubProxyFixture {
    static let subscription = WellKnown.subscriptionId
    static let group = "/subscriptions/\(subscription)/resourceGroups/rg1"
    static let account = group + "/providers/Microsoft.CognitiveServices/accounts/acct1"
    static let hub = group + "/providers/Microsoft.MachineLearningServices/workspaces/hub1"
    static let project = group + "/providers/Microsoft.MachineLearningServices/workspaces/proj1"
    static let connection = hub + "/connections/aoai"
    static let csVersion = "?api-version=2024-10-01"
    static let mlVersion = "?api-version=2024-10-01-preview"
    static let rgVersion = "?api-version=2024-11-01"
    static let authzVersion = "?api-version=2022-04-01"

    static let roles: [String: String] = [
        "Reader": "acdd72a7-3385-48ef-bd42-f606fba81ae7",
        "Contributor": "b24988ac-6180-42a0-ab88-20f7382dd24c",
        "Azure AI Developer": "64702f94-c441-49e6-a78b-ef80e0188fee",
        "Azure AI Administrator": "b78c5d69-af96-48a3-bf8d-a8b4d589de94",
        "Cognitive Services OpenAI User": "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
        "Cognitive Services OpenAI Contributor": "a001fd3d-188f-4b5d-821b-7da978bf7442",
    ]

    let hubSide: LiveEmulator
    let accountSide: LiveEmulator
    let hubOperator: String
    let accountOperator: String

    /// Builds the world; `accountHost` nil puts the account in `hubHost`.
    init(hubHost: LiveEmulator, accountHost: LiveEmulator? = nil, project: Bool = false) async throws {
        hubSide = hubHost
        accountSide = accountHost ?? hubHost
        hubOperator = try await hubSide.operatorToken()
        accountOperator = try await accountSide.operatorToken()
        try await Self.expect(
            accountSide.client.send(
                "PUT", Self.group + Self.rgVersion, jsonObject: ["location": "eastus"],
                token: accountOperator), [201, 200])
        if accountSide !== hubSide {
            try await Self.expect(
                hubSide.client.send("PUT", Self.group + Self.rgVersion, jsonObject: ["location": "eastus"], token: hubOperator), [201])
        }
        try await Self.expect(
            accountSide.client.send(
                "PUT", Self.account + Self.csVersion,
                jsonObject: [
                    "location": "eastus", "kind": "AIServices", "sku": ["name": "S0"], "properties": ["customSubDomainName": "acct1"],
                ], token: accountOperator),
            [200, 201])
        try await Self.expect(
            hubSide.client.send(
                "PUT", Self.hub + Self.mlVersion,
                jsonObject: [
                    "location": "eastus", "kind": "Hub", "identity": ["type": "SystemAssigned"],
                    "properties": [:] as [String: Any],
                ], token: hubOperator),
            [200, 201, 202])
        // With --provisioning-delay both finish in the background.
        try await Self.waitUntilSucceeded(Self.account + Self.csVersion, on: accountSide, token: accountOperator)
        try await Self.waitUntilSucceeded(Self.hub + Self.mlVersion, on: hubSide, token: hubOperator)
        var metadata: [String: Any] = ["ApiType": "Azure", "ResourceId": Self.account]
        if accountSide !== hubSide { metadata["ResourceManagerUrl"] = accountSide.tlsBaseURL }
        try await Self.expect(
            hubSide.client.send(
                "PUT", Self.connection + Self.mlVersion,
                jsonObject: [
                    "properties": [
                        "category": "AIServices", "target": "https://acct1.cognitiveservices.azure.com/",
                        "authType": "AAD",
                        "isSharedToAll": true, "metadata": metadata,
                    ]
                ], token: hubOperator),
            [200])
        if project {
            try await Self.expect(
                hubSide.client.send(
                    "PUT", Self.project + Self.mlVersion,
                    jsonObject: [
                        "location": "eastus", "kind": "Project", "identity": ["type": "SystemAssigned"],
                        "properties": ["hubResourceId": Self.hub],
                    ], token: hubOperator),
                [200, 201])
        }
    }

    /// Reads `path` until its `provisioningState` is `Succeeded` (bounded by count, not by time).
    static func waitUntilSucceeded(_ path: String, on host: LiveEmulator, token: String, polls: Int = 300) async throws {
        for _ in 0..<polls {
            let reply = try await host.client.send("GET", path, token: token)
            if (reply.jsonObject?["properties"] as? [String: Any])?["provisioningState"] as? String == "Succeeded" { return }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        Issue.record("\(path) never reached Succeeded")
    }

    @discardableResult
    static func expect(
        _ reply: TestClient.Reply, _ statuses: Set<Int>,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> TestClient.Reply {
        #expect(
            statuses.contains(reply.status), "\(reply.status): \(String(decoding: reply.body, as: UTF8.self))",
            sourceLocation: sourceLocation)
        return reply
    }

    /// A new service principal in `host`'s directory and a token for it.
    static func principal(_ name: String, in host: LiveEmulator) -> (principal: ServicePrincipal, token: String) {
        let principal = host.emulator.world.directory.createServicePrincipal(displayName: name)
        return (principal, host.emulator.world.identity.issueToken(for: .servicePrincipal(principal), audience: host.tlsBaseURL + "/"))
    }

    /// Assigns `role` to `principalId` at `scope` in `host` as its operator.
    static func assign(
        _ role: String, to principalId: String, at scope: String, in host: LiveEmulator,
        operatorToken: String
    ) async throws {
        let guid = try #require(roles[role])
        let reply = try await host.client.send(
            "PUT", scope + "/providers/Microsoft.Authorization/roleAssignments/\(UUID().uuidString.lowercased())" + authzVersion,
            jsonObject: [
                "properties": [
                    "roleDefinitionId": "/subscriptions/\(subscription)/providers/Microsoft.Authorization/roleDefinitions/"
                        + guid,
                    "principalId": principalId, "principalType": "ServicePrincipal",
                ]
            ],
            token: operatorToken)
        #expect(reply.status == 201, "\(String(decoding: reply.body, as: UTF8.self))")
    }

    static var deploymentBody: [String: Any] {
        [
            "properties": [
                "type": "Azure.OpenAI", "model": ["name": "gpt-4o", "format": "OpenAI", "version": "2024-11-20"],
                "sku": ["name": "Standard", "capacity": 10], "versionUpgradeOption": "OnceNewDefaultVersionAvailable",
            ]
        ]
    }
}
