import ARMTestSupport
import Foundation
import Identity
import Testing

@testable import Emulator

/// The hub control-plane proxy end to end over HTTP (docs/rbac-and-hub-proxy.md): RBAC on the workspace only,
/// real forwarding with URLSession to this or a second emulator, id/type rewrite, audit, failures.
@Suite(.serialized) struct HubProxyLiveTests {
    typealias F = HubProxyFixture
    let proxyDeployments = F.connection + "/deployments"
    let accountDeployments = F.account + "/deployments"

    @Test func aiDeveloperOnTheHubManagesDeploymentsThroughTheConnectionButNotOnTheAccount() async throws {
        let live = try LiveEmulator()
        let world = try await F(hubHost: live)
        let (developer, token) = F.principal("hub-developer", in: live)
        try await F.assign("Azure AI Developer", to: developer.objectId, at: F.hub, in: live, operatorToken: world.hubOperator)

        let empty = F.expect(try await live.client.send("GET", proxyDeployments + F.mlVersion, token: token), [200])
        #expect((empty.jsonObject?["value"] as? [Any])?.isEmpty == true)

        let created = F.expect(
            try await live.client.send("PUT", proxyDeployments + "/gpt4o" + F.mlVersion, jsonObject: F.deploymentBody, token: token), [201])
        #expect(created.jsonObject?["id"] as? String == F.connection + "/deployments/gpt4o")
        #expect(created.jsonObject?["type"] as? String == "Microsoft.MachineLearningServices/workspaces/connections/deployments")
        let properties = try #require(created.jsonObject?["properties"] as? [String: Any])
        #expect(properties["type"] as? String == "Azure.OpenAI")
        #expect((properties["model"] as? [String: Any])?["name"] as? String == "gpt-4o")
        #expect((properties["sku"] as? [String: Any])?["capacity"] as? Int == 10)
        #expect(properties["provisioningState"] as? String == "Succeeded")
        // Audit: the account's deployment names the developer, not the proxy principal.
        #expect((created.jsonObject?["systemData"] as? [String: Any])?["createdBy"] as? String == developer.appId)

        let listed = F.expect(
            try await live.client.send("GET", proxyDeployments + F.mlVersion + "&proxy-api-version=2024-10-01", token: token), [200])
        let names = (listed.jsonObject?["value"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["gpt4o"])
        F.expect(try await live.client.send("GET", proxyDeployments + "/gpt4o" + F.mlVersion, token: token), [200])

        // The developer has no role on the account: the direct calls are 403 AuthorizationFailed.
        let direct = try await live.client.send("GET", accountDeployments + F.csVersion, token: token)
        #expect(direct.status == 403)
        #expect(direct.code == "AuthorizationFailed")
        let message = ((direct.jsonObject?["error"] as? [String: Any])?["message"] as? String) ?? ""
        #expect(message.contains("Microsoft.CognitiveServices/accounts/deployments/read"))
        #expect(
            try await live.client.send(
                "PUT", accountDeployments + "/other" + F.csVersion,
                jsonObject: [
                    "sku": ["name": "Standard", "capacity": 1],
                    "properties": [
                        "model": [
                            "name": "gpt-4o", "format": "OpenAI",
                            "version": "2024-11-20",
                        ]
                    ],
                ], token: token
            ).status == 403)

        // The deployment really is the account's.
        let stored = F.expect(
            try await live.client.send("GET", accountDeployments + "/gpt4o" + F.csVersion, token: world.hubOperator), [200])
        #expect(stored.jsonObject?["type"] as? String == "Microsoft.CognitiveServices/accounts/deployments")
        #expect((stored.jsonObject?["systemData"] as? [String: Any])?["createdBy"] as? String == developer.appId)

        F.expect(try await live.client.send("DELETE", proxyDeployments + "/gpt4o" + F.mlVersion, token: token), [204])
        F.expect(try await live.client.send("GET", accountDeployments + "/gpt4o" + F.csVersion, token: world.hubOperator), [404])
    }

