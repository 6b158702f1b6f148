import ARMTestSupport
import Foundation
import Identity
import Testing

@testable import Emulator

/// The RBAC matrix (docs/rbac-and-hub-proxy.md): principals holding Reader, Contributor, Azure AI Developer, Azure
/// AI Administrator, Cognitive Services OpenAI User or nothing, at subscription, resource group and
/// resource scope (the resource scope: the hub and the account), against a table of operations
/// across resource groups, hubs, projects, connections, the hub proxy, accounts, keys,
/// deployments and role assignments, asserted through HTTP on a live emulator.
///
/// The expectation of every cell is computed from the role definitions as Microsoft publishes
/// them (copied below from docs/azure-behaviours.md "Built-in roles") and the action ARM names for each operation (docs/azure-behaviours.md
/// "Request to action mapping"), with the documented matching rules (docs/azure-behaviours.md "How access is evaluated": case-insensitive,
/// `*` spans `/`, `/*/` also matches one `/`, actions - notActions per role) implemented here with regular expressions, independent
/// of the emulator's engine. Spot checks restate the best-known cells by hand.
@Suite(.serialized) struct RBACMatrixLiveTests {
    typealias F = HubProxyFixture

    struct Role {
        var actions: [String]
        var notActions: [String] = []
    }

    /// docs/azure-behaviours.md "Built-in roles", control-plane actions only.
    static let roleDefinitions: [String: Role] = [
        "Reader": Role(actions: ["*/read"]),
        "Contributor": Role(
            actions: ["*"],
            notActions: [
                "Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write", "Microsoft.Authorization/elevateAccess/Action",
                "Microsoft.Blueprint/blueprintAssignments/write", "Microsoft.Blueprint/blueprintAssignments/delete",
                "Microsoft.Compute/galleries/share/action", "Microsoft.Purview/consents/write", "Microsoft.Purview/consents/delete",
                "Microsoft.Resources/deploymentStacks/manageDenySetting/action", "Microsoft.Subscription/cancel/action",
                "Microsoft.Subscription/enable/action",
            ]),
        "Azure AI Developer": Role(
            actions: [
                "Microsoft.MachineLearningServices/workspaces/*/read", "Microsoft.MachineLearningServices/workspaces/*/action",
                "Microsoft.MachineLearningServices/workspaces/*/delete", "Microsoft.MachineLearningServices/workspaces/*/write",
                "Microsoft.MachineLearningServices/locations/*/read", "Microsoft.Authorization/*/read", "Microsoft.Resources/deployments/*",
            ],
            notActions: [
                "Microsoft.MachineLearningServices/workspaces/delete", "Microsoft.MachineLearningServices/workspaces/write",
                "Microsoft.MachineLearningServices/workspaces/listKeys/action", "Microsoft.MachineLearningServices/workspaces/hubs/write",
                "Microsoft.MachineLearningServices/workspaces/hubs/delete",
                "Microsoft.MachineLearningServices/workspaces/featurestores/write",
                "Microsoft.MachineLearningServices/workspaces/featurestores/delete",
            ]),
        "Azure AI Administrator": Role(actions: [
            "Microsoft.Authorization/*/read", "Microsoft.CognitiveServices/*", "Microsoft.ContainerRegistry/registries/*",
            "Microsoft.DocumentDb/databaseAccounts/*", "Microsoft.Features/features/read", "Microsoft.Features/providers/features/read",
            "Microsoft.Features/providers/features/register/action", "Microsoft.Insights/alertRules/*", "Microsoft.Insights/components/*",
            "Microsoft.Insights/diagnosticSettings/*", "Microsoft.Insights/generateLiveToken/read",
            "Microsoft.Insights/logDefinitions/read",
            "Microsoft.Insights/metricAlerts/*", "Microsoft.Insights/metricdefinitions/read", "Microsoft.Insights/metrics/read",
            "Microsoft.Insights/scheduledqueryrules/*", "Microsoft.Insights/topology/read", "Microsoft.Insights/transactions/read",
            "Microsoft.Insights/webtests/*", "Microsoft.KeyVault/*", "Microsoft.MachineLearningServices/workspaces/*",
            "Microsoft.Network/virtualNetworks/subnets/joinViaServiceEndpoint/action", "Microsoft.ResourceHealth/availabilityStatuses/read",
            "Microsoft.Resources/deployments/*", "Microsoft.Resources/deployments/operations/read",
            "Microsoft.Resources/subscriptions/operationresults/read", "Microsoft.Resources/subscriptions/read",
            "Microsoft.Resources/subscriptions/resourcegroups/deployments/*", "Microsoft.Resources/subscriptions/resourceGroups/read",
            "Microsoft.Resources/subscriptions/resourceGroups/write", "Microsoft.Storage/storageAccounts/*", "Microsoft.Support/*",
            "Microsoft.Search/searchServices/write", "Microsoft.Search/searchServices/read", "Microsoft.Search/searchServices/delete",
            "Microsoft.Search/searchServices/indexes/*", "Microsoft.DataFactory/factories/*",
        ]),
        "Cognitive Services OpenAI User": Role(actions: [
            "Microsoft.CognitiveServices/*/read", "Microsoft.Authorization/roleAssignments/read",
            "Microsoft.Authorization/roleDefinitions/read",
        ]),
        "none": Role(actions: []),
    ]

