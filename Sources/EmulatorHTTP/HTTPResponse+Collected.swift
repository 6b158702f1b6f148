extension HTTPResponse {
    /// Runs the stream (if any) into a buffer and returns the response with a complete `body`
    /// and `stream == nil`: for in-process callers and tests that have no socket. A producer that
    /// throws leaves what it wrote so far as the body (the wire would carry a truncated body too).
    package func collected() async -> HTTPResponse {
        guard let stream else { return self }
        let sink = CollectingBodySink()
        try? await stream.produce(HTTPBodyWriter(sink: sink))
        var response = self
        response.stream = nil
        response.body = sink.bytes
        return response
    }
}
