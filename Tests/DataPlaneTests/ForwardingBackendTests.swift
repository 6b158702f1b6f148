import ARMCore
import ARMTestSupport
import Foundation
import JSON
import Testing

@testable import DataPlane

/// `ForwardingBackend` against a real OpenAI-compatible HTTP server (Fixtures/openai_compatible_server.py).
@Suite struct ForwardingBackendTests {
    static func call(
        _ operation: ModelCall.Operation, deployment: String = "my-deployment", model: String = "gpt-4o", body: JSONValue
    ) -> ModelCall {
        ModelCall(operation: operation, deployment: deployment, model: model, body: body, created: 1_700_000_000)
    }

    static let chatBody: JSONValue = ["model": "my-deployment", "messages": [["role": "user", "content": "Hi"]]]

    @Test func mappedModelReachesTheBackendAndTheAnswerCarriesTheDeploymentsModel() async throws {
        let server = try OpenAICompatibleServer()
        let backend = ForwardingBackend(baseURL: server.base(), modelMap: ["My-Deployment": "llama3.2"], timeoutSeconds: 10)
        let answer = try await backend.answer(Self.call(.chatCompletions, body: Self.chatBody))
        let sent = try await server.lastRequest()
        #expect(sent["route"]?.stringValue == "/v1/chat/completions")
        #expect(sent["body"]?["model"]?.stringValue == "llama3.2")
        #expect(sent["body"]?["messages"]?[0]?["content"]?.stringValue == "Hi")
        #expect(sent["headers"]?.objectValue?.value(forKeyIgnoringCase: "authorization")?.stringValue == "Bearer emulator")
        #expect(sent["headers"]?.objectValue?.value(forKeyIgnoringCase: "content-type")?.stringValue == "application/json")
        #expect(answer.body?["model"]?.stringValue == "gpt-4o")
        #expect(answer.body?["choices"]?[0]?["message"]?["content"]?.stringValue == "Hello from the fixture.")
        #expect(answer.promptTokens == 11)
        #expect(answer.completionTokens == 5)
        #expect(answer.passthrough == nil)
    }

    @Test func deploymentMappingWinsOverModelMappingAndUnmappedCallsSendTheModel() {
        let backend = ForwardingBackend(
            baseURL: URL(string: "http://127.0.0.1:1/v1")!, modelMap: ["GPT-4o": "by-model", "prod-chat": "by-deployment"],
            timeoutSeconds: 1)
        #expect(backend.backendModel(for: Self.call(.chatCompletions, deployment: "prod-chat", body: [:])) == "by-deployment")
        #expect(backend.backendModel(for: Self.call(.chatCompletions, deployment: "other", body: [:])) == "by-model")
        #expect(backend.backendModel(for: Self.call(.chatCompletions, deployment: "other", model: "o3", body: [:])) == "o3")
    }

    @Test func completionsAndResponsesUseTheirRoutesAndUsageNames() async throws {
        let server = try OpenAICompatibleServer()
        let backend = ForwardingBackend(baseURL: server.base(), modelMap: [:], timeoutSeconds: 10)
        let completion = try await backend.answer(Self.call(.completions, model: "gpt-35-turbo-instruct", body: ["prompt": "Once"]))
        #expect(try await server.lastRequest()["route"]?.stringValue == "/v1/completions")
        #expect(try await server.lastRequest()["body"]?["model"]?.stringValue == "gpt-35-turbo-instruct")
        #expect(completion.body?["model"]?.stringValue == "gpt-35-turbo-instruct")
        #expect(completion.promptTokens == 3 && completion.completionTokens == 4)

        let response = try await backend.answer(Self.call(.responses, body: ["model": "my-deployment", "input": "Hi"]))
        #expect(try await server.lastRequest()["route"]?.stringValue == "/v1/responses")
        #expect(response.body?["model"]?.stringValue == "gpt-4o")
        #expect(response.promptTokens == 9)
        #expect(response.completionTokens == 2)
    }

    @Test func aResponsesChainReachesTheBackendAsOneInput() async throws {
        let server = try OpenAICompatibleServer()
        let backend = ForwardingBackend(baseURL: server.base(), modelMap: [:], timeoutSeconds: 10)
        var call = Self.call(.responses, body: ["model": "my-deployment", "input": "And now?", "previous_response_id": "resp_1"])
        call.history = [["role": "user", "content": "Hi"], ["type": "message", "role": "assistant", "content": "Hello."]]
        _ = try await backend.answer(call)
        let sent = try #require(try await server.lastRequest()["body"])
        #expect(sent["previous_response_id"] == nil)
        let input = try #require(sent["input"]?.arrayValue)
        #expect(input.count == 3)
        #expect(input.first?["content"]?.stringValue == "Hi")
        #expect(input.last?["role"]?.stringValue == "user" && input.last?["content"]?.stringValue == "And now?")
    }