    @Test func noRoleOnTheHubIsDeniedOnTheProxyRouteEvenWithARoleOnTheAccount() async throws {
        let live = try LiveEmulator()
        let world = try await F(hubHost: live)
        let (stranger, token) = F.principal("stranger", in: live)
        for (method, path, action) in [
            ("GET", proxyDeployments, "Microsoft.MachineLearningServices/workspaces/connections/deployments/read"),
            ("PUT", proxyDeployments + "/gpt4o", "Microsoft.MachineLearningServices/workspaces/connections/deployments/write"),
            ("GET", F.hub + "/endpoints", "Microsoft.MachineLearningServices/workspaces/endpoints/read"),
        ] {
            let reply = try await live.client.send(
                method, path + F.mlVersion, jsonObject: method == "PUT" ? F.deploymentBody : nil, token: token)
            #expect(reply.status == 403)
            #expect(reply.code == "AuthorizationFailed")
            let message = ((reply.jsonObject?["error"] as? [String: Any])?["message"] as? String) ?? ""
            #expect(message.contains("'\(action)'"), "\(message)")
        }
        // A role on the account alone does not open the hub's route: RBAC is the workspace's.
        try await F.assign(
            "Cognitive Services OpenAI Contributor", to: stranger.objectId, at: F.account, in: live,
            operatorToken: world.hubOperator)
        #expect(try await live.client.send("GET", proxyDeployments + F.mlVersion, token: token).status == 403)
        #expect(try await live.client.send("GET", accountDeployments + F.csVersion, token: token).status == 200)
    }

    @Test func theAccountInASecondEmulatorIsReachedByRealForwarding() async throws {
        let hubHost = try LiveEmulator()
        let accountHost = try LiveEmulator()
        let world = try await F(hubHost: hubHost, accountHost: accountHost)
        let (developer, token) = F.principal("remote-developer", in: hubHost)
        try await F.assign("Azure AI Developer", to: developer.objectId, at: F.hub, in: hubHost, operatorToken: world.hubOperator)

        let created = F.expect(
            try await hubHost.client.send("PUT", proxyDeployments + "/gpt4o" + F.mlVersion, jsonObject: F.deploymentBody, token: token),
            [201])
        #expect(created.jsonObject?["id"] as? String == F.connection + "/deployments/gpt4o")
        // The deployment lives in the second emulator only.
        let remote = F.expect(
            try await accountHost.client.send("GET", accountDeployments + "/gpt4o" + F.csVersion, token: world.accountOperator), [200])
        #expect((remote.jsonObject?["systemData"] as? [String: Any])?["createdBy"] as? String == developer.appId)
        F.expect(try await hubHost.client.send("GET", F.account + F.csVersion, token: world.hubOperator), [404])
        let listed = F.expect(try await hubHost.client.send("GET", proxyDeployments + F.mlVersion, token: token), [200])
        #expect((listed.jsonObject?["value"] as? [[String: Any]])?.count == 1)
        // The second emulator verifies the developer's token (same well-known key) but grants it nothing.
        let direct = try await accountHost.client.send("GET", accountDeployments + F.csVersion, token: token)
        #expect(direct.status == 403)
        #expect(direct.code == "AuthorizationFailed")
        // A stranger is stopped at the hub.
        let (_, strangerToken) = F.principal("remote-stranger", in: hubHost)
        #expect(try await hubHost.client.send("GET", proxyDeployments + F.mlVersion, token: strangerToken).status == 403)
        F.expect(try await hubHost.client.send("DELETE", proxyDeployments + "/gpt4o" + F.mlVersion, token: token), [204])
        F.expect(try await accountHost.client.send("GET", accountDeployments + "/gpt4o" + F.csVersion, token: world.accountOperator), [404])
    }

