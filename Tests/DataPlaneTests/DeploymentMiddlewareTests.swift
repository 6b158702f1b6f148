import ARMCore
import EmulatorHTTP
import Identity
import JSON
import Testing

@testable import DataPlane

/// The data plane's chain on a store written directly (no control plane): deployment states,
/// capabilities, capacity changes, hosts and methods.
@Suite struct DeploymentMiddlewareTests {
    let store = ResourceStore()
    let account = ResourceID("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a1")!
    let dataPlane: DataPlane

    init() throws {
        dataPlane = DataPlane(
            store: store, validator: TokenValidator(directory: Directory(), signingKey: .wellKnown), evaluator: nil,
            models: ModelService(), catalog: { _, _ in [] })
        _ = try store.put(
            account,
            body: [
                "kind": "OpenAI", "location": "eastus",
                "properties": ["customSubDomainName": "a1", "provisioningState": "Succeeded"],
            ],
            privateState: ["key1": "k1", "key2": "k2"])
    }

    func deploy(
        _ name: String, state: String = "Succeeded", capacity: Int = 100, capabilities: JSONValue = ["chatCompletion": "true"]
    )
        throws
    {
        _ = try store.put(
            account.child(type: "deployments", name: name),
            body: [
                "sku": ["name": "Standard", "capacity": .int(Int64(capacity))],
                "properties": [
                    "provisioningState": .string(state), "model": ["format": "OpenAI", "name": "gpt-4o", "version": "2024-08-06"],
                    "capabilities": capabilities,
                    "rateLimits": [
                        ["key": "request", "renewalPeriod": 10, "count": .int(Int64(capacity))],
                        ["key": "token", "renewalPeriod": 60, "count": .int(Int64(capacity) * 1000)],
                    ],
                ],
            ])
    }

    func chat(_ deployment: String, host: String = "a1.openai.azure.com", method: String = "POST") async -> (Int, JSONValue?) {
        let request = HTTPRequest(
            method: method, target: "/dataplane/\(host)/openai/deployments/\(deployment)/chat/completions?api-version=2024-10-21",
            headers: HTTPHeaders([("Host", "localhost"), ("api-key", "k2")]),
            body: Array(#"{"messages":[{"role":"user","content":"hi"}]}"#.utf8))
        let response = await dataPlane.handle(request).collected()
        return (response.status, try? JSONParser.parse(response.body))
    }

    @Test func givenADeploymentBeingCreated_whenCalled_thenDeploymentNotFoundUntilItSucceeds() async throws {
        try deploy("d", state: "Creating")
        let creating = await chat("d")
        #expect(creating.0 == 404 && creating.1?["error"]?["code"]?.stringValue == "DeploymentNotFound")
        try deploy("d", state: "Succeeded")
        #expect(await chat("d").0 == 200)
    }

    @Test func givenAFailedDeployment_whenCalled_thenDeploymentNotReady() async throws {
        try deploy("d", state: "Failed")
        let failed = await chat("d")
        #expect(failed.0 == 400 && failed.1?["error"]?["code"]?.stringValue == "DeploymentNotReady")
    }

    @Test func givenAnEmbeddingsModel_whenChatting_thenOperationNotSupportedNamesTheDeployment() async throws {
        try deploy("emb", capabilities: ["embeddings": "true"])
        let answer = await chat("emb")
        #expect(answer.0 == 400 && answer.1?["error"]?["code"]?.stringValue == "OperationNotSupported")
        #expect(answer.1?["error"]?["message"]?.stringValue?.contains("emb") == true)
    }

    @Test func givenCapacityOne_whenCapacityIsRaised_thenTheNextCallPassesAtOnce() async throws {
        try deploy("d", capacity: 1)
        #expect(await chat("d").0 == 200)
        #expect(await chat("d").0 == 429)
        try deploy("d", capacity: 50)
        #expect(await chat("d").0 == 200)
        #expect(dataPlane.usage.counts(for: account.child(type: "deployments", name: "d")).throttled == 1)
    }

    @Test func givenTheSubdomainInAnotherCasingOrFamily_whenCalled_thenTheSameAccountAnswers() async throws {
        try deploy("d")
        #expect(await chat("d", host: "A1.OpenAI.Azure.com").0 == 200)
        #expect(await chat("d", host: "a1.cognitiveservices.azure.com").0 == 200)
        #expect(await chat("d", host: "a2.openai.azure.com").0 == 404)
        #expect(await chat("d", method: "PUT").0 == 405)
    }
}
