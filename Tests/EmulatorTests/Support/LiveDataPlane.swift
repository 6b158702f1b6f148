import ARMTestSupport
import Foundation
import Identity
import Testing

/// An AIServices account with a custom subdomain and a gpt-4o deployment (and optionally an
/// embeddings deployment), created through ARM on a `LiveEmulator`, and its key: what a data-plane
/// client needs to call `/dataplane/{subdomain}.openai.azure.com/...` over a real socket.
struct LiveDataPlane {
    static let accountAPIVersion = "2025-06-01"
    static let deploymentAPIVersion = "2024-10-01"
    static let chatAPIVersion = "2024-10-21"

    let live: LiveEmulator
    let subdomain: String
    let key: String

    /// Creates the group, the account and the deployments; `capacity` sets the rate limits (the
    /// default, 50, is the catalog's whole default quota for gpt-4o Global Standard).
    init(_ live: LiveEmulator, capacity: Int = 50, embeddings: Bool = false) async throws {
        self.live = live
        let token = try await live.operatorToken()
        let name = "acct\(UInt32.random(in: 100_000...999_999))"
        let group = "/subscriptions/\(WellKnown.subscriptionId)/resourceGroups/dp-\(name)"
        #expect(
            try await live.client.send("PUT", group + "?api-version=2024-11-01", jsonObject: ["location": "eastus"], token: token).status
                == 201)
        let account = group + "/providers/Microsoft.CognitiveServices/accounts/\(name)"
        let accountBody: [String: Any] = [
            "location": "eastus", "kind": "AIServices", "sku": ["name": "S0"], "properties": ["customSubDomainName": name],
        ]
        let created = try await live.client.send(
            "PUT", account + "?api-version=\(Self.accountAPIVersion)", jsonObject: accountBody, token: token)
        try #require(created.status < 300, "\(String(decoding: created.body, as: UTF8.self))")
        var deployments = [("gpt-4o", "gpt-4o", "2024-08-06", "GlobalStandard")]
        if embeddings { deployments.append(("embed", "text-embedding-3-small", "1", "Standard")) }
        for (deployment, model, version, sku) in deployments {
            let body: [String: Any] = [
                "sku": ["name": sku, "capacity": capacity],
                "properties": ["model": ["format": "OpenAI", "name": model, "version": version]],
            ]
            let path = account + "/deployments/\(deployment)?api-version=\(Self.deploymentAPIVersion)"
            let reply = try await live.client.send("PUT", path, jsonObject: body, token: token)
            try #require(reply.status < 300, "\(String(decoding: reply.body, as: UTF8.self))")
        }
        let keys = try await live.client.send("POST", account + "/listKeys?api-version=\(Self.accountAPIVersion)", token: token)
        self.subdomain = name
        self.key = try #require(keys.jsonObject?["key1"] as? String)
    }

    /// `/dataplane/{subdomain}.openai.azure.com/openai/deployments/{deployment}/{operation}?api-version=...`
    func path(_ operation: String = "chat/completions", deployment: String = "gpt-4o") -> String {
        "/dataplane/\(subdomain).openai.azure.com/openai/deployments/\(deployment)/\(operation)?api-version=\(Self.chatAPIVersion)"
    }

    /// POSTs `body` (JSON object or raw bytes) with the account's key.
    func post(
        _ operation: String = "chat/completions", deployment: String = "gpt-4o", json: Any? = nil, raw: Data? = nil
    ) async throws
        -> TestClient.Reply
    {
        try await live.client.send(
            "POST", path(operation, deployment: deployment), jsonObject: json, data: raw.map { Array($0) }, headers: [("api-key", key)])
    }

    /// A small chat that must succeed: proof the server still serves.
    func expectChatSucceeds(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let reply = try await post(json: ["messages": [["role": "user", "content": "Still there?"]]])
        #expect(reply.status == 200, "\(String(decoding: reply.body.prefix(300), as: UTF8.self))", sourceLocation: sourceLocation)
        #expect(reply.jsonObject?["object"] as? String == "chat.completion", sourceLocation: sourceLocation)
    }
}
