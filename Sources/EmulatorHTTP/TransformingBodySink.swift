/// Writes each chunk, transformed, to the next writer.
final class TransformingBodySink: HTTPBodySink {
    let next: HTTPBodyWriter
    let transform: @Sendable ([UInt8]) -> [UInt8]

    init(next: HTTPBodyWriter, transform: @escaping @Sendable ([UInt8]) -> [UInt8]) {
        self.next = next
        self.transform = transform
    }

    func write(_ bytes: [UInt8]) async throws {
        let out = bytes.isEmpty ? bytes : transform(bytes)
        try await next.write(out)
    }
}
