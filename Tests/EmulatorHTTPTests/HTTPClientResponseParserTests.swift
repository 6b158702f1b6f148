import Testing

@testable import EmulatorHTTP

/// The client's response parser fed whole, or a few bytes at a time as a socket may deliver them.
@Suite struct HTTPClientResponseParserTests {
    struct Parsed {
        var head: HTTPClientResponseHead?
        var body: [UInt8] = []
        var isComplete = false
    }

    static func parse(_ text: String, method: String = "GET", step: Int = .max, closed: Bool = false) throws(HTTPClientError) -> Parsed {
        var parser = HTTPClientResponseParser(requestMethod: method, maximumHeadBytes: 1024)
        var parsed = Parsed()
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + min(step, bytes.count))
            bytes[offset..<end].withUnsafeBytes { parser.push($0) }
            offset = end
            if parsed.head == nil { parsed.head = try parser.head() }
            if parsed.head != nil { parsed.body += try parser.body() }
        }
        if closed { try parser.end() }
        parsed.isComplete = parser.isComplete
        return parsed
    }

    @Test(arguments: [1, 3, Int.max])
    func chunkedBodiesAreDecodedWhateverTheReads(step: Int) throws {
        let text =
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-A:  spaced \r\n\r\n"
            + "4\r\nWiki\r\n6;ext=1\r\npedia \r\nE\r\nin \r\n\r\nchunks.\r\n0\r\nTrailer: x\r\n\r\n"
        let parsed = try Self.parse(text, step: step)
        #expect(parsed.head?.status == 200)
        #expect(parsed.head?.reason == "OK")
        #expect(parsed.head?.headers["x-a"] == "spaced")
        #expect(String(decoding: parsed.body, as: UTF8.self) == "Wikipedia in \r\n\r\nchunks.")
        #expect(parsed.isComplete)
    }

    @Test(arguments: [1, Int.max])
    func contentLengthBodiesEndAtTheirLength(step: Int) throws {
        let parsed = try Self.parse("HTTP/1.0 404 Not Found\nContent-Length: 5\n\nhello", step: step)
        #expect(parsed.head?.status == 404)
        #expect(parsed.body == Array("hello".utf8))
        #expect(parsed.isComplete)
    }

    @Test func bodilessAnswersAreCompleteAtTheirHead() throws {
        #expect(try Self.parse("HTTP/1.1 204 No Content\r\nContent-Length: 9\r\n\r\n").isComplete)
        #expect(try Self.parse("HTTP/1.1 304 Not Modified\r\n\r\n").isComplete)
        #expect(try Self.parse("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n", method: "HEAD").isComplete)
        #expect(try Self.parse("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n").isComplete)
    }

    @Test func withoutFramingTheBodyEndsWithTheConnection() throws {
        let open = try Self.parse("HTTP/1.1 200 OK\r\n\r\nsome")
        #expect(!open.isComplete && open.body == Array("some".utf8))
        #expect(try Self.parse("HTTP/1.1 200 OK\r\n\r\nsome", closed: true).isComplete)
    }

    @Test func informationalHeadsAreSkipped() throws {
        let parsed = try Self.parse(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: x\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nz")
        #expect(parsed.head?.status == 200)
        #expect(parsed.head?.headers["Link"] == nil)
        #expect(parsed.body == [UInt8(ascii: "z")])
    }

    @Test(arguments: [
        "HTTP/2 200\r\n\r\n", "HTTP/1.1 20 OK\r\n\r\n", "ICY 200 OK\r\n\r\n", "HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
        "HTTP/1.1 200 OK\r\n folded: x\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", "HTTP/1.1 101 Switching Protocols\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\n",
    ])
    func malformedAnswersAreRefused(text: String) {
        #expect(throws: HTTPClientError.self) { try Self.parse(text) }
    }

    @Test func aCutBodyIsAnErrorAtTheClose() {
        #expect(throws: HTTPClientError.self) { try Self.parse("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc", closed: true) }
        #expect(throws: HTTPClientError.self) {
            try Self.parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n", closed: true)
        }
    }

    @Test func anOversizedHeadIsRefused() {
        let text = "HTTP/1.1 200 OK\r\nX-Big: " + String(repeating: "a", count: 2000) + "\r\n\r\n"
        #expect(throws: HTTPClientError.self) { try Self.parse(text) }
    }
}
