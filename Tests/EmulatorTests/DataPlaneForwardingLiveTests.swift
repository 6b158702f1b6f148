import ARMTestSupport
import Foundation
import Testing

@testable import Emulator

/// The whole emulator started as the command line starts it, `--model-backend` pointing at a real
/// OpenAI-compatible server and `--model-map gpt-4o=tiny-model`: an account and deployments made
/// through ARM, then chat (plain and streamed) and embeddings through `/dataplane/...`. The backend
/// sees the mapped model; the client sees its deployment's model, as Azure would answer.
@Suite struct DataPlaneForwardingLiveTests {
    /// The configuration `foundry-emulator --model-backend URL --model-map gpt-4o=tiny-model` runs with.
    static func commandLine(_ backend: String) throws -> EmulatorConfig {
        let parsed = try EmulatorConfig.parse(["--port", "0", "--model-backend", backend, "--model-map", "gpt-4o=tiny-model"])
        guard case .run(let config) = parsed else { throw EmulatorConfig.UsageError("not a run: \(parsed)") }
        return config
    }

    @Test func chatAndEmbeddingsAreForwardedWithTheMappedModelAndABackendThatIsGoneIs502() async throws {
        let backend = try OpenAICompatibleServer()
        let parsed = try Self.commandLine(backend.base().absoluteString)
        #expect(parsed.modelMap == ["gpt-4o": "tiny-model"])
        let live = try LiveEmulator {
            $0.modelBackendURL = parsed.modelBackendURL
            $0.modelMap = parsed.modelMap
        }
        let plane = try await LiveDataPlane(live, embeddings: true)
        let question: [String: Any] = ["messages": [["role": "user", "content": "Hello, backend"]]]

        // Given a plain chat: the backend answers it for tiny-model, the client sees gpt-4o
        let chat = try await plane.post(json: question)
        #expect(chat.status == 200, "\(String(decoding: chat.body.prefix(300), as: UTF8.self))")
        let message = ((chat.jsonObject?["choices"] as? [[String: Any]])?.first?["message"]) as? [String: Any]
        #expect(message?["content"] as? String == "Hello from the fixture.")
        #expect(chat.jsonObject?["model"] as? String == "gpt-4o")
        let seen = try await backend.lastRequest()
        #expect(seen["route"]?.stringValue == "/v1/chat/completions")
        #expect(seen["body"]?["model"]?.stringValue == "tiny-model")

        // Given a streamed chat: the events pass through, relabelled, and end with [DONE]
        var streamed = question
        streamed["stream"] = true
        let stream = try await plane.post(json: streamed)
        #expect(stream.status == 200)
        #expect(stream.header("Content-Type")?.hasPrefix("text/event-stream") == true)
        let events = String(decoding: stream.body, as: UTF8.self).components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(events.last == "data: [DONE]")
        let chunks = events.dropLast().compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.dropFirst(6).utf8))) as? [String: Any]
        }
        #expect(!chunks.isEmpty && chunks.allSatisfy { $0["model"] as? String == "gpt-4o" }, "\(events)")
        let text = chunks.compactMap { ((($0["choices"] as? [[String: Any]])?.first?["delta"]) as? [String: Any])?["content"] as? String }
        #expect(text.joined() == "Hello!")
        #expect(try await backend.lastRequest()["body"]?["model"]?.stringValue == "tiny-model")

        // Given embeddings in base64: the backend's floats come back encoded by the emulator
        let embedded = try await plane.post("embeddings", deployment: "embed", json: ["input": "some text", "encoding_format": "base64"])
        #expect(embedded.status == 200, "\(String(decoding: embedded.body.prefix(300), as: UTF8.self))")
        let encoded = try #require((embedded.jsonObject?["data"] as? [[String: Any]])?.first?["embedding"] as? String)
        let bytes = try #require(Data(base64Encoded: encoded))
        // Little-endian float32s, as OpenAI's base64 encoding is read by openai-python (numpy frombuffer)
        let floats = (0..<bytes.count / 4).map { index in
            bytes.withUnsafeBytes {
                Float32(bitPattern: UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))
            }
        }
        #expect(floats == [0.5, -1.25, 3.0, 0.1])
        #expect(try await backend.lastRequest()["route"]?.stringValue == "/v1/embeddings")

        // When the backend is gone, a chat is 502 BadGateway and the emulator goes on
        backend.stop()
        let down = try await plane.post(json: question)
        #expect(down.status == 502, "\(String(decoding: down.body.prefix(300), as: UTF8.self))")
        #expect((down.jsonObject?["error"] as? [String: Any])?["code"] as? String == "BadGateway")
        #expect(try await live.client.send("GET", "/_emulator/health").status == 200)
    }
}
