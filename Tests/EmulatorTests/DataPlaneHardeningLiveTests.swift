import ARMTestSupport
import Foundation
import Testing

@testable import Emulator

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Hostile and heavy data-plane traffic against the real server on a socket: huge and oversized
/// bodies, deep and cyclic JSON schemas, streamed answers whose client stops reading or leaves,
/// and many streams at once. Each answer is a 2xx or a 4xx with OpenAI's error shape, never a
/// crash or a hang, and the server serves the next request.
@Suite struct DataPlaneHardeningLiveTests {
    static var hello: [String: Any] { ["role": "user", "content": "Hello"] }

    private func port(_ live: LiveEmulator) -> Int { Int(live.baseURL.split(separator: ":").last ?? "") ?? 0 }

    private func snippet(_ reply: TestClient.Reply) -> String { String(decoding: reply.body.prefix(400), as: UTF8.self) }

    /// `error` of an OpenAI-shaped error body.
    private func error(_ reply: TestClient.Reply) -> [String: Any]? { reply.jsonObject?["error"] as? [String: Any] }

    @Test func aMessageJustUnderTheBodyLimitIsAnsweredAndTheServerGoesOn() async throws {
        let live = try LiveEmulator { $0.dataPlaneLimits = false }
        let plane = try await LiveDataPlane(live)
        // Given a chat whose one message is ~3.9 MiB of text, the body just under the 4 MiB limit
        let envelope = #"{"messages":[{"role":"user","content":""}]}"#.utf8.count
        let text = String(repeating: "lorem ipsum dolor ", count: (4_089_446 - envelope) / 18)
        let body = try JSONSerialization.data(withJSONObject: ["messages": [["role": "user", "content": text]]])
        #expect(body.count < 4 * 1024 * 1024 && body.count > 4_000_000)
        let reply = try await plane.post(raw: body)
        // Then it is a chat completion, or a 400 in OpenAI's shape (a context window exceeded)
        #expect(reply.status == 200 || reply.status == 400, "\(reply.status): \(snippet(reply))")
        if reply.status == 200 {
            #expect(reply.jsonObject?["object"] as? String == "chat.completion")
        } else {
            #expect(error(reply)?["type"] as? String == "invalid_request_error", "\(snippet(reply))")
        }
        // And the server still answers
        try await plane.expectChatSucceeds()
    }

