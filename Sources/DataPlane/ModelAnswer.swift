import ARMCore
import EmulatorHTTP
import JSON

/// What a model said, ready for the wire: a complete JSON body, the server-sent events of a
/// streamed answer, or a stream passed through from a forwarding backend.
package struct ModelAnswer: Sendable {
    /// The complete body; for a streamed Responses call, the final response object (it is stored).
    /// An answer rendered straight into bytes (`encoded`) is parsed only when read here (agent runs
    /// read a chat completion's message); setting it drops the bytes.
    package var body: JSONValue? {
        get { json ?? encoded.flatMap { try? JSONParser.parse($0) } }
        set {
            json = newValue
            encoded = nil
        }
    }
    private var json: JSONValue?
    /// The complete body already in its wire bytes (the built-in responder's chat completions), sent as is.
    package private(set) var encoded: [UInt8]?
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
        self.json = body
        self.events = events
        self.passthrough = passthrough
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }

    /// A complete answer whose body is already its wire bytes.
    package init(encoded: [UInt8], promptTokens: Int = 0, completionTokens: Int = 0) {
        self.init(promptTokens: promptTokens, completionTokens: completionTokens)
        self.encoded = encoded
    }

    var isStream: Bool { passthrough != nil || !events.isEmpty }

    /// The HTTP answer: JSON, or `text/event-stream` over chunked transfer encoding.
    package var dataPlaneAnswer: DataPlaneAnswer {
        guard isStream else {
            if let encoded {
                return DataPlaneAnswer(response: .json(200, encoded), promptTokens: promptTokens, completionTokens: completionTokens)
            }
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
