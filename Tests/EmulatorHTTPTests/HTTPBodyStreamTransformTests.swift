import EmulatorHTTP
import Testing

@Suite struct HTTPBodyStreamTransformTests {
    @Test func givenAStream_whenTransformed_thenEveryChunkIsRewrittenInOrderAndEmptyResultsWriteNothing() async {
        let stream = HTTPBodyStream { writer in
            for chunk in ["a", "skip", "c"] { try await writer.write(Array(chunk.utf8)) }
        }
        let transformed = stream.transformed { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            return text == "skip" ? [] : Array(text.uppercased().utf8)
        }
        let response = await HTTPResponse(status: 200, stream: transformed).collected()
        #expect(String(decoding: response.body, as: UTF8.self) == "AC")
    }
}
