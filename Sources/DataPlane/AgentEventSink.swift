import ARMCore
import EmulatorHTTP
import JSON

/// Where a streamed run's events go: framed as azure-ai-agents parses them
/// (`models/_patch.py` `_parse_event`): every event has its `event:` line, then one `data:` line of
/// compact JSON, ended by `\n\n` (LF only: the SDK splits on those bytes); the stream ends with
/// `event: done` / `data: [DONE]`, as in Azure's recorded streams.
package struct AgentEventSink: Sendable {
    let continuation: AsyncStream<[UInt8]>.Continuation

    /// A sink and the HTTP body that writes what it receives, in order, until it is finished.
    static func make() -> (AgentEventSink, HTTPBodyStream) {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream()
        let body = HTTPBodyStream { writer in
            for await event in stream { try await writer.write(event) }
        }
        return (AgentEventSink(continuation: continuation), body)
    }

    static func frame(_ event: String, _ data: JSONValue) -> [UInt8] {
        Array("event: \(event)\ndata: ".utf8) + data.serialized() + Array("\n\n".utf8)
    }

    static let doneFrame = Array("event: done\ndata: [DONE]\n\n".utf8)

    func send(_ event: String, _ data: JSONObject) {
        continuation.yield(Self.frame(event, .object(data)))
    }

    func send(_ event: String, _ data: JSONValue) {
        continuation.yield(Self.frame(event, data))
    }

    /// `done` and the end of the body.
    func done() {
        continuation.yield(Self.doneFrame)
        continuation.finish()
    }

    /// The `text/event-stream` answer around `body`.
    static func answer(_ body: HTTPBodyStream) -> DataPlaneAnswer {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/event-stream; charset=utf-8")
        headers.set("Cache-Control", "no-cache")
        headers.set("x-accel-buffering", "no")
        return DataPlaneAnswer(response: HTTPResponse(status: 200, headers: headers, stream: body))
    }
}
