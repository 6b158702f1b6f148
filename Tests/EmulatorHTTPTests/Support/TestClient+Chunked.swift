/// Reads a chunked body (RFC 9112 section 7.1) piece by piece, so a test can see each chunk as it arrives
/// and check the framing bytes exactly.
extension TestClient {
    /// The next chunk's data, or nil for the last chunk (with its empty trailer section). `raw`
    /// receives the bytes exactly as they were framed on the wire.
    func readChunk(raw: inout [UInt8]) throws -> [UInt8]? {
        let lineEnd = try awaitCRLF(from: 0)
        let sizeLine = String(decoding: buffer[0..<lineEnd], as: UTF8.self)
        guard let size = Int(sizeLine, radix: 16), size >= 0 else {
            throw Failure(description: "bad chunk size line \(sizeLine.debugDescription)")
        }
        if size == 0 {
            // No trailer fields: the last chunk is followed by the final CRLF at once.
            let end = try awaitCRLF(from: lineEnd + 2)
            guard end == lineEnd + 2 else { throw Failure(description: "unexpected trailer section") }
            raw.append(contentsOf: buffer[0..<(end + 2)])
            buffer.removeFirst(end + 2)
            return nil
        }
        let dataStart = lineEnd + 2
        let total = dataStart + size + 2
        while buffer.count < total {
            guard try fill() > 0 else { throw Failure(description: "connection closed inside a chunk") }
        }
        guard buffer[total - 2] == 13 && buffer[total - 1] == 10 else { throw Failure(description: "chunk data not followed by CRLF") }
        let data = Array(buffer[dataStart..<(dataStart + size)])
        raw.append(contentsOf: buffer[0..<total])
        buffer.removeFirst(total)
        return data
    }

    func readChunk() throws -> [UInt8]? {
        var raw: [UInt8] = []
        return try readChunk(raw: &raw)
    }

    /// Every chunk up to and including the last one; `raw` is the whole framed body.
    func readChunkedBody() throws -> (chunks: [[UInt8]], raw: [UInt8]) {
        var raw: [UInt8] = []
        var chunks: [[UInt8]] = []
        while let chunk = try readChunk(raw: &raw) { chunks.append(chunk) }
        return (chunks, raw)
    }

    /// The index of the first CRLF at or after `start`, reading until there is one.
    private func awaitCRLF(from start: Int) throws -> Int {
        var searchFrom = start
        while true {
            if buffer.count >= 2 && searchFrom <= buffer.count - 2 {
                for index in searchFrom...(buffer.count - 2) where buffer[index] == 13 && buffer[index + 1] == 10 {
                    return index
                }
                searchFrom = buffer.count - 1
            }
            guard try fill() > 0 else {
                throw Failure(description: "connection closed inside a chunked body; got \(bufferedText.debugDescription)")
            }
        }
    }
}
