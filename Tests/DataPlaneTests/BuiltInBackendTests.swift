import Foundation
import JSON
import Testing

@testable import DataPlane

/// The built-in backend's chat completions pinned byte for byte (Fixtures/builtin-chat: the request, and
/// the body the emulator sent for it, with the random `chatcmpl-` id and `created` replaced), so a
/// change in how bodies are rendered cannot change what clients read.
@Suite struct BuiltInBackendTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/builtin-chat")
    static let created = 1_700_000_000

    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }

    /// The answer's bytes as they go on the wire: the JSON body, or the events of a stream one after another.
    static func wireBytes(of name: String) async throws -> (text: String, contentType: String?) {
        let request = try JSONParser.parse(Array(try fixture(name + ".request.json").utf8))
        let call = ModelCall(operation: .chatCompletions, deployment: "gpt-4o", model: "gpt-4o", body: request, created: created)
        let answer = try await BuiltInBackend().answer(call)
        let response = answer.dataPlaneAnswer.response
        let bytes = answer.events.isEmpty ? response.body : answer.events.flatMap { $0 }
        return (String(decoding: bytes, as: UTF8.self), response.headers["Content-Type"])
    }

    /// `chatcmpl-` and 32 hex digits become `chatcmpl-ID`.
    static func withoutIDs(_ text: String) -> String {
        text.replacingOccurrences(of: #"chatcmpl-[0-9a-f]{32}"#, with: "chatcmpl-ID", options: .regularExpression)
    }

    @Test(arguments: ["plain", "escapes-n2-stop-logprobs", "tool-call", "json-object"])
    func givenAChatRequest_whenAnswered_thenTheBodyIsByteForByteThePinnedOne(name: String) async throws {
        let (text, contentType) = try await Self.wireBytes(of: name)
        #expect(contentType == "application/json; charset=utf-8")
        #expect(text.hasPrefix(#"{"choices":[{"content_filter_results":"#))
        #expect(Self.withoutIDs(text) == (try Self.fixture(name + ".response.txt")))
    }

    @Test(arguments: ["stream-usage", "stream-n2"])
    func givenAStreamedChatRequest_whenAnswered_thenTheEventsAreByteForByteThePinnedOnes(name: String) async throws {
        let (text, contentType) = try await Self.wireBytes(of: name)
        #expect(contentType == "text/event-stream; charset=utf-8")
        #expect(text.hasSuffix("data: [DONE]\n\n"))
        #expect(Self.withoutIDs(text) == (try Self.fixture(name + ".response.txt")))
    }
}