    @Test func endpointsModelsKeysAndProjectsGoThroughTheSameAccount() async throws {
        let live = try LiveEmulator()
        let world = try await F(hubHost: live, project: true)
        let (developer, token) = F.principal("endpoint-developer", in: live)
        try await F.assign("Azure AI Developer", to: developer.objectId, at: F.hub, in: live, operatorToken: world.hubOperator)

        let endpoints = F.expect(try await live.client.send("GET", F.hub + "/endpoints" + F.mlVersion, token: token), [200])
        let builtIn = try #require((endpoints.jsonObject?["value"] as? [[String: Any]])?.first)
        #expect(builtIn["name"] as? String == "Azure.OpenAI")
        #expect(builtIn["type"] as? String == "Microsoft.MachineLearningServices/workspaces/endpoints")
        #expect((builtIn["properties"] as? [String: Any])?["associatedResourceId"] as? String == F.account)
        #expect((builtIn["properties"] as? [String: Any])?["endpointType"] as? String == "Azure.OpenAI")

        let endpointDeployment = F.hub + "/endpoints/Azure.OpenAI/deployments/gpt4o"
        let created = F.expect(
            try await live.client.send("PUT", endpointDeployment + F.mlVersion, jsonObject: F.deploymentBody, token: token), [200])
        #expect(created.jsonObject?["id"] as? String == endpointDeployment)
        #expect(created.jsonObject?["type"] as? String == "Microsoft.MachineLearningServices/workspaces/endpoints/deployments")
        let all = F.expect(try await live.client.send("GET", F.hub + "/deployments" + F.mlVersion, token: token), [200])
        #expect((all.jsonObject?["value"] as? [[String: Any]])?.first?["id"] as? String == endpointDeployment)
        let viaConnection = F.expect(try await live.client.send("GET", proxyDeployments + "/gpt4o" + F.mlVersion, token: token), [200])
        #expect(viaConnection.jsonObject?["id"] as? String == F.connection + "/deployments/gpt4o")

        let keys = F.expect(
            try await live.client.send("POST", F.hub + "/endpoints/Azure.OpenAI/listKeys" + F.mlVersion, token: token), [200])
        let accountKeys = F.expect(
            try await live.client.send("POST", F.account + "/listKeys" + F.csVersion, token: world.hubOperator), [200])
        #expect((keys.jsonObject?["keys"] as? [String: Any])?["key1"] as? String == accountKeys.jsonObject?["key1"] as? String)

        // An AIServices account lists ~150 model versions, partner formats first: one page of all of them.
        let models = F.expect(try await live.client.send("GET", F.connection + "/models" + F.mlVersion + "&$top=1000", token: token), [200])
        let modelList = try #require(models.jsonObject?["value"] as? [[String: Any]])
        #expect(modelList.contains { $0["name"] as? String == "gpt-4o" })
        let all2 = F.expect(try await live.client.send("POST", F.hub + "/listConnectionModels" + F.mlVersion, token: token), [200])
        let first = try #require((all2.jsonObject?["value"] as? [[String: Any]])?.first)
        let sku = try #require((first["skus"] as? [[String: Any]])?.first)
        #expect((sku["connectionIds"] as? [String]) == [F.connection])

        // A stored endpoint naming the account.
        let put = F.expect(
            try await live.client.send(
                "PUT", F.hub + "/endpoints/my-aoai" + F.mlVersion,
                jsonObject: [
                    "properties": ["endpointType": "Azure.OpenAI", "associatedResourceId": F.account]
                ], token: token), [200])
        #expect(put.jsonObject?["id"] as? String == F.hub + "/endpoints/my-aoai")
        let viaStored = F.expect(
            try await live.client.send("GET", F.hub + "/endpoints/my-aoai/deployments" + F.mlVersion, token: token), [200])
        #expect(
            (viaStored.jsonObject?["value"] as? [[String: Any]])?.first?["id"] as? String == F.hub + "/endpoints/my-aoai/deployments/gpt4o")

