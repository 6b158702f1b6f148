/// A stream whose chunks pass through `transform` on their way out: the data plane rewrites the
/// Responses events of an agent's answer (its `agent_reference`) and keeps the final response when
/// it goes by, whatever backend produced the stream.
extension HTTPBodyStream {
    /// Each written chunk becomes `transform(chunk)`; an empty result writes nothing.
    package func transformed(_ transform: @escaping @Sendable ([UInt8]) -> [UInt8]) -> HTTPBodyStream {
        let produce = self.produce
        return HTTPBodyStream { writer in
            try await produce(HTTPBodyWriter(sink: TransformingBodySink(next: writer, transform: transform)))
        }
    }
}
