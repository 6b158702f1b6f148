import ARMCore
import ARMTestSupport
import EmulatorHTTP
import Identity
import JSON

@testable import DataPlane

/// A data plane on a store written directly: account `a1` (key `k1`) with a chat deployment and a
/// Foundry project `p1`, called on the project endpoint like azure-ai-agents does.
struct AgentsWorld {
    let store = ResourceStore()
    let account = ResourceID("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/a1")!
    let dataPlane: DataPlane
    var project: ResourceID { account.child(type: "projects", name: "p1") }
    var runs: AgentRuns { dataPlane.handlers.agentRuns }
    /// Calls `api/projects/p1/{path}` with the account key, as azure-ai-agents does.
    let client: TestClient

    init(capacity: Int = 100, limitsEnabled: Bool = true) throws {
        let dataPlane = DataPlane(
            store: store, validator: TokenValidator(directory: Directory(), signingKey: .wellKnown), evaluator: nil,
            models: ModelService(), catalog: { _, _ in [] }, limitsEnabled: limitsEnabled)
        self.dataPlane = dataPlane
        client = TestClient(
            apiVersion: "v1", host: "localhost", isTLS: false, headers: [("api-key", "k1"), ("Content-Type", "application/json")],
            pathPrefix: "/dataplane/a1.services.ai.azure.com/api/projects/p1/"
        ) { [dataPlane] request in await dataPlane.handle(request).collected() }
        _ = try store.put(
            account,
            body: [
                "kind": "AIServices", "location": "eastus",
                "properties": ["customSubDomainName": "a1", "provisioningState": "Succeeded"],
            ],
            privateState: ["key1": "k1", "key2": "k2"])
        _ = try store.put(account.child(type: "projects", name: "p1"), body: ["properties": ["provisioningState": "Succeeded"]])
        _ = try store.put(
            account.child(type: "deployments", name: "gpt-4o"),
            body: [
                "sku": ["name": "Standard", "capacity": .int(Int64(capacity))],
                "properties": [
                    "provisioningState": "Succeeded", "model": ["format": "OpenAI", "name": "gpt-4o", "version": "2024-08-06"],
                    "capabilities": ["chatCompletion": "true"],
                    "rateLimits": [
                        ["key": "request", "renewalPeriod": 10, "count": .int(Int64(capacity))],
                        ["key": "token", "renewalPeriod": 60, "count": .int(Int64(capacity) * 1000)],
                    ],
                ],
            ])
    }

    /// An assistant (with `tools` JSON), a thread with one user message, and their ids.
    func assistantAndThread(message: String, tools: String = "[]") async throws -> (assistant: String, thread: String) {
        let assistant = try await client.send(
            "POST", "assistants", body: #"{"model":"gpt-4o","instructions":"Be helpful.","tools":\#(tools)}"#)
        let thread = try await client.send("POST", "threads", body: #"{"messages":[{"role":"user","content":"\#(message)"}]}"#)
        return (assistant.json?["id"]?.stringValue ?? "", thread.json?["id"]?.stringValue ?? "")
    }

    func runID(thread: String, run: String) -> ResourceID {
        project.child(type: "threads", name: thread).child(type: "runs", name: run)
    }

    /// Starts a run and waits for its task to stop working; the run as stored then.
    func runToRest(assistant: String, thread: String) async throws -> JSONValue {
        let created = try await client.send("POST", "threads/\(thread)/runs", body: #"{"assistant_id":"\#(assistant)"}"#)
        let run = created.json?["id"]?.stringValue ?? ""
        await runs.finished(runID(thread: thread, run: run))
        return try await client.send("GET", "threads/\(thread)/runs/\(run)").json ?? .null
    }
}
