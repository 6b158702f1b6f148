import Testing

@testable import EmulatorHTTP

extension HTTPRequestParser.Limits {
    static let test = HTTPRequestParser.Limits(maxHeaderBytes: 1024, maxRequestLineBytes: 256, maxBodyBytes: 100)
}

/// Feeds `bytes` to a fresh parser (all at once, or `step` bytes at a time) the way a connection does.
private struct Outcome {
    var headEvents = 0
    var head: HTTPRequestHead?
    var body: [UInt8] = []
    var error: HTTPProtocolError?
    var isComplete = false
    var leftover = 0
}

private func parse(_ bytes: [UInt8], limits: HTTPRequestParser.Limits = .test, step: Int? = nil) -> Outcome {
    var parser = HTTPRequestParser(limits: limits)
    var buffer = ByteBuffer()
    var outcome = Outcome()
    var offset = 0
    while offset < bytes.count {
        let end = min(bytes.count, offset + (step ?? bytes.count))
        buffer.append(Array(bytes[offset..<end]))
        offset = end
        feeding: while true {
            let (consumed, event) = buffer.withReadableBytes { parser.parse($0) }
            buffer.consume(consumed)
            switch event {
            case .needMore:
                break feeding
            case .head:
                outcome.headEvents += 1
            case .complete:
                let message = parser.takeMessage()
                outcome.head = message.head
                outcome.body = message.body
                outcome.isComplete = true
                outcome.leftover = buffer.readableCount + (bytes.count - offset)
                return outcome
            case .failure(let error):
                outcome.error = error
                return outcome
            }
        }
    }
    return outcome
}

private func parse(_ text: String, limits: HTTPRequestParser.Limits = .test, step: Int? = nil) -> Outcome {
    parse(Array(text.utf8), limits: limits, step: step)
}

@Suite struct HTTPRequestParserTests {
    @Test func parsesSimpleGet() {
        // Given a minimal HTTP/1.1 GET
        // When it is parsed
        let outcome = parse("GET /subscriptions?api-version=2022-12-01 HTTP/1.1\r\nHost: localhost:8443\r\nAccept: */*\r\n\r\n")
        // Then the head is complete, persistent and bodiless
        #expect(outcome.isComplete)
        #expect(outcome.head?.method == "GET")
        #expect(outcome.head?.target == "/subscriptions?api-version=2022-12-01")
        #expect(outcome.head?.headers["host"] == "localhost:8443")
        #expect(outcome.head?.headers["ACCEPT"] == "*/*")
        #expect(outcome.head?.keepAlive == true)
        #expect(outcome.head?.framing == HTTPRequestHead.Framing.none)
        #expect(outcome.headEvents == 0)
    }

    @Test func parsesTheSameWhenFedOneByteAtATime() {
        let text = "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
        let whole = parse(text)
        let trickled = parse(text, step: 1)
        #expect(whole.isComplete && trickled.isComplete)
        #expect(trickled.head?.target == "/x")
        #expect(trickled.body == Array("hello".utf8))
        #expect(whole.body == trickled.body)
    }

    @Test func ignoresEmptyLinesBeforeTheRequestLine() {
        // RFC 9112 section 2.2
        let outcome = parse("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n")
        #expect(outcome.isComplete)
        #expect(outcome.head?.method == "GET")
    }

    @Test func acceptsBareLineFeedsInTheHead() {
        // RFC 9112 section 2.2: a recipient MAY recognise a single LF as a line terminator.
        let outcome = parse("GET / HTTP/1.1\nHost: a\nX-Test: 1\n\n")
        #expect(outcome.isComplete)
        #expect(outcome.head?.headers["X-Test"] == "1")
    }

