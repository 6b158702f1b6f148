import EmulatorHTTP
import Foundation
import Glibc
import Testing

extension LiveServerTests {
    /// `HTTPClient` against real sockets: the emulator's own `HTTPServer` (plain and TLS) and
    /// `ScriptedServer`, which writes exactly the bytes a test means.
    @Suite struct HTTPClientTests {
        static let client = HTTPClient(configuration: HTTPClientConfiguration(timeout: 10))

        @Test func aContentLengthAnswerComesBackWholeWithTheRequestAsSent() async throws {
            let server = HTTPServer(configuration: testConfiguration(), handler: TestHandlers.echo)
            let port = try server.start()
            defer { server.shutdown(gracePeriod: 1) }
            let request = try HTTPClientRequest(
                method: "POST", url: "http://127.0.0.1:\(port)/v1/things?x=1#fragment",
                headers: HTTPHeaders([("Content-Type", "application/json"), ("X-Custom", "yes")]), body: Array(#"{"a":1}"#.utf8))
            let response = try await Self.client.send(request)
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "application/json; charset=utf-8")
            let echo = try JSONDecoder().decode(EchoReport.self, from: Data(response.body))
            #expect(echo.method == "POST")
            #expect(echo.target == "/v1/things?x=1")
            #expect(echo.body == #"{"a":1}"#)
            #expect(echo.host == "127.0.0.1:\(port)")
            #expect(echo.headerNames.contains("X-Custom"))
        }

        @Test func aChunkedStreamArrivesPieceByPieceInOrder() async throws {
            let gate = Gate()
            let handler = ClosureHandler { _ in
                HTTPResponse(
                    status: 200, headers: HTTPHeaders([("Content-Type", "text/event-stream")]),
                    stream: HTTPBodyStream { writer in
                        try await writer.write(Array("data: one\n\n".utf8))
                        await gate.wait()
                        try await writer.write(Array("data: two\n\n".utf8))
                        try await writer.write(Array("data: three\n\n".utf8))
                    })
            }
            let server = HTTPServer(configuration: testConfiguration(), handler: handler)
            let port = try server.start()
            defer { server.shutdown(gracePeriod: 1) }
            let transfer = try Self.client.stream(try HTTPClientRequest(url: "http://localhost:\(port)/events"))
            let head = try await transfer.head()
            #expect(head.status == 200)
            #expect(head.headers["Transfer-Encoding"] == "chunked")
            // The first piece arrives while the server still holds the rest back.
            #expect(try await transfer.next().map { String(decoding: $0, as: UTF8.self) } == "data: one\n\n")
            gate.open()
            var rest = ""
            while let piece = try await transfer.next() { rest += String(decoding: piece, as: UTF8.self) }
            #expect(rest == "data: two\n\ndata: three\n\n")
        }

        @Test func aCloseDelimitedBodyEndsWhenTheServerCloses() async throws {
            let server = try ScriptedServer { peer in
                peer.readRequest()
                peer.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nhello ")
                usleep(50_000)
                peer.write("world")
            }
            let response = try await Self.client.send(try HTTPClientRequest(url: server.base + "/"))
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "hello world")
        }

        @Test func informationalAnswersAreSkippedAndChunkExtensionsAndTrailersRead() async throws {
            let server = try ScriptedServer { peer in
                peer.readRequest()
                peer.write("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n")
                peer.write("5;name=value\r\nhel")
                usleep(20_000)
                peer.write("lo\r\n0\r\nX-Trailer: t\r\n\r\n")
                _ = peer.waitForClose()
            }
            let response = try await Self.client.send(try HTTPClientRequest(method: "PUT", url: server.base + "/x", body: []))
            #expect(response.status == 201)
            #expect(String(decoding: response.body, as: UTF8.self) == "hello")
        }

        @Test func aRefusedConnectionSaysSo() async throws {
            // Port 1 on loopback: nothing listens.
            let error = try await #require(throws: HTTPClientError.self) {
                try await Self.client.send(try HTTPClientRequest(url: "http://127.0.0.1:1/"))
            }
            #expect(error.kind == .connectionRefused)
            #expect(error.message.contains("127.0.0.1:1"))
        }