    @Test func base64EmbeddingsAreEncodedHereFromTheBackendsFloats() async throws {
        let server = try OpenAICompatibleServer()
        let backend = ForwardingBackend(
            baseURL: server.base(), modelMap: ["text-embedding-3-small": "nomic-embed-text"], timeoutSeconds: 10)
        let body: JSONValue = ["model": "emb", "input": ["a", "b"], "encoding_format": "base64"]
        let answer = try await backend.answer(Self.call(.embeddings, deployment: "emb", model: "text-embedding-3-small", body: body))
        let sent = try await server.lastRequest()
        #expect(sent["route"]?.stringValue == "/v1/embeddings")
        #expect(sent["body"]?["encoding_format"]?.stringValue == "float")
        #expect(sent["body"]?["model"]?.stringValue == "nomic-embed-text")
        #expect(answer.body?["model"]?.stringValue == "text-embedding-3-small")
        #expect(answer.promptTokens == 4)
        let items = try #require(answer.body?["data"]?.arrayValue)
        #expect(items.count == 2)
        for (index, item) in items.enumerated() {
            let text = try #require(item["embedding"]?.stringValue)
            let bytes = try #require(Data(base64Encoded: text))
            #expect(bytes.count == 16)
            let floats = stride(from: 0, to: bytes.count, by: 4).map { offset in
                Float(bitPattern: bytes[offset..<offset + 4].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            }
            let expected: [Float] = [0.5, -1.25, 3.0, 0.1].map { $0 * Float(index + 1) }
            #expect(floats == expected)
        }
    }

    @Test func floatEmbeddingsPassThroughAsFloats() async throws {
        let server = try OpenAICompatibleServer()
        let backend = ForwardingBackend(baseURL: server.base(), modelMap: [:], timeoutSeconds: 10)
        let answer = try await backend.answer(Self.call(.embeddings, model: "text-embedding-3-small", body: ["input": "a"]))
        #expect(try await server.lastRequest()["body"]?["encoding_format"] == nil)
        #expect(answer.body?["data"]?[0]?["embedding"]?.arrayValue?.count == 4)
    }

    @Test func aStreamPassesThroughEventByEventAndEndsWithDone() async throws {
        let server = try OpenAICompatibleServer()
        let backend = ForwardingBackend(baseURL: server.base(), modelMap: ["my-deployment": "llama3.2"], timeoutSeconds: 10)
        var body = Self.chatBody.objectValue!
        body["stream"] = true
        let answer = try await backend.answer(Self.call(.chatCompletions, body: .object(body)))
        let stream = try #require(answer.passthrough)
        let sink = RecordingBodySink()
        try await sink.run(stream)
        let writes = sink.writes
        // Three chunks (the third reached us cut in two reads) and the terminator, each one whole write.
        #expect(writes.count == 4)
        #expect(writes.last == "data: [DONE]\n\n")
        var text = ""
        for write in writes.dropLast() {
            #expect(write.hasPrefix("data: {") && write.hasSuffix("}\n\n"))
            let chunk = try JSONParser.parse(String(write.dropFirst("data: ".count)))
            #expect(chunk["model"]?.stringValue == "gpt-4o")
            text += chunk["choices"]?[0]?["delta"]?["content"]?.stringValue ?? ""
        }
        #expect(text == "Hello!")
        #expect(try await server.lastRequest()["body"]?["model"]?.stringValue == "llama3.2")
    }

    @Test func aStreamWithoutTerminatorGetsOne() async throws {
        let server = try OpenAICompatibleServer()
        let backend = ForwardingBackend(baseURL: server.base(), modelMap: ["my-deployment": "no-done"], timeoutSeconds: 10)
        let answer = try await backend.answer(
            Self.call(.chatCompletions, body: ["messages": [["role": "user", "content": "Hi"]], "stream": true]))
        let sink = RecordingBodySink()
        try await sink.run(try #require(answer.passthrough))
        #expect(sink.writes.count == 4)
        #expect(sink.writes.last == "data: [DONE]\n\n")
        #expect(sink.writes.filter { $0.contains("[DONE]") }.count == 1)
    }

    @Test func theUpstreamCallStopsWhenTheClientGoesAway() async throws {
        let server = try OpenAICompatibleServer()
        let backend = ForwardingBackend(baseURL: server.base(), modelMap: ["my-deployment": "endless"], timeoutSeconds: 10)
        let answer = try await backend.answer(
            Self.call(.chatCompletions, body: ["messages": [["role": "user", "content": "Hi"]], "stream": true]))
        let sink = RecordingBodySink(failAfter: 2)
        await #expect(throws: (any Error).self) { try await sink.run(try #require(answer.passthrough)) }
        // The fixture would write for 30 s; once we hang up, its next write fails. Bounded wait.
        var events: [String] = []
        for _ in 0..<100 where events.isEmpty {
            try await Task.sleep(for: .milliseconds(100))
            events = try await server.streamEvents()
        }
        #expect(events == ["stream-aborted"])
    }

    @Test func theUpstreamCallStopsWhenTheStreamIsDroppedUnwritten() async throws {
        let server = try OpenAICompatibleServer()
        let backend = ForwardingBackend(baseURL: server.base(), modelMap: ["my-deployment": "endless"], timeoutSeconds: 10)
        var answer: ModelAnswer? = try await backend.answer(
            Self.call(.chatCompletions, body: ["messages": [["role": "user", "content": "Hi"]], "stream": true]))
        #expect(answer?.passthrough != nil)
        answer = nil
        var events: [String] = []
        for _ in 0..<100 where events.isEmpty {
            try await Task.sleep(for: .milliseconds(100))
            events = try await server.streamEvents()
        }
        #expect(events == ["stream-aborted"])
    }

    @Test func aBackendThatIsDownIsABadGatewayInAzuresShape() async throws {
        // Port 1 on loopback: nothing listens, the connection is refused.
        let backend = ForwardingBackend(baseURL: URL(string: "http://127.0.0.1:1/v1")!, modelMap: [:], timeoutSeconds: 10)
        let error = try #require(
            await #expect(throws: DataPlaneError.self) {
                try await backend.answer(Self.call(.chatCompletions, body: Self.chatBody))
            })
        #expect(error.status == 502)
        #expect(error.body["error"]?["code"]?.stringValue == "BadGateway")
        #expect(error.body["error"]?["message"]?.stringValue?.contains("http://127.0.0.1:1/v1") == true)
    }

