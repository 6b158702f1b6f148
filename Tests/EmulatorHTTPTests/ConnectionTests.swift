import EmulatorHTTP
import Foundation
import Glibc
import Testing

extension LiveServerTests {
    /// One connection's HTTP/1.1 behaviour against the real server over raw sockets.
    @Suite struct ConnectionTests {
        @Test func keepsTheConnectionAliveAndSetsServerHeaders() throws {
            try withServer { _, port in
                // Given one connection
                let client = try TestClient(port: port)
                // When two requests are sent one after the other
                try client.send(get("/first?x=1"))
                let first = try client.readResponse()
                try client.send(get("/second"))
                let second = try client.readResponse()
                // Then both are answered on it, with the server's fields
                #expect(first.status == 200 && second.status == 200)
                #expect(first.echo?.path == "/first")
                #expect(first.echo?.query == "x=1")
                #expect(second.echo?.target == "/second")
                #expect(first.header("Connection") == nil)
                #expect(first.header("Server") == "foundry-emulator")
                #expect(first.header("Date")?.hasSuffix(" GMT") == true)
                #expect(first.header("Content-Length") == String(first.body.count))
                #expect(first.header("Content-Type") == "application/json; charset=utf-8")
            }
        }

        @Test func reportsConnectionFactsToTheHandler() throws {
            try withServer { _, port in
                let client = try TestClient(port: port)
                try client.send(get("/facts"))
                let echo = try #require(try client.readResponse().echo)
                #expect(echo.isTLS == false)
                #expect(echo.remoteAddress == "127.0.0.1")
                #expect(echo.isFromLoopback)
                #expect(echo.host == "localhost")
            }
        }

        @Test func servesIPv6Loopback() throws {
            try withServer(testConfiguration { $0.host = "::1" }) { _, port in
                let client = try TestClient(port: port, host: "::1")
                try client.send(get("/v6", host: "[::1]"))
                let echo = try #require(try client.readResponse().echo)
                #expect(echo.remoteAddress == "::1")
                #expect(echo.isFromLoopback)
            }
        }

        @Test func servesBothFamiliesOnTheDualStackWildcard() throws {
            try withServer(testConfiguration { $0.host = "::" }) { _, port in
                // An IPv4 client arrives as ::ffff:127.0.0.1 and is reported as plain IPv4 loopback.
                let v4 = try TestClient(port: port, host: "127.0.0.1")
                try v4.send(get("/v4"))
                let echo4 = try #require(try v4.readResponse().echo)
                #expect(echo4.remoteAddress == "127.0.0.1")
                #expect(echo4.isFromLoopback)
                let v6 = try TestClient(port: port, host: "::1")
                try v6.send(get("/v6"))
                #expect(try v6.readResponse().echo?.remoteAddress == "::1")
            }
        }

        @Test func answersPipelinedRequestsInOrder() throws {
            // Given a handler where the first request is the slowest
            let handler = ClosureHandler { request in
                if request.path == "/1" { try? await Task.sleep(for: .milliseconds(150)) }
                return .text(200, request.path)
            }
            try withServer(handler: handler) { _, port in
                let client = try TestClient(port: port)
                // When three requests go out in one write
                try client.send(get("/1") + get("/2") + get("/3"))
                // Then the responses come back in request order
                let bodies = try (0..<3).map { _ in try client.readResponse().text }
                #expect(bodies == ["/1", "/2", "/3"])
            }
        }

