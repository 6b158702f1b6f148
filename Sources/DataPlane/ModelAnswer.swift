import ARMCore
import EmulatorHTTP
import JSON

/// What a model said, ready for the wire: a complete JSON body, the server-sent events of a
/// streamed answer, or a stream passed through from a forwarding backend.
package struct ModelAnswer: Sendable {
    /// The complete body; for a streamed Responses call, the final response object (it is stored).
    package var body: JSONValue?
    /// Framed server-sent events (`data: ...\n\n`), in order, ending with the terminator.
    package var events: [[UInt8]]
    /// A stream produced elsewhere (forwarding backend), written as it arrives.
    package var passthrough: HTTPBodyStream?
    package var promptTokens: Int
    package var completionTokens: Int

    package init(
        body: JSONValue? = nil, events: [[UInt8]] = [], passthrough: HTTPBodyStream? = nil, promptTokens: Int = 0,
        completionTokens: Int = 0
    ) {
        self.body = body
        self.events = events
        self.passthrough = passthrough
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }

    var isStream: Bool { passthrough != nil || !events.isEmpty }

    /// The HTTP answer: JSON, or `text/event-stream` over chunked transfer encoding.
    package var dataPlaneAnswer: DataPlaneAnswer {
        guard isStream else {
            return .json(200, body ?? .object(JSONObject()), promptTokens: promptTokens, completionTokens: completionTokens)
        }
        let events = self.events
        let stream =
            passthrough
            ?? HTTPBodyStream { writer in
                for event in events { try await writer.write(event) }
            }
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/event-stream; charset=utf-8")
        headers.set("Cache-Control", "no-cache")
        headers.set("x-accel-buffering", "no")
        return DataPlaneAnswer(
            response: HTTPResponse(status: 200, headers: headers, stream: stream), promptTokens: promptTokens,
            completionTokens: completionTokens)
    }
}