    @Test func trimsOptionalWhitespaceAroundValues() {
        let outcome = parse("GET / HTTP/1.1\r\nHost: a\r\nX-Test: \t spaced value \t\r\n\r\n")
        #expect(outcome.head?.headers["x-test"] == "spaced value")
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n", "bare CR"),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "x", count: 300) + "\ry\r\n\r\n", "bare CR deep in a long value"),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "x", count: 300) + "\u{7F}\r\n\r\n", "DEL ending a long value"),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "x", count: 65) + "\u{1}y\r\n\r\n", "control in a value"),
        ("GET / HTTP/1.1\r\nHost: a\r\nX-Folded: a\r\n  b\r\n\r\n", "obs-fold"),
        ("GET / HTTP/1.1\r\nHost : a\r\n\r\n", "space before colon"),
        ("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", "no colon"),
        ("GET / HTTP/1.1\r\nHost: a\r\n: empty-name\r\n\r\n", "empty name"),
        ("GET / HTTP/1.1\r\n\r\n", "missing Host"),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "two Hosts"),
        ("GET / HTTP/1.1\r\nHost: a b\r\n\r\n", "invalid Host"),
        ("G(T / HTTP/1.1\r\nHost: a\r\n\r\n", "non-token method"),
        ("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", "double space"),
        ("GET /\r\nHost: a\r\n\r\n", "no version"),
        ("GET / HTTP/1.1 \r\nHost: a\r\n\r\n", "trailing space"),
        ("GET / http/1.1\r\nHost: a\r\n\r\n", "lower-case HTTP-name"),
        ("GET /a\u{7F}b HTTP/1.1\r\nHost: a\r\n\r\n", "DEL in target"),
        ("GET relative HTTP/1.1\r\nHost: a\r\n\r\n", "relative target"),
        ("GET * HTTP/1.1\r\nHost: a\r\n\r\n", "asterisk on GET"),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", "CL and TE"),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc", "duplicate CL"),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 4\r\n\r\nabc", "CL list"),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", "negative CL"),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \r\n\r\n", "empty CL"),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n", "chunked twice"),
        ("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", "TE in HTTP/1.0"),
    ])
    func rejectsMalformedHeads(request: String, reason: String) {
        let outcome = parse(request)
        guard case .malformedRequest = outcome.error else {
            Issue.record("\(reason): expected 400, got \(String(describing: outcome.error)), complete: \(outcome.isComplete)")
            return
        }
        #expect(outcome.error?.status == 400)
    }

    @Test func rejectsNulAndControlCharactersInValues() {
        var bytes = Array("GET / HTTP/1.1\r\nHost: a\r\nX: a".utf8)
        bytes.append(0)
        bytes += Array("b\r\n\r\n".utf8)
        #expect(parse(bytes).error?.status == 400)
        let escape = Array("GET / HTTP/1.1\r\nHost: a\r\nX: a\u{1B}b\r\n\r\n".utf8)
        #expect(parse(escape).error?.status == 400)
    }

    @Test func acceptsObsTextInValues() {
        let outcome = parse("GET / HTTP/1.1\r\nHost: a\r\nX-Name: caf\u{E9}\r\n\r\n")
        #expect(outcome.head?.headers["X-Name"] == "caf\u{E9}")
    }

    @Test func answersOtherMajorVersionsWith505() {
        #expect(parse("GET / HTTP/2.0\r\nHost: a\r\n\r\n").error == .httpVersionNotSupported("HTTP/2.0"))
        #expect(parse("GET / HTTP/1.2\r\nHost: a\r\n\r\n").head?.minorVersion == 2)
    }

    @Test func decidesPersistencePerVersionAndConnectionHeader() {
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\nConnection: Close\r\n\r\n").head?.keepAlive == false)
        #expect(parse("GET / HTTP/1.0\r\n\r\n").head?.keepAlive == false)
        #expect(parse("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").head?.keepAlive == true)
        #expect(parse("GET / HTTP/1.1\r\nHost: a\r\nConnection: upgrade, close\r\n\r\n").head?.keepAlive == false)
    }

    @Test func reducesAbsoluteFormToOriginFormAndTakesItsAuthority() {
        // RFC 9112 section 3.2.2: the target's authority wins over Host.
        let outcome = parse("GET https://management.azure.com/subscriptions?x=1 HTTP/1.1\r\nHost: other\r\n\r\n")
        #expect(outcome.head?.target == "/subscriptions?x=1")
        #expect(outcome.head?.headers["Host"] == "management.azure.com")
        #expect(parse("GET http://h HTTP/1.1\r\nHost: h\r\n\r\n").head?.target == "/")
    }

    @Test func acceptsAsteriskFormForOptions() {
        #expect(parse("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n").head?.target == "*")
    }

    @Test func readsContentLengthBodies() {
        let outcome = parse("PUT /r HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n{\"a\":\"bc\"}\nGET")
        #expect(outcome.headEvents == 1)
        #expect(String(decoding: outcome.body, as: UTF8.self) == "{\"a\":\"bc\"}\n")
        #expect(outcome.leftover == 3)  // the start of the next pipelined request stays unread
    }

    @Test func refusesContentLengthOverTheLimitBeforeTheBody() {
        #expect(parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 101\r\n\r\n").error == .bodyTooLarge(limit: 100))
        #expect(parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n").error == .bodyTooLarge(limit: 100))
    }

    @Test func decodesChunkedBodiesWithExtensionsAndTrailers() {
        let request =
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n1A\r\n, chunked world and more!!\r\n0\r\nX-Trailer: ignored\r\n\r\n"
        for step in [nil, 1, 7] {
            let outcome = parse(request, step: step)
            #expect(outcome.isComplete, "step \(String(describing: step))")
            #expect(outcome.head?.framing == .chunked)
            #expect(String(decoding: outcome.body, as: UTF8.self) == "hello, chunked world and more!!")
            #expect(outcome.head?.headers["X-Trailer"] == nil)
        }
    }

    @Test(arguments: [
        "5\nhello\r\n0\r\n\r\n",  // bare LF after the size
        "5\r\nhello\n0\r\n\r\n",  // bare LF after the data
        "5\r\nhelloXY0\r\n\r\n",  // data longer than announced
        "zz\r\nhello\r\n0\r\n\r\n",  // not hex
        "\r\nhello\r\n0\r\n\r\n",  // no size
        "5 x\r\nhello\r\n0\r\n\r\n",  // junk after the size
        "0\r\nX: y\n\r\n",  // bare LF in the trailer section
    ])
    func rejectsBadChunkFraming(chunks: String) {
        let outcome = parse("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks)
        #expect(outcome.error?.status == 400, "\(chunks.debugDescription): \(String(describing: outcome.error))")
    }

    @Test func refusesChunkedBodiesOverTheLimit() {
        let head = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        #expect(parse(head + "65\r\n").error == .bodyTooLarge(limit: 100))  // 0x65 = 101 in one chunk
        let many = String(repeating: "32\r\n" + String(repeating: "x", count: 50) + "\r\n", count: 3)
        #expect(parse(head + many).error == .bodyTooLarge(limit: 100))  // 150 over three chunks
        #expect(parse(head + "FFFFFFFFFFFFFFFFFFFF\r\n").error == .bodyTooLarge(limit: 100))  // would overflow
    }

    @Test func answersUnknownTransferCodingsWith501() {
        #expect(
            parse("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n").error == .unsupportedTransferEncoding("gzip"))
        #expect(parse("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: identity\r\n\r\n").error?.status == 501)
    }

    @Test func reportsExpectContinueAtTheHead() {
        let outcome = parse("PUT / HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\n")
        #expect(outcome.headEvents == 1)
        #expect(outcome.isComplete == false)
        // HTTP/1.0 expectations are ignored (RFC 9110 section 10.1.1); others are refused with 417.
        #expect(parse("PUT / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 0\r\n\r\n").head?.expectsContinue == false)
        #expect(parse("PUT / HTTP/1.1\r\nHost: a\r\nExpect: teapot\r\n\r\n").error == .expectationFailed("teapot"))
    }

    @Test func refusesHeadersOverTheLimitWith431() {
        let big = "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "b", count: 1100) + "\r\n\r\n"
        #expect(parse(big).error == .headersTooLarge(limit: 1024))
        #expect(parse(big, step: 100).error == .headersTooLarge(limit: 1024))  // before the end is even seen
        let trailers =
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX: " + String(repeating: "t", count: 1100) + "\r\n\r\n"
        #expect(parse(trailers).error == .headersTooLarge(limit: 1024))
    }

    @Test func refusesLongRequestTargetsWith414AndLongGarbageWith400() {
        let longTarget = "GET /" + String(repeating: "a", count: 300) + " HTTP/1.1\r\nHost: a\r\n\r\n"
        #expect(parse(longTarget).error == .uriTooLong(limit: 256))
        #expect(parse(longTarget, step: 10).error == .uriTooLong(limit: 256))
        #expect(parse(String(repeating: "x", count: 400)).error?.status == 400)
    }

    @Test func parsesPipelinedMessagesOneAtATime() {
        // Given three requests in one buffer
        var parser = HTTPRequestParser(limits: .test)
        var buffer = ByteBuffer()
        buffer.append(Array("GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: a\r\n\r\nGET /3 HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        // When each is parsed and taken in turn
        var targets: [String] = []
        while !buffer.isEmpty {
            let (consumed, event) = buffer.withReadableBytes { parser.parse($0) }
            buffer.consume(consumed)
            guard event == .complete else { break }
            targets.append(parser.takeMessage().head.target)
            #expect(parser.isAtMessageStart)
        }
        // Then they come out in order
        #expect(targets == ["/1", "/2", "/3"])
    }
    @Test func fieldValueCheckRefusesControlsAndDELAnywhere() {
        func isValid(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { HTTPRequestParser.isValidFieldValue($0) } }
        // Empty, visible ASCII, SP and HTAB, obs-text (bytes of non-ASCII UTF-8) pass
        #expect(isValid([]))
        #expect(isValid(Array("Bearer eyJ0eXAi.abc-_~".utf8)))
        #expect(isValid([0x20, 0x09, 0x7E, 0x21]))
        #expect(isValid(Array("café 東京".utf8)))
        #expect(isValid([0x80, 0xFF, 0x09]))
        // Every other control and DEL fails, first, last or deep in a long value (past any
        // vector width), and a value of that byte alone as well
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: 1500)
        for bad in Array(UInt8(0x00)...UInt8(0x1F)).filter({ $0 != 0x09 }) + [0x7F] {
            #expect(!isValid([bad]), "\(bad)")
            #expect(!isValid([bad] + long), "\(bad) first")
            #expect(!isValid(long + [bad]), "\(bad) last")
            #expect(!isValid(Array(long[..<733]) + [bad] + Array(long[733...])), "\(bad) inside")
        }
        // And the neighbours of the refused ranges pass
        #expect(isValid(long + [0x20, 0x7E, 0x80]))
    }

    /// RFC 9110 section 5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
    /// "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA; every other byte is not one.
    @Test func tokenCharactersAreExactlyRFC9110s() {
        let tchar = Set(Array("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8))
        for value in 0...255 {
            let byte = UInt8(value)
            #expect(HTTPRequestParser.isTokenCharacter(byte) == tchar.contains(byte), "byte \(value)")
        }
    }
}