        // The project sees the hub's shared connection; ids name the project, and RBAC is the
        // project's: the hub role does not flow to it.
        let projectPath = F.project + "/connections/aoai/deployments"
        #expect(try await live.client.send("GET", projectPath + F.mlVersion, token: token).status == 403)
        try await F.assign("Azure AI Developer", to: developer.objectId, at: F.project, in: live, operatorToken: world.hubOperator)
        let fromProject = F.expect(try await live.client.send("GET", projectPath + F.mlVersion, token: token), [200])
        #expect((fromProject.jsonObject?["value"] as? [[String: Any]])?.first?["id"] as? String == projectPath + "/gpt4o")
    }

    @Test func failuresAreARMShaped() async throws {
        let live = try LiveEmulator()
        let world = try await F(hubHost: live)
        let op = world.hubOperator
        // Missing connection and workspace: the ML RP's 404s.
        let noConnection = try await live.client.send("GET", F.hub + "/connections/nope/deployments" + F.mlVersion, token: op)
        #expect(noConnection.status == 404)
        #expect(noConnection.code == "NotFound")
        let noWorkspace = try await live.client.send(
            "GET",
            F.group + "/providers/Microsoft.MachineLearningServices/workspaces/nohub/connections/aoai/deployments" + F.mlVersion, token: op)
        #expect(noWorkspace.status == 404)
        #expect(noWorkspace.code == "ResourceNotFound")
        // The target's own errors pass through with status and code.
        var unknownModel = F.deploymentBody
        unknownModel["properties"] = [
            "model": ["name": "gpt-9", "format": "OpenAI", "version": "1"],
            "sku": [
                "name": "Standard",
                "capacity": 1,
            ],
        ]
        let badModel = try await live.client.send("PUT", proxyDeployments + "/bad" + F.mlVersion, jsonObject: unknownModel, token: op)
        #expect(badModel.status == 400)
        #expect(badModel.code == "DeploymentModelNotSupported")
        var huge = F.deploymentBody
        huge["properties"] = [
            "model": ["name": "gpt-4o", "format": "OpenAI", "version": "2024-11-20"],
            "sku": [
                "name": "Standard",
                "capacity": 100_000,
            ],
        ]
        let quota = try await live.client.send("PUT", proxyDeployments + "/big" + F.mlVersion, jsonObject: huge, token: op)
        // Inside Standard gpt-4o's range (1 to 1,000,000 units), above the default quota (50): the quota error.
        #expect(quota.status == 400)
        #expect(quota.code == "InsufficientQuota")
        let noModel = try await live.client.send(
            "PUT", proxyDeployments + "/nomodel" + F.mlVersion, jsonObject: ["properties": ["type": "Azure.OpenAI"]],
            token: op)
        #expect(noModel.status == 400)
        let badName = try await live.client.send("PUT", proxyDeployments + "/a.b" + F.mlVersion, jsonObject: F.deploymentBody, token: op)
        #expect(badName.code == "InvalidResourceName")
        // The account gone: the target's own 404 (ARM's ParentResourceNotFound for a child of a
        // missing resource) passes through.
        F.expect(try await live.client.send("DELETE", F.account + F.csVersion, token: op), [200, 202, 204])
        let gone = try await live.client.send("GET", proxyDeployments + F.mlVersion, token: op)
        #expect(gone.status == 404)
        #expect(gone.code == "ParentResourceNotFound")
        // A connection to a resource manager nobody listens on: 502.
        F.expect(
            try await live.client.send(
                "PUT", F.hub + "/connections/dead" + F.mlVersion,
                jsonObject: [
                    "properties": [
                        "category": "AzureOpenAI", "target": "https://dead.openai.azure.com/", "authType": "AAD",
                        "metadata": ["ResourceId": F.account, "ResourceManagerUrl": "https://127.0.0.1:1"],
                    ]
                ], token: op), [200])
        let unreachable = try await live.client.send("GET", F.hub + "/connections/dead/deployments" + F.mlVersion, token: op)
        #expect(unreachable.status == 502)
        #expect(unreachable.code == "BadGateway")
        // A connection that names no account: 400.
        F.expect(
            try await live.client.send(
                "PUT", F.hub + "/connections/blob" + F.mlVersion,
                jsonObject: [
                    "properties": ["category": "AzureBlob", "target": "https://nothing.blob.core.windows.net/", "authType": "AAD"]
                ], token: op), [200])
        #expect(try await live.client.send("GET", F.hub + "/connections/blob/deployments" + F.mlVersion, token: op).status == 400)
    }

    @Test func aSlowTargetIs504() async throws {
        let hubHost = try LiveEmulator { $0.proxyTimeoutMilliseconds = 300 }
        let accountHost = try LiveEmulator()
        let world = try await F(hubHost: hubHost, accountHost: accountHost)
        // The account's emulator delays its next deployments list by 3 s, far past the hub's 300 ms.
        F.expect(
            try await accountHost.client.send(
                "POST", "/_emulator/faults",
                jsonObject: [
                    "method": "GET", "path": "*/deployments", "delayMs": 3_000, "count": 1,
                ]), [200, 201])
        let reply = try await hubHost.client.send("GET", proxyDeployments + F.mlVersion, token: world.hubOperator)
        #expect(reply.status == 504)
        #expect(reply.code == "GatewayTimeout")
    }

    @Test func anAsynchronousAccountIsFollowedThroughTheProxiedResource() async throws {
        let live = try LiveEmulator(provisioningDelayMilliseconds: 200)
        let world = try await F(hubHost: live)
        let (developer, token) = F.principal("async-developer", in: live)
        try await F.assign("Azure AI Developer", to: developer.objectId, at: F.hub, in: live, operatorToken: world.hubOperator)
        let created = F.expect(
            try await live.client.send("PUT", proxyDeployments + "/gpt4o" + F.mlVersion, jsonObject: F.deploymentBody, token: token), [201])
        // The account's polling URL is not the caller's to read: the proxy drops it, and the
        // client follows the proxied resource until its state is terminal (docs/azure-behaviours.md "What the management SDKs need").
        #expect(created.header("Azure-AsyncOperation") == nil)
        #expect(created.header("Location") == nil)
        let state = (created.jsonObject?["properties"] as? [String: Any])?["provisioningState"] as? String
        #expect(state == "Creating" || state == "Succeeded")
        try await F.waitUntilSucceeded(proxyDeployments + "/gpt4o" + F.mlVersion, on: live, token: token)
        let deleted = try await live.client.send("DELETE", proxyDeployments + "/gpt4o" + F.mlVersion, token: token)
        #expect(deleted.status == 202 || deleted.status == 204)
    }

    @Test func aTargetThatDoesNotTrustTheProxysTokenIsABadGateway() async throws {
        // The second emulator signs and verifies with its own key, so it refuses the hub's tokens.
        let keyPath = try makeTemporaryDirectory() + "/key.pem"
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        openssl.arguments = ["openssl", "genrsa", "-out", keyPath, "2048"]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0)
        let hubHost = try LiveEmulator()
        let accountHost = try LiveEmulator { $0.signingKeyPath = keyPath }
        let world = try await F(hubHost: hubHost, accountHost: accountHost)
        let reply = try await hubHost.client.send("GET", proxyDeployments + F.mlVersion, token: world.hubOperator)
        #expect(reply.status == 502)
        #expect(reply.code == "BadGateway")
        let message = ((reply.jsonObject?["error"] as? [String: Any])?["message"] as? String) ?? ""
        #expect(message.contains("InvalidAuthenticationToken"), "\(message)")
    }

    @Test func theProxyPrincipalCanDoNothingElseAndItsHeadersAreIgnoredFromOthers() async throws {
        let live = try LiveEmulator()
        let world = try await F(hubHost: live)
        let proxyPrincipal = ServicePrincipal(
            objectId: WellKnown.hubProxyObjectId, appId: WellKnown.hubProxyClientId, displayName: WellKnown.hubProxyDisplayName,
            secrets: [], tenantId: WellKnown.tenantId)
        let proxyToken = live.emulator.world.identity.issueToken(for: .servicePrincipal(proxyPrincipal), audience: live.tlsBaseURL + "/")
        #expect(try await live.client.send("GET", accountDeployments + F.csVersion, token: proxyToken).status == 200)
        for (method, path, body) in [
            ("PUT", F.group + "2" + F.rgVersion, ["location": "eastus"] as [String: Any]?),
            ("GET", F.account + F.csVersion, nil), ("DELETE", F.account + F.csVersion, nil),
            ("GET", F.hub + F.mlVersion, nil), ("POST", F.connection + "/listsecrets" + F.mlVersion, nil),
            ("GET", F.group + "/providers/Microsoft.Authorization/roleAssignments" + F.authzVersion, nil),
        ] {
            let reply = try await live.client.send(method, path, jsonObject: body, token: proxyToken)
            #expect(reply.status == 403, "\(method) \(path)")
        }
        // Nobody can sign in as the proxy: it has no secret.
        let signIn = try await live.client.send(
            "POST", "/\(WellKnown.tenantId)/oauth2/v2.0/token",
            body:
                "grant_type=client_credentials&client_id=\(WellKnown.hubProxyClientId)&client_secret="
                + "&scope=https%3A%2F%2Fmanagement.azure.com%2F.default", headers: [("Content-Type", "application/x-www-form-urlencoded")])
        #expect(signIn.status == 400 || signIn.status == 401)
        // Another caller's on-behalf-of headers change nothing.
        let created = try await live.client.send(
            "PUT", accountDeployments + "/direct" + F.csVersion,
            jsonObject: [
                "sku": ["name": "Standard", "capacity": 1],
                "properties": [
                    "model": [
                        "name": "gpt-4o", "format": "OpenAI",
                        "version": "2024-11-20",
                    ]
                ],
            ],
            headers: [
                ("x-ms-foundry-proxy-caller-object-id", "00000000-0000-0000-0000-000000000bad"),
                ("x-ms-foundry-proxy-caller-name", "mallory"),
            ], token: world.hubOperator)
        #expect(created.status == 201)
        #expect((created.jsonObject?["systemData"] as? [String: Any])?["createdBy"] as? String == WellKnown.operatorClientId)
    }
}