    @Test func bodiesOverTheLimitAre413AndTheServerGoesOn() async throws {
        let live = try LiveEmulator()
        let plane = try await LiveDataPlane(live)
        // Given chat bodies of 4 MiB + 1 byte and of 6 MiB
        for size in [4 * 1024 * 1024 + 1, 6 * 1024 * 1024] {
            let prefix = Array(#"{"messages":[{"role":"user","content":""#.utf8)
            let suffix = Array(#""}]}"#.utf8)
            let body = prefix + [UInt8](repeating: UInt8(ascii: "a"), count: size - prefix.count - suffix.count) + suffix
            // Then each is 413, with a JSON error body
            let reply = try await plane.post(raw: Data(body))
            #expect(reply.status == 413, "\(size): \(reply.status) \(snippet(reply))")
            #expect(reply.jsonObject?["error"] != nil, "\(snippet(reply))")
        }
        // And the server still answers
        try await plane.expectChatSucceeds()
    }

    /// `{"type":"object","properties":{"a":{...}},"required":["a"]}` nested `levels` deep, a string inside.
    static func nestedSchema(levels: Int) -> [String: Any] {
        var schema: [String: Any] = ["type": "string"]
        for _ in 0..<levels {
            schema = ["type": "object", "properties": ["a": schema], "required": ["a"], "additionalProperties": false]
        }
        return schema
    }

    /// A linked list through `$ref`: every node requires its `next`, so an instance never ends.
    static var cyclicSchema: [String: Any] {
        [
            "$defs": [
                "node": [
                    "type": "object", "properties": ["value": ["type": "string"], "next": ["$ref": "#/$defs/node"]],
                    "required": ["value", "next"],
                ]
            ],
            "$ref": "#/$defs/node",
        ]
    }

    static func withSchemaFormat(_ schema: [String: Any]) -> [String: Any] {
        [
            "messages": [hello],
            "response_format": ["type": "json_schema", "json_schema": ["name": "deep", "strict": true, "schema": schema]],
        ]
    }

    static func withToolParameters(_ schema: [String: Any]) -> [String: Any] {
        [
            "messages": [["role": "user", "content": "Call deep_tool now"]],
            "tools": [["type": "function", "function": ["name": "deep_tool", "description": "deep", "parameters": schema]]],
            "tool_choice": "required",
        ]
    }

    @Test func deepAndCyclicSchemasGetABoundedAnswerOrA400NamingTheParam() async throws {
        let live = try LiveEmulator()
        let plane = try await LiveDataPlane(live)
        let cases: [(String, [String: Any], String)] = [
            ("response_format, 200 levels", Self.withSchemaFormat(Self.nestedSchema(levels: 200)), "response_format"),
            ("response_format, 100 levels", Self.withSchemaFormat(Self.nestedSchema(levels: 100)), "response_format"),
            ("response_format, 20 levels", Self.withSchemaFormat(Self.nestedSchema(levels: 20)), "response_format"),
            ("response_format, $ref cycle", Self.withSchemaFormat(Self.cyclicSchema), "response_format"),
            ("tool parameters, 200 levels", Self.withToolParameters(Self.nestedSchema(levels: 200)), "tools"),
            ("tool parameters, 100 levels", Self.withToolParameters(Self.nestedSchema(levels: 100)), "tools"),
            ("tool parameters, 20 levels", Self.withToolParameters(Self.nestedSchema(levels: 20)), "tools"),
            ("tool parameters, $ref cycle", Self.withToolParameters(Self.cyclicSchema), "tools"),
        ]
        for (label, body, field) in cases {
            let reply = try await plane.post(json: body)
            #expect(reply.status == 200 || reply.status == 400, "\(label): \(reply.status) \(snippet(reply))")
            if reply.status == 400 {
                // A refusal names the field, as OpenAI's `param` does
                #expect(error(reply)?["type"] as? String == "invalid_request_error", "\(label)")
                let param = error(reply)?["param"] as? String
                #expect(param?.hasPrefix(field) == true, "\(label): param \(param ?? "nil"), \(snippet(reply))")
            } else {
                // An answer is bounded: JSON content (or tool arguments) of modest size
                let message = ((reply.jsonObject?["choices"] as? [[String: Any]])?.first?["message"]) as? [String: Any]
                let output =
                    message?["content"] as? String
                    ?? ((message?["tool_calls"] as? [[String: Any]])?.first?["function"] as? [String: Any])?["arguments"] as? String
                let produced = try #require(output, "\(label): \(snippet(reply))")
                #expect(produced.utf8.count < 1024 * 1024, "\(label)")
                #expect((try? JSONSerialization.jsonObject(with: Data(produced.utf8))) != nil, "\(label): \(produced.prefix(200))")
            }
        }
        try await plane.expectChatSucceeds()
    }

    /// A streamed chat whose answer is a scripted text of `words` words: a long stream.
    private func longStream(_ plane: LiveDataPlane, words: Int, match: String) async throws -> [UInt8] {
        let token = try await plane.live.operatorToken()
        let content = String(repeating: "stream ", count: words)
        let rule: [String: Any] = ["deployment": "gpt-4o", "match": match, "reply": ["content": content]]
        let added = try await plane.live.client.send("POST", "/_emulator/dataplane/rules", jsonObject: rule, token: token)
        #expect(added.status == 201, "\(snippet(added))")
        let body: [String: Any] = ["messages": [["role": "user", "content": "please \(match)"]], "stream": true]
        return Array(try JSONSerialization.data(withJSONObject: body))
    }

    /// The kernel's state of the server's end of the connection from `clientPort` (/proc/net/tcp,
    /// proc(5)): "04" is FIN_WAIT1, the server closed while its last bytes wait for the reader.
    private func serverSocketState(serverPort: Int, clientPort: Int) -> String? {
        // Read to the end: procfs files report size 0, so size-based readers may stop at one page.
        guard let file = FileHandle(forReadingAtPath: "/proc/net/tcp") else { return nil }
        defer { try? file.close() }
        let table = String(decoding: file.readDataToEndOfFile(), as: UTF8.self)
        let local = String(format: ":%04X", serverPort)
        let remote = String(format: ":%04X", clientPort)
        for line in table.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ")
            guard fields.count > 3, fields[1].hasSuffix(local), fields[2].hasSuffix(remote) else { continue }
            return String(fields[3])
        }
        return nil
    }

    @Test func aStreamWhoseClientStopsReadingIsClosedAtTheWriteDeadlineAndOthersAreServed() async throws {
        let live = try LiveEmulator {
            $0.idleTimeoutSeconds = 2
            $0.dataPlaneLimits = false
        }
        let plane = try await LiveDataPlane(live)
        // Given a streamed answer of ~40 MB of events, far more than the socket buffers hold
        let body = try await longStream(plane, words: 200_000, match: "stall")
        // When a client with a 4 KiB receive buffer asks for it and reads only the head
        let stalled = try RawHTTPConnection(port: port(live), receiveBufferBytes: 4096)
        try stalled.post(plane.path(), body: body, headers: ["api-key": plane.key])
        #expect(try stalled.read(until: "\r\n\r\n"))
        #expect(stalled.text.hasPrefix("HTTP/1.1 200"))
        // Then other clients are served meanwhile
        for _ in 0..<3 { try await plane.expectChatSucceeds() }
        #expect(try await live.client.send("GET", "/_emulator/health").status == 200)
        // And the server closes the connection once no byte moved for the write deadline (2 s here)
        let clientPort = stalled.localPort
        var closed = false
        var seen = false
        for _ in 0..<300 where !closed {
            try await Task.sleep(for: .milliseconds(100))
            let state = serverSocketState(serverPort: port(live), clientPort: clientPort)
            // FIN_WAIT1, FIN_WAIT2, CLOSE, CLOSING; or the row gone after it was seen (a reset)
            closed = state.map { ["04", "05", "07", "0B"].contains($0) } ?? seen
            seen = seen || state != nil
        }
        #expect(closed, "the server never closed the stalled stream")
        // And the stream (~40 MB) was cut, not completed: only what the kernel still held arrives
        // (here at most tcp_wmem's 4 MiB). That the producer itself waits while the client does not
        // read is proven by counting its writes in EmulatorHTTPTests' closesAStalledStreamAtTheWriteDeadline.
        _ = try? stalled.readToEnd()
        #expect(!stalled.text.contains("data: [DONE]"))
        #expect(stalled.received.count < 20 * 1024 * 1024, "received \(stalled.received.count) bytes")
        try await plane.expectChatSucceeds()
    }

    @Test func aClientThatLeavesMidStreamDoesNotDisturbTheServer() async throws {
        let live = try LiveEmulator { $0.dataPlaneLimits = false }
        let plane = try await LiveDataPlane(live)
        let body = try await longStream(plane, words: 50_000, match: "leave")
        for reset in [false, true] {
            // Given a client that reads the first events of a long stream
            let leaving = try RawHTTPConnection(port: port(live))
            try leaving.post(plane.path(), body: body, headers: ["api-key": plane.key])
            #expect(try leaving.read(until: "data: {"))
            // When it closes (or resets) the connection mid-stream
            if reset { leaving.reset() } else { leaving.close() }
            // Then the server goes on: a streamed chat completes and a plain one succeeds
            let stream = try await plane.post(json: ["messages": [Self.hello], "stream": true])
            #expect(stream.status == 200)
            #expect(String(decoding: stream.body, as: UTF8.self).hasSuffix("data: [DONE]\n\n"))
            try await plane.expectChatSucceeds()
        }
    }

    @Test func twoHundredConcurrentStreamedChatsComplete() async throws {
        let live = try LiveEmulator { $0.dataPlaneLimits = false }
        let plane = try await LiveDataPlane(live)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 200
        configuration.timeoutIntervalForRequest = 120
        let session = URLSession(configuration: configuration)
        let url = URL(string: live.baseURL + plane.path())!
        let key = plane.key
        // Given 200 clients asking for a streamed chat at once
        let outcomes = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for index in 0..<200 {
                group.addTask {
                    var request = URLRequest(url: url)
                    request.httpMethod = "POST"
                    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                    request.setValue(key, forHTTPHeaderField: "api-key")
                    let body: [String: Any] = ["messages": [["role": "user", "content": "Stream number \(index)"]], "stream": true]
                    request.httpBody = try JSONSerialization.data(withJSONObject: body)
                    let (data, response) = try await session.data(for: request)
                    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
                }
            }
            var all: [(Int, String)] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        // Then every one is a complete event stream
        #expect(outcomes.count == 200)
        #expect(outcomes.filter { $0.0 == 200 }.count == 200)
        #expect(outcomes.filter { $0.1.hasSuffix("data: [DONE]\n\n") && $0.1.contains("chat.completion.chunk") }.count == 200)
        try await plane.expectChatSucceeds()
    }
}