    @Test(arguments: [false, true])
    func aSlowBackendIsAGatewayTimeout(stream: Bool) async throws {
        let server = try OpenAICompatibleServer()
        // The fixture waits 20 s; with a working deadline the call fails after 1 s instead of succeeding.
        let backend = ForwardingBackend(baseURL: server.base("/delay/20"), modelMap: [:], timeoutSeconds: 1)
        var body = Self.chatBody.objectValue!
        body["stream"] = .bool(stream)
        let error = try #require(
            await #expect(throws: DataPlaneError.self) {
                try await backend.answer(Self.call(.chatCompletions, body: .object(body)))
            })
        #expect(error.status == 504)
        #expect(error.body["error"]?["code"]?.stringValue == "Timeout")
    }

    @Test(arguments: [false, true])
    func aBackends400IsPassedThrough(stream: Bool) async throws {
        let server = try OpenAICompatibleServer()
        let backend = ForwardingBackend(baseURL: server.base("/status/400"), modelMap: [:], timeoutSeconds: 10)
        var body = Self.chatBody.objectValue!
        body["stream"] = .bool(stream)
        let error = try #require(
            await #expect(throws: DataPlaneError.self) {
                try await backend.answer(Self.call(.chatCompletions, body: .object(body)))
            })
        #expect(error.status == 400)
        #expect(error.body["error"]?["code"]?.stringValue == "backend_says_no")
        #expect(error.body["error"]?["message"]?.stringValue == "the backend refused this request")
    }

    @Test(arguments: ["/text-status/400", "/status/500", "/text-status/503"])
    func otherBackendFailuresAreBadGateways(prefix: String) async throws {
        let server = try OpenAICompatibleServer()
        let backend = ForwardingBackend(baseURL: server.base(prefix), modelMap: [:], timeoutSeconds: 10)
        let error = try #require(
            await #expect(throws: DataPlaneError.self) {
                try await backend.answer(Self.call(.chatCompletions, body: Self.chatBody))
            })
        #expect(error.status == 502)
        #expect(error.body["error"]?["code"]?.stringValue == "BadGateway")
    }
}