    /// docs/azure-behaviours.md "How access is evaluated"'s matcher: escape, `/*/` -> `/(?:.*/)?`, other `*` -> `.*`, anchored,
    /// case-insensitive.
    static func matches(_ pattern: String, _ action: String) -> Bool {
        var regex = ""
        let characters = Array(pattern)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "/", index + 2 < characters.count, characters[index + 1] == "*", characters[index + 2] == "/" {
                regex += "/(?:.*/)?"
                index += 3
                continue
            }
            if character == "*" {
                regex += ".*"
            } else if character.isLetter || character.isNumber || character == "/" {
                regex.append(character)
            } else {
                regex += "\\" + String(character)
            }
            index += 1
        }
        guard let compiled = try? NSRegularExpression(pattern: "^" + regex + "$", options: [.caseInsensitive]) else { return false }
        return compiled.firstMatch(in: action, range: NSRange(action.startIndex..., in: action)) != nil
    }

    static func grants(_ role: Role, _ action: String) -> Bool {
        role.actions.contains { matches($0, action) } && !role.notActions.contains { matches($0, action) }
    }

    enum Scope: String, CaseIterable {
        case subscription, resourceGroup, resource

        /// Where the role is assigned (the resource scope holds two: the hub and the account).
        var scopes: [String] {
            switch self {
            case .subscription: ["/subscriptions/\(F.subscription)"]
            case .resourceGroup: [F.group]
            case .resource: [F.hub, F.account]
            }
        }

        func covers(_ path: String) -> Bool {
            let target = path.split(separator: "?").first.map(String.init)!.lowercased()
            return scopes.contains { target == $0.lowercased() || target.hasPrefix($0.lowercased() + "/") }
        }
    }

    struct Operation {
        var method: String
        var path: String
        var action: String
        var body: [String: Any]?
    }

    static let ml = "Microsoft.MachineLearningServices/workspaces/"
    static let cs = "Microsoft.CognitiveServices/accounts/"

    /// The operations, each with the action ARM checks for it.
    static var operations: [Operation] {
        let hub = F.hub
        let project = F.project
        let account = F.account
        let connection = F.connection
        let mlV = F.mlVersion
        let csV = F.csVersion
        let deployment: [String: Any] = [
            "sku": ["name": "Standard", "capacity": 1],
            "properties": [
                "model": [
                    "name": "gpt-4o", "format": "OpenAI",
                    "version": "2024-11-20",
                ]
            ],
        ]
        var proxied = F.deploymentBody
        proxied["properties"] = [
            "model": ["name": "gpt-4o", "format": "OpenAI", "version": "2024-11-20"],
            "sku": [
                "name": "Standard",
                "capacity": 1,
            ],
        ]
        let connectionBody: [String: Any] = [
            "properties": ["category": "CustomKeys", "target": "https://example.test", "authType": "None"]
        ]
        let rbac = "/providers/Microsoft.Authorization/"
        let assignment: [String: Any] = [
            "properties": [
                "roleDefinitionId": "/subscriptions/\(F.subscription)\(rbac)roleDefinitions/\(F.roles["Reader"]!)",
                "principalId": WellKnown.userObjectId, "principalType": "User",
            ]
        ]
        return [
            // resource groups
            Operation(method: "GET", path: F.group + F.rgVersion, action: "Microsoft.Resources/subscriptions/resourceGroups/read"),
            Operation(
                method: "PUT", path: F.group + F.rgVersion, action: "Microsoft.Resources/subscriptions/resourceGroups/write",
                body: ["location": "eastus"]),
            Operation(
                method: "PATCH", path: F.group + F.rgVersion, action: "Microsoft.Resources/subscriptions/resourceGroups/write",
                body: ["tags": ["matrix": "1"]]),
            Operation(
                method: "GET", path: F.group + "/providers/Microsoft.Resources/deployments?api-version=2020-06-01",
                action: "Microsoft.Resources/deployments/read"),
            // hubs
            Operation(method: "GET", path: hub + mlV, action: ml + "read"),
            Operation(method: "PATCH", path: hub + mlV, action: ml + "write", body: ["tags": ["matrix": "1"]]),
            Operation(
                method: "DELETE", path: F.group + "/providers/Microsoft.MachineLearningServices/workspaces/nohub" + mlV,
                action: ml + "delete"),
            Operation(method: "POST", path: hub + "/listKeys" + mlV, action: ml + "listKeys/action"),
            Operation(method: "GET", path: hub + "/outboundRules" + mlV, action: ml + "outboundRules/read"),
            Operation(method: "GET", path: hub + "/computes" + mlV, action: ml + "computes/read"),
            // projects
            Operation(method: "GET", path: project + mlV, action: ml + "read"),
            Operation(method: "PATCH", path: project + mlV, action: ml + "write", body: ["tags": ["matrix": "1"]]),
            Operation(method: "POST", path: project + "/listKeys" + mlV, action: ml + "listKeys/action"),
            Operation(method: "GET", path: project + "/connections" + mlV, action: ml + "connections/read"),
            Operation(method: "PUT", path: project + "/connections/pconn" + mlV, action: ml + "connections/write", body: connectionBody),
            Operation(method: "POST", path: project + "/connections/aoai/listsecrets" + mlV, action: ml + "connections/listsecrets/action"),
            // connections
            Operation(method: "GET", path: hub + "/connections" + mlV, action: ml + "connections/read"),
            Operation(method: "GET", path: connection + mlV, action: ml + "connections/read"),
            Operation(method: "PUT", path: hub + "/connections/hconn" + mlV, action: ml + "connections/write", body: connectionBody),
            Operation(method: "DELETE", path: hub + "/connections/gone" + mlV, action: ml + "connections/delete"),
            Operation(method: "POST", path: connection + "/listsecrets" + mlV, action: ml + "connections/listsecrets/action"),
            // the hub proxy
            Operation(method: "GET", path: connection + "/deployments" + mlV, action: ml + "connections/deployments/read"),
            Operation(method: "GET", path: connection + "/deployments/gpt4o" + mlV, action: ml + "connections/deployments/read"),
            Operation(
                method: "PUT", path: connection + "/deployments/viaproxy" + mlV, action: ml + "connections/deployments/write",
                body: proxied),
            Operation(method: "DELETE", path: connection + "/deployments/gone" + mlV, action: ml + "connections/deployments/delete"),
            Operation(method: "GET", path: connection + "/models" + mlV, action: ml + "connections/models/read"),
            Operation(method: "GET", path: hub + "/endpoints" + mlV, action: ml + "endpoints/read"),
            Operation(method: "POST", path: hub + "/endpoints/Azure.OpenAI/listKeys" + mlV, action: ml + "endpoints/listKeys/action"),
            Operation(method: "GET", path: hub + "/deployments" + mlV, action: ml + "deployments/read"),
            Operation(method: "POST", path: hub + "/listConnectionModels" + mlV, action: ml + "listConnectionModels/action"),
            // accounts and keys
            Operation(method: "GET", path: account + csV, action: cs + "read"),
            Operation(method: "PATCH", path: account + csV, action: cs + "write", body: ["tags": ["matrix": "1"]]),
            Operation(
                method: "DELETE", path: F.group + "/providers/Microsoft.CognitiveServices/accounts/noacct" + csV,
                action: cs + "delete"),
            Operation(method: "POST", path: account + "/listKeys" + csV, action: cs + "listKeys/action"),
            Operation(
                method: "POST", path: account + "/regenerateKey" + csV, action: cs + "regenerateKey/action",
                body: ["keyName": "Key2"]),
            Operation(method: "GET", path: account + "/models" + csV, action: cs + "models/read"),
            Operation(method: "GET", path: account + "/usages" + csV, action: cs + "usages/read"),
            Operation(method: "GET", path: account + "/skus" + csV, action: cs + "skus/read"),
            // deployments
            Operation(method: "GET", path: account + "/deployments" + csV, action: cs + "deployments/read"),
            Operation(method: "GET", path: account + "/deployments/gpt4o" + csV, action: cs + "deployments/read"),
            Operation(method: "PUT", path: account + "/deployments/direct" + csV, action: cs + "deployments/write", body: deployment),
            Operation(method: "DELETE", path: account + "/deployments/gone" + csV, action: cs + "deployments/delete"),
            Operation(method: "GET", path: account + "/deployments/gpt4o/skus" + csV, action: cs + "deployments/skus/read"),
            // role assignments and definitions
            Operation(
                method: "GET", path: F.group + rbac + "roleAssignments" + F.authzVersion,
                action: "Microsoft.Authorization/roleAssignments/read"),
            Operation(
                method: "GET", path: hub + rbac + "roleAssignments" + F.authzVersion,
                action: "Microsoft.Authorization/roleAssignments/read"),
            Operation(
                method: "PUT", path: hub + rbac + "roleAssignments/fe00aaaa-0000-4000-8000-000000000001" + F.authzVersion,
                action: "Microsoft.Authorization/roleAssignments/write", body: assignment),
            Operation(
                method: "GET", path: F.group + rbac + "roleDefinitions" + F.authzVersion,
                action: "Microsoft.Authorization/roleDefinitions/read"),
        ]
    }

    static func expected(role: String, scope: Scope, operation: Operation) -> Bool {
        scope.covers(operation.path) && grants(roleDefinitions[role]!, operation.action)
    }

    @Test func theOracleAgreesWithHandWrittenCells() {
        let ops = Self.operations
        func op(_ method: String, _ suffix: String) -> Operation {
            ops.first { $0.method == method && $0.path.split(separator: "?")[0].hasSuffix(suffix) }!
        }
        #expect(ops.count >= 40)
        #expect(Self.expected(role: "Azure AI Developer", scope: .resource, operation: op("POST", "hub1/connections/aoai/listsecrets")))
        #expect(!Self.expected(role: "Azure AI Developer", scope: .subscription, operation: op("PATCH", "workspaces/hub1")))
        #expect(!Self.expected(role: "Azure AI Developer", scope: .subscription, operation: op("GET", "resourceGroups/rg1")))
        #expect(!Self.expected(role: "Azure AI Developer", scope: .subscription, operation: op("GET", "acct1/deployments/gpt4o")))
        #expect(Self.expected(role: "Azure AI Developer", scope: .resource, operation: op("PUT", "deployments/viaproxy")))
        #expect(!Self.expected(role: "Azure AI Developer", scope: .resource, operation: op("GET", "workspaces/proj1")))
        #expect(!Self.expected(role: "Contributor", scope: .subscription, operation: op("PUT", "000000000001")))
        #expect(Self.expected(role: "Reader", scope: .resourceGroup, operation: op("GET", "accounts/acct1")))
        #expect(!Self.expected(role: "Reader", scope: .subscription, operation: op("POST", "hub1/connections/aoai/listsecrets")))
        #expect(Self.expected(role: "Cognitive Services OpenAI User", scope: .resource, operation: op("GET", "acct1/deployments")))
        #expect(!Self.expected(role: "Cognitive Services OpenAI User", scope: .subscription, operation: op("POST", "acct1/listKeys")))
        #expect(!Self.expected(role: "Cognitive Services OpenAI User", scope: .subscription, operation: op("GET", "aoai/deployments")))
        #expect(Self.expected(role: "Azure AI Administrator", scope: .resourceGroup, operation: op("PUT", "resourceGroups/rg1")))
        #expect(!Self.expected(role: "Azure AI Administrator", scope: .resourceGroup, operation: op("PUT", "000000000001")))
    }

    @Test func everyRoleAtEveryScopeAgainstEveryOperation() async throws {
        let live = try LiveEmulator()
        let world = try await F(hubHost: live, project: true)
        F.expect(
            try await live.client.send(
                "PUT", F.account + "/deployments/gpt4o" + F.csVersion,
                jsonObject: [
                    "sku": ["name": "Standard", "capacity": 1],
                    "properties": [
                        "model": [
                            "name": "gpt-4o", "format": "OpenAI",
                            "version": "2024-11-20",
                        ]
                    ],
                ], token: world.hubOperator), [201])

        var principals: [(role: String, scope: Scope, token: String)] = []
        for role in Self.roleDefinitions.keys.sorted() {
            for scope in role == "none" ? [Scope.subscription] : Scope.allCases {
                let (principal, token) = F.principal("\(role)-\(scope.rawValue)", in: live)
                if role != "none" {
                    for target in scope.scopes {
                        try await F.assign(role, to: principal.objectId, at: target, in: live, operatorToken: world.hubOperator)
                    }
                }
                principals.append((role, scope, token))
            }
        }
        #expect(principals.count == 16)

        var cells = 0
        var allowedCells = 0
        for operation in Self.operations {
            for principal in principals {
                let allowed = Self.expected(role: principal.role, scope: principal.scope, operation: operation)
                let reply = try await live.client.send(operation.method, operation.path, jsonObject: operation.body, token: principal.token)
                let cell = "\(principal.role) at \(principal.scope.rawValue): \(operation.method) \(operation.path)"
                if allowed {
                    allowedCells += 1
                    #expect(
                        reply.status != 403 && reply.status != 401 && reply.status < 500,
                        "expected allowed, got \(reply.status) \(String(decoding: reply.body, as: UTF8.self).prefix(300)) — \(cell)")
                } else {
                    #expect(reply.status == 403 && reply.code == "AuthorizationFailed", "expected 403, got \(reply.status) — \(cell)")
                    let message = ((reply.jsonObject?["error"] as? [String: Any])?["message"] as? String) ?? ""
                    #expect(message.lowercased().contains("'\(operation.action.lowercased())'"), "\(message) — \(cell)")
                }
                cells += 1
            }
        }
        #expect(cells >= 40 * 16)
        // Both outcomes occur in quantity: the matrix is not trivially all-allow or all-deny.
        #expect(allowedCells > 100 && cells - allowedCells > 100)
    }
}