        @Test func anUnknownHostIsANameResolutionError() async throws {
            let error = try await #require(throws: HTTPClientError.self) {
                try await Self.client.send(try HTTPClientRequest(url: "http://no-such-host.invalid/"))
            }
            #expect(error.kind == .nameResolution)
        }

        @Test func aServerThatNeverAnswersIsATimeout() async throws {
            let server = try ScriptedServer { peer in
                peer.readRequest()
                _ = peer.waitForClose()
            }
            let client = HTTPClient(configuration: HTTPClientConfiguration(timeout: 0.3))
            let error = try await #require(throws: HTTPClientError.self) {
                try await client.send(try HTTPClientRequest(url: server.base + "/slow"))
            }
            #expect(error.kind == .timeout)
        }

        @Test func aStreamThatFallsSilentIsAnIdleTimeout() async throws {
            let server = try ScriptedServer { peer in
                peer.readRequest()
                peer.write("HTTP/1.1 200 OK\r\n\r\nfirst")
                _ = peer.waitForClose()
            }
            let client = HTTPClient(configuration: HTTPClientConfiguration(timeout: 10, idleTimeout: 0.3))
            let transfer = try client.stream(try HTTPClientRequest(url: server.base + "/"))
            #expect(try await transfer.head().status == 200)
            #expect(try await transfer.next() == Array("first".utf8))
            let error = try await #require(throws: HTTPClientError.self) { try await transfer.next() }
            #expect(error.kind == .timeout)
        }

        @Test(arguments: [
            "garbage\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", "HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\nab",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "HTTP/1.1 200 OK\r\nContent",
        ])
        func aMalformedAnswerIsAMalformedResponse(answer: String) async throws {
            let server = try ScriptedServer { peer in
                peer.readRequest()
                peer.write(answer)
            }
            let error = try await #require(throws: HTTPClientError.self) {
                try await Self.client.send(try HTTPClientRequest(url: server.base + "/"))
            }
            #expect(error.kind == .malformedResponse, "\(error)")
        }

        @Test func tlsWorksWithTheCertificateTrustedAndFailsWithoutIt() async throws {
            let tls = TLSConfiguration(certificatePath: sharedCertificate.certificatePath, privateKeyPath: sharedCertificate.privateKeyPath)
            let server = HTTPServer(configuration: testConfiguration { $0.tls = tls }, handler: TestHandlers.echo)
            let port = try server.start()
            defer { server.shutdown(gracePeriod: 1) }
            let pem = try String(contentsOfFile: sharedCertificate.certificatePath, encoding: .utf8)
            let trusting = HTTPClient(configuration: HTTPClientConfiguration(timeout: 10, trustedCertificatesPEM: pem))
            // By name (SNI, DNS SAN) and by address (IP SAN).
            for url in ["https://localhost:\(port)/secure", "https://127.0.0.1:\(port)/secure"] {
                let response = try await trusting.send(try HTTPClientRequest(url: url))
                let echo = try JSONDecoder().decode(EchoReport.self, from: Data(response.body))
                #expect(echo.isTLS)
                #expect(echo.path == "/secure")
            }
            let error = try await #require(throws: HTTPClientError.self) {
                try await Self.client.send(try HTTPClientRequest(url: "https://localhost:\(port)/secure"))
            }
            #expect(error.kind == .tls)
            #expect(error.message.contains("not trusted"), "\(error)")
        }

        @Test func tlsChecksTheHostName() async throws {
            // A certificate for another name only, trusted: the handshake must still fail.
            let directory = makeTemporaryDirectory()
            let openssl = Process()
            openssl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            openssl.arguments = [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=elsewhere.test",
                "-addext", "subjectAltName=DNS:elsewhere.test", "-keyout", directory + "/key.pem", "-out", directory + "/cert.pem",
            ]
            openssl.standardError = FileHandle.nullDevice
            try openssl.run()
            openssl.waitUntilExit()
            try #require(openssl.terminationStatus == 0)
            let tls = TLSConfiguration(certificatePath: directory + "/cert.pem", privateKeyPath: directory + "/key.pem")
            let server = HTTPServer(configuration: testConfiguration { $0.tls = tls }, handler: TestHandlers.echo)
            let port = try server.start()
            defer { server.shutdown(gracePeriod: 1) }
            let pem = try String(contentsOfFile: directory + "/cert.pem", encoding: .utf8)
            let client = HTTPClient(configuration: HTTPClientConfiguration(timeout: 10, trustedCertificatesPEM: pem))
            for url in ["https://localhost:\(port)/", "https://127.0.0.1:\(port)/"] {
                let error = try await #require(throws: HTTPClientError.self) { try await client.send(try HTTPClientRequest(url: url)) }
                #expect(error.kind == .tls)
                #expect(error.message.contains("mismatch"), "\(error)")
            }
        }

        @Test func aConsumerThatStopsReadingStopsTheTransferAndItsGoingAwayClosesTheSocket() async throws {
            let written = Tally()
            let aborted = Tally()
            let server = try ScriptedServer { peer in
                peer.readRequest()
                peer.write("HTTP/1.1 200 OK\r\nContent-Length: \(256 * 1024 * 1024)\r\n\r\n")
                let block = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
                for _ in 0..<(4 * 1024) {
                    guard peer.write(block) else {
                        aborted.raise()
                        return
                    }
                    written.add(block.count)
                }
            }
            var transfer: HTTPClientTransfer? = try Self.client.stream(try HTTPClientRequest(url: server.base + "/big"))
            #expect(try await transfer?.head().status == 200)
            #expect(try await transfer?.next()?.isEmpty == false)
            // The consumer stops taking pieces: the transfer reads on only up to one piece, then
            // the socket buffers fill and the server's writes block. Wait until it stops moving.
            var last = -1
            for _ in 0..<200 {
                try await Task.sleep(for: .milliseconds(50))
                let now = written.total
                if now == last { break }
                last = now
            }
            let received = try #require(transfer?.bytesReceived)
            #expect(received < 256 * 1024, "read \(received) bytes while nobody took them")
            #expect(try #require(transfer?.maximumBufferedBytes) <= 16 * 1024)
            #expect(written.total < 64 * 1024 * 1024)
            // The consumer goes away: the socket closes and the server's next write fails.
            transfer = nil
            for _ in 0..<200 where !aborted.isRaised { try await Task.sleep(for: .milliseconds(50)) }
            #expect(aborted.isRaised)
        }

        @Test func cancellingTheWaitingTaskCancelsTheCall() async throws {
            let closed = Tally()
            let server = try ScriptedServer { peer in
                peer.readRequest()
                closed.raise(peer.waitForClose())
            }
            let task = Task { try await Self.client.send(try HTTPClientRequest(url: server.base + "/hang")) }
            try await Task.sleep(for: .milliseconds(100))
            task.cancel()
            let error = try await #require(throws: HTTPClientError.self) { try await task.value }
            #expect(error.kind == .cancelled)
            for _ in 0..<200 where !closed.isRaised { try await Task.sleep(for: .milliseconds(50)) }
            #expect(closed.isRaised)
        }

        @Test(arguments: ["ftp://example.test/", "http://", "http://host:0/", "http://host:99999/", "http://a b/", "http://user@host/"])
        func urlsItCannotSendAreRefusedUpFront(url: String) {
            #expect(throws: HTTPClientError.self) { try HTTPClientRequest(url: url) }
        }

        @Test func urlsAreSplitIntoHostPortAndTarget() throws {
            let v6 = try HTTPClientURL("HTTPS://[::1]:8443?q=1")
            #expect(v6.isTLS && v6.host == "::1" && v6.port == 8443 && v6.pathAndQuery == "/?q=1")
            let plain = try HTTPClientURL("http://example.test/v1/chat/completions")
            #expect(!plain.isTLS && plain.host == "example.test" && plain.port == 80 && plain.pathAndQuery == "/v1/chat/completions")
        }
    }
}
