import Testing

@testable import EmulatorHTTP

@Suite struct HTTPResponseEncoderTests {
    private func encode(_ response: HTTPResponse, isHead: Bool = false, keepAlive: Bool = true, minorVersion: Int = 1) -> String {
        var out: [UInt8] = []
        HTTPResponseEncoder.encode(
            response, for: .init(isHead: isHead, keepAlive: keepAlive, minorVersion: minorVersion),
            date: Array("Sun, 06 Nov 1994 08:49:37 GMT".utf8), into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func writesStatusLineServerFieldsAndBody() {
        let wire = encode(.json(201, Array("{}".utf8), headers: HTTPHeaders([("ETag", "\"1\"")])))
        #expect(wire.hasPrefix("HTTP/1.1 201 Created\r\n"))
        #expect(wire.contains("\r\nETag: \"1\"\r\n"))
        #expect(wire.contains("\r\nContent-Type: application/json; charset=utf-8\r\n"))
        #expect(wire.contains("\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"))
        #expect(wire.contains("\r\nServer: foundry-emulator\r\n"))
        #expect(wire.contains("\r\nContent-Length: 2\r\n"))
        #expect(!wire.contains("Connection:"))
        #expect(wire.hasSuffix("\r\n\r\n{}"))
    }

    @Test func ignoresFieldsTheServerOwns() {
        let headers = HTTPHeaders([
            ("Content-Length", "999"), ("date", "yesterday"), ("SERVER", "other"), ("Connection", "keep-alive"),
            ("Transfer-Encoding", "chunked"), ("Keep-Alive", "timeout=5"),
        ])
        let wire = encode(HTTPResponse(status: 200, headers: headers, body: Array("abc".utf8)))
        #expect(wire.contains("Content-Length: 3\r\n"))
        #expect(!wire.contains("999") && !wire.contains("yesterday") && !wire.contains("other"))
        #expect(!wire.contains("chunked") && !wire.contains("timeout=5") && !wire.contains("keep-alive"))
    }

    @Test func dropsFieldsThatWouldSplitTheResponse() {
        // RFC 9110 section 5.5: CR/LF in a value would let a handler's input inject headers or a body.
        let headers = HTTPHeaders([
            ("X-Injected", "a\r\nSet-Cookie: evil=1"), ("X-Newline", "a\nb"), ("X-Nul", "a\u{0}b"),
            ("Bad Name", "v"), ("X-Good", "fine\tvalue"),
        ])
        let wire = encode(HTTPResponse(status: 200, headers: headers))
        #expect(!wire.contains("Set-Cookie"))
        #expect(!wire.contains("X-Injected") && !wire.contains("X-Newline") && !wire.contains("X-Nul") && !wire.contains("Bad Name"))
        #expect(wire.contains("X-Good: fine\tvalue\r\n"))
    }

    @Test func answersHeadWithTheHandlersLengthAndNoBody() {
        let declared = encode(HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Length", "1234")])), isHead: true)
        #expect(declared.contains("Content-Length: 1234\r\n"))
        #expect(declared.hasSuffix("\r\n\r\n"))
        let implied = encode(.text(200, "hello"), isHead: true)
        #expect(implied.contains("Content-Length: 5\r\n"))
        #expect(implied.hasSuffix("\r\n\r\n"))
    }

    @Test func omitsContentOn204And304() {
        let noContent = encode(HTTPResponse(status: 204, body: Array("ignored".utf8)))
        #expect(!noContent.contains("Content-Length"))
        #expect(noContent.hasSuffix("\r\n\r\n"))
        let notModified = encode(HTTPResponse(status: 304, body: Array("ignored".utf8)))
        #expect(notModified.hasSuffix("\r\n\r\n"))
        #expect(!notModified.contains("ignored"))
    }

    @Test func saysWhenTheConnectionCloses() {
        #expect(encode(.text(200, ""), keepAlive: false).contains("\r\nConnection: close\r\n"))
        #expect(encode(.text(200, ""), keepAlive: true, minorVersion: 0).contains("\r\nConnection: keep-alive\r\n"))
    }

    @Test func mapsImpossibleStatusesTo500() {
        #expect(encode(HTTPResponse(status: 101)).hasPrefix("HTTP/1.1 500 "))
        #expect(encode(HTTPResponse(status: 42)).hasPrefix("HTTP/1.1 500 "))
        #expect(encode(HTTPResponse(status: 599)).hasPrefix("HTTP/1.1 599 Status 599\r\n"))
    }

    @Test func detectsAHandlerAskingToClose() {
        #expect(HTTPResponseEncoder.requestsClose(HTTPResponse(status: 200, headers: HTTPHeaders([("connection", "Close")]))))
        #expect(!HTTPResponseEncoder.requestsClose(HTTPResponse(status: 200)))
    }

    private static let stream = HTTPBodyStream { try await $0.write(Array("never run here".utf8)) }

    @Test func framesAStreamedBodyAsChunkedWithTheServersFieldsOnly() {
        // Given a streamed response whose handler also set a body and framing fields of its own
        let headers = HTTPHeaders([("Content-Length", "999"), ("Transfer-Encoding", "gzip"), ("Content-Type", "text/event-stream")])
        let wire = encode(HTTPResponse(status: 200, headers: headers, body: Array("ignored".utf8), stream: Self.stream))
        // Then the head alone is encoded, chunked (RFC 9112 section 7.1), with neither of the handler's fields
        #expect(wire.hasSuffix("\r\nTransfer-Encoding: chunked\r\n\r\n"))
        #expect(wire.components(separatedBy: "Transfer-Encoding").count == 2)
        #expect(!wire.contains("Content-Length") && !wire.contains("gzip") && !wire.contains("ignored"))
        #expect(wire.contains("\r\nContent-Type: text/event-stream\r\n"))
        #expect(!wire.contains("Connection:"))
    }

    @Test func closeDelimitsAStreamedBodyForHTTP10() {
        // HTTP/1.0 has no chunked coding (RFC 9112 section 6.3): the close ends the content.
        let wire = encode(HTTPResponse(status: 200, stream: Self.stream), keepAlive: true, minorVersion: 0)
        #expect(wire.hasSuffix("\r\nConnection: close\r\n\r\n"))
        #expect(!wire.contains("Transfer-Encoding") && !wire.contains("Content-Length") && !wire.contains("keep-alive"))
        #expect(HTTPResponseEncoder.streamFraming(status: 200, for: .init(minorVersion: 0)) == .untilClose)
        #expect(HTTPResponseEncoder.streamFraming(status: 200, for: .init(minorVersion: 1)) == .chunked)
    }

    @Test func announcesChunkedToHeadButSendsNoContentFor204And304() {
        // RFC 9112 section 6.1: a HEAD response may name the coding a GET would get; never on 204 or 304.
        let head = encode(HTTPResponse(status: 200, stream: Self.stream), isHead: true)
        #expect(head.hasSuffix("\r\nTransfer-Encoding: chunked\r\n\r\n"))
        #expect(!head.contains("Content-Length"))
        for status in [204, 304] {
            let wire = encode(HTTPResponse(status: status, stream: Self.stream))
            #expect(!wire.contains("Transfer-Encoding") && !wire.contains("Content-Length"))
            #expect(wire.hasSuffix("GMT\r\nServer: foundry-emulator\r\n\r\n"))
            #expect(HTTPResponseEncoder.streamFraming(status: status, for: .init()) == .noContent)
        }
        #expect(HTTPResponseEncoder.streamFraming(status: 200, for: .init(isHead: true)) == .noContent)
    }

    @Test func framesEachChunkWithItsHexSize() {
        func chunk(_ count: Int) -> [UInt8] {
            var out: [UInt8] = []
            HTTPResponseEncoder.appendChunk([UInt8](repeating: 0x78, count: count), to: &out)
            return out
        }
        #expect(chunk(5) == Array("5\r\nxxxxx\r\n".utf8))
        #expect(String(decoding: chunk(26).prefix(4), as: UTF8.self) == "1a\r\n")
        #expect(String(decoding: chunk(4096).prefix(6), as: UTF8.self) == "1000\r\n")
        #expect(chunk(4096).count == 6 + 4096 + 2)
        #expect(String(decoding: chunk(65535).prefix(6), as: UTF8.self) == "ffff\r\n")
        // An empty write sends nothing: a zero-size chunk is the last chunk.
        #expect(chunk(0).isEmpty)
        #expect(HTTPResponseEncoder.lastChunk == Array("0\r\n\r\n".utf8))
    }
}
