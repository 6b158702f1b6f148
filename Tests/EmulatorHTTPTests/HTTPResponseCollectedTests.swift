import EmulatorHTTP
import Testing

/// `HTTPResponse.collected()`: a streamed response turned into a complete one, with no socket.
@Suite struct HTTPResponseCollectedTests {
    @Test func concatenatesWhatTheProducerWrites() async {
        // Given a streamed response with fields of its own
        let stream = HTTPBodyStream {
            try await $0.write(Array("data: a\n\n".utf8))
            try await $0.write([])
            try await $0.write(Array("data: b\n\n".utf8))
        }
        let headers = HTTPHeaders([("Content-Type", "text/event-stream")])
        let response = HTTPResponse(status: 201, headers: headers, body: Array("stale".utf8), stream: stream)
        // When it is collected
        let collected = await response.collected()
        // Then the body is every write in order, the stream is gone, and the rest is kept
        #expect(String(decoding: collected.body, as: UTF8.self) == "data: a\n\ndata: b\n\n")
        #expect(collected.stream == nil)
        #expect(collected.status == 201)
        #expect(collected.headers["Content-Type"] == "text/event-stream")
    }

    @Test func keepsWhatWasWrittenBeforeAFailure() async {
        struct Broken: Error {}
        let response = HTTPResponse(
            status: 200,
            stream: HTTPBodyStream { writer in
                try await writer.write(Array("partial".utf8))
                throw Broken()
            })
        #expect(await response.collected().body == Array("partial".utf8))
    }

    @Test func returnsACompleteResponseUnchanged() async {
        let collected = await HTTPResponse.text(200, "whole").collected()
        #expect(collected.body == Array("whole".utf8))
        #expect(collected.stream == nil)
    }
}