        @Test func decodesChunkedRequestBodies() throws {
            try withServer { _, port in
                let client = try TestClient(port: port)
                try client.send("POST /chunked HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")
                try client.send("7\r\n{\"a\":1,\r\n")
                try client.send("8;ext=1\r\n\"b\":\"c\"}\r\n0\r\nX-Checksum: abc\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.echo?.body == #"{"a":1,"b":"c"}"#)
                #expect(response.echo?.headerNames.contains("X-Checksum") == false)
                // and the connection stays usable
                try client.send(get("/after"))
                #expect(try client.readResponse().echo?.path == "/after")
            }
        }

        @Test func sends100ContinueBeforeTheBody() throws {
            try withServer { _, port in
                let client = try TestClient(port: port)
                // Given a request that waits for permission to send its body
                try client.send("PUT /upload HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
                // When the server answers 100 and the client sends the body
                let interim = try client.readResponse()
                #expect(interim.status == 100)
                try client.send("hello")
                // Then the final response sees the body
                let final = try client.readResponse()
                #expect(final.status == 200)
                #expect(final.echo?.body == "hello")
            }
        }

        @Test func refusesAnOversizedExpectContinueBodyAtOnce() throws {
            try withServer(testConfiguration { $0.maxBodyBytes = 1024 }) { _, port in
                let client = try TestClient(port: port)
                try client.send("PUT /upload HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 413)  // not 100
                #expect(response.header("Connection") == "close")
                #expect(client.waitForClose())
            }
        }

        @Test func answersHeadWithHeadersOnly() throws {
            let handler = ClosureHandler { request in
                var response = HTTPResponse.text(200, "a body HEAD must not carry")
                if request.path == "/declared" { response.headers.set("Content-Length", "4096") }
                return response
            }
            try withServer(handler: handler) { _, port in
                let client = try TestClient(port: port)
                try client.send("HEAD /implicit HTTP/1.1\r\nHost: a\r\n\r\n")
                let implicit = try client.readResponse(toHead: true)
                #expect(implicit.header("Content-Length") == "26")
                try client.send("HEAD /declared HTTP/1.1\r\nHost: a\r\n\r\n")
                let declared = try client.readResponse(toHead: true)
                #expect(declared.header("Content-Length") == "4096")
                // No body bytes were written: the next response starts right at the status line.
                try client.send(get("/next"))
                let next = try client.readResponse()
                #expect(next.status == 200)
                #expect(next.text == "a body HEAD must not carry")
            }
        }

        @Test func honoursConnectionClose() throws {
            try withServer { _, port in
                let client = try TestClient(port: port)
                try client.send(get("/bye", headers: ["Connection: close"]))
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.header("Connection") == "close")
                #expect(client.waitForClose())
            }
        }

        @Test func closesHTTP10UnlessAskedToKeepAlive() throws {
            try withServer { _, port in
                let plain = try TestClient(port: port)
                try plain.send("GET /old HTTP/1.0\r\n\r\n")
                #expect(try plain.readResponse().header("Connection") == "close")
                #expect(plain.waitForClose())

                let kept = try TestClient(port: port)
                try kept.send("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                #expect(try kept.readResponse().header("Connection") == "keep-alive")
                try kept.send("GET /again HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                #expect(try kept.readResponse().status == 200)
            }
        }

        @Test func closesWhenTheHandlerAsksTo() throws {
            let handler = ClosureHandler { _ in HTTPResponse(status: 200, headers: HTTPHeaders([("Connection", "close")])) }
            try withServer(handler: handler) { _, port in
                let client = try TestClient(port: port)
                try client.send(get("/"))
                #expect(try client.readResponse().header("Connection") == "close")
                #expect(client.waitForClose())
            }
        }

        @Test func answersAHalfClosedClient() throws {
            try withServer { _, port in
                let client = try TestClient(port: port)
                try client.send(get("/half"))
                client.shutdownWrite()
                #expect(try client.readResponse().echo?.path == "/half")
                #expect(client.waitForClose())
            }
        }

        @Test func neverWritesHandlerHeaderValuesWithLineBreaks() throws {
            let handler = ClosureHandler { _ in
                HTTPResponse(status: 200, headers: HTTPHeaders([("Location", "/x\r\nSet-Cookie: stolen=1"), ("X-Ok", "yes")]))
            }
            try withServer(handler: handler) { _, port in
                let client = try TestClient(port: port)
                try client.send(get("/"))
                let response = try client.readResponse()
                #expect(response.header("X-Ok") == "yes")
                #expect(response.header("Set-Cookie") == nil)
                #expect(response.header("Location") == nil)
                #expect(!response.rawHead.contains("stolen"))
            }
        }

        @Test func roundTripsLargeBodies() throws {
            // Several megabytes each way: partial writes and EPOLLOUT on the server side.
            let handler = ClosureHandler { request in HTTPResponse(status: 200, body: request.body + request.body) }
            try withServer(testConfiguration { $0.maxBodyBytes = 4 * 1024 * 1024 }, handler: handler) { _, port in
                let client = try TestClient(port: port)
                let body = (0..<(3 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 % 251) }
                try client.send(Array("POST /big HTTP/1.1\r\nHost: a\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body)
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.body.count == 2 * body.count)
                #expect(response.body == body + body)
            }
        }

        @Test(arguments: [
            "GET / HTTP/1.1\r\n\r\n",  // no Host
            "GET / HTTP/1.1\r\nHost: a\r\nX: a\r\n b\r\n\r\n",  // obs-fold
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nab",  // conflicting lengths
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",  // both
            "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n",  // bad chunk size
            "G@T / HTTP/1.1\r\nHost: a\r\n\r\n",  // non-token method
            "GET / HTTP/1.1\r\nHost: a\r\nBad\u{1}Name: v\r\n\r\n",  // control in name
            "\u{16}\u{03}\u{01}garbage that is not HTTP\r\n\r\n",  // TLS-looking bytes on a plain server
        ])
        func answersMalformedRequestsWith400AndCloses(request: String) throws {
            try withServer { _, port in
                let client = try TestClient(port: port)
                try client.send(request)
                let response = try client.readResponse()
                #expect(response.status == 400)
                #expect(response.header("Connection") == "close")
                #expect(response.header("Content-Type") == "application/json; charset=utf-8")
                #expect(response.text.contains(#""code":"BadRequest""#))
                #expect(client.waitForClose())
            }
        }

        @Test func answersUnknownTransferEncodingWith501() throws {
            try withServer { _, port in
                let client = try TestClient(port: port)
                try client.send("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: br\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 501)
                #expect(response.header("Connection") == "close")
            }
        }
    }
}
