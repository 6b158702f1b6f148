import EmulatorHTTP
import Foundation
import Glibc
import Synchronization
import Testing

extension LiveServerTests {
    /// Streamed response bodies (`HTTPResponse.stream`) against the real server over raw sockets:
    /// chunked framing, keep-alive after a stream, HTTP/1.0, HEAD, failures, clients that leave or
    /// stop reading, and shutdown. Outcomes are asserted, never durations.
    @Suite struct StreamingTests {
        /// `/stream` answers with an event stream run by `produce`; anything else is echoed.
        private static func streaming(_ produce: @escaping @Sendable (HTTPBodyWriter) async throws -> Void) -> ClosureHandler {
            ClosureHandler { request in
                guard request.path == "/stream" else { return await TestHandlers.echo.handle(request) }
                let headers = HTTPHeaders([("Content-Type", "text/event-stream")])
                return HTTPResponse(status: 200, headers: headers, stream: HTTPBodyStream(produce))
            }
        }

        private static let tlsConfiguration = testConfiguration {
            $0.tls = TLSConfiguration(certificatePath: sharedCertificate.certificatePath, privateKeyPath: sharedCertificate.privateKeyPath)
        }

        @Test(arguments: [false, true])
        func deliversEachChunkWhileTheProducerIsStillRunning(overTLS: Bool) throws {
            // Given a producer that writes one event, waits at a gate, then writes another
            let gate = Gate()
            let log = StreamLog()
            let handler = Self.streaming { writer in
                try await log.write(Array("data: one\n\n".utf8), to: writer)
                await gate.wait()
                try await log.write(Array("data: two\n\n".utf8), to: writer)
                log.finish()
            }
            try withServer(Self.tlsConfiguration, handler: handler) { _, port in
                let client = try TestClient(port: port, trusting: overTLS ? sharedCertificate.certificatePath : nil)
                // When the client asks for the stream (plain or TLS on the same port)
                try client.send(get("/stream"))
                // Then the head is chunked, with no length
                let head = try client.readResponse(toHead: true)
                #expect(head.status == 200)
                #expect(head.headerValues("Transfer-Encoding") == ["chunked"])
                #expect(head.header("Content-Length") == nil)
                #expect(head.header("Content-Type") == "text/event-stream")
                // And the first event arrives while the producer still waits at the gate
                #expect(try client.readChunk() == Array("data: one\n\n".utf8))
                // (the client may read the chunk before the producer reaches the gate)
                for _ in 0..<500 where gate.entered == 0 { usleep(10_000) }
                #expect(gate.entered == 1)
                #expect(!log.finished)
                // And the second once it is written, then the last chunk
                gate.open()
                #expect(try client.readChunk() == Array("data: two\n\n".utf8))
                #expect(try client.readChunk() == nil)
                #expect(log.waitUntil { $0.finished })
            }
        }

        @Test func framesChunksExactlyAndKeepsTheConnectionAlive() throws {
            // Given a producer that writes 5 bytes, nothing, then 26 bytes, and a handler that also
            // sets framing fields of its own
            let handler = ClosureHandler { request in
                guard request.path == "/stream" else { return await TestHandlers.echo.handle(request) }
                let headers = HTTPHeaders([("Content-Length", "999"), ("Transfer-Encoding", "gzip")])
                let stream = HTTPBodyStream {
                    try await $0.write(Array("hello".utf8))
                    try await $0.write([])
                    try await $0.write(Array("abcdefghijklmnopqrstuvwxyz".utf8))
                }
                return HTTPResponse(status: 200, headers: headers, body: Array("ignored".utf8), stream: stream)
            }
            try withServer(handler: handler) { _, port in
                let client = try TestClient(port: port)
                try client.send(get("/stream"))
                // Then the head's framing is the server's alone
                let head = try client.readResponse(toHead: true)
                #expect(head.headerValues("Transfer-Encoding") == ["chunked"])
                #expect(head.header("Content-Length") == nil)
                #expect(head.header("Connection") == nil)
                // And the body is exactly one chunk per non-empty write (sizes in hex), then the last chunk
                let body = try client.readChunkedBody()
                #expect(String(decoding: body.raw, as: UTF8.self) == "5\r\nhello\r\n1a\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\n\r\n")
                // And the connection stays alive for the next request
                try client.send(get("/after"))
                #expect(try client.readResponse().echo?.path == "/after")
            }
        }

        @Test func parsesAPipelinedRequestOnlyAfterTheStreamEnded() throws {
            // Given a stream that waits at a gate and a second handler that counts its calls
            let gate = Gate()
            let nextCalls = Atomic<Int>(0)
            let handler = ClosureHandler { request in
                if request.path == "/next" {
                    nextCalls.add(1, ordering: .relaxed)
                    return .text(200, "next")
                }
                let stream = HTTPBodyStream { writer in
                    try await writer.write(Array("first".utf8))
                    await gate.wait()
                    try await writer.write(Array("last".utf8))
                }
                return HTTPResponse(status: 200, stream: stream)
            }
            try withServer(handler: handler) { _, port in
                // When both requests are sent at once
                let client = try TestClient(port: port)
                try client.send(get("/stream") + get("/next"))
                #expect(try client.readResponse(toHead: true).status == 200)
                #expect(try client.readChunk() == Array("first".utf8))
                // Then the second is not handled while the stream runs
                let callsDuringStream = nextCalls.load(ordering: .relaxed)
                #expect(callsDuringStream == 0)
                gate.open()
                #expect(try client.readChunk() == Array("last".utf8))
                #expect(try client.readChunk() == nil)
                // And its response follows the stream's last chunk
                let next = try client.readResponse()
                #expect(next.text == "next")
                let callsAfterStream = nextCalls.load(ordering: .relaxed)
                #expect(callsAfterStream == 1)
            }
        }

        @Test func delimitsAnHTTP10StreamByClosing() throws {
            // Given a producer writing two pieces
            let handler = Self.streaming { writer in
                try await writer.write(Array("one".utf8))
                try await writer.write(Array("two".utf8))
            }
            try withServer(handler: handler) { _, port in
                // When an HTTP/1.0 client asks (even one that would like to keep the connection)
                let client = try TestClient(port: port)
                try client.send("GET /stream HTTP/1.0\r\nHost: a\r\nConnection: keep-alive\r\n\r\n")
                // Then there is no chunking and no length: the close ends the body
                let response = try client.readResponse()
                #expect(response.header("Connection") == "close")
                #expect(response.header("Transfer-Encoding") == nil)
                #expect(response.header("Content-Length") == nil)
                #expect(response.text == "onetwo")
            }
        }

        @Test func neverRunsTheProducerForHeadOr204() throws {
            // Given streamed responses whose producer records that it ran
            let log = StreamLog()
            let handler = ClosureHandler { request in
                let stream = HTTPBodyStream { writer in
                    log.start()
                    try await writer.write(Array("must not be sent".utf8))
                }
                switch request.path {
                case "/stream": return HTTPResponse(status: 200, stream: stream)
                case "/empty": return HTTPResponse(status: 204, stream: stream)
                default: return await TestHandlers.echo.handle(request)
                }
            }
            try withServer(handler: handler) { _, port in
                let client = try TestClient(port: port)
                // When HEAD asks for the stream: the head says what a GET would get, and nothing follows
                try client.send("HEAD /stream HTTP/1.1\r\nHost: a\r\n\r\n")
                let head = try client.readResponse(toHead: true)
                #expect(head.status == 200)
                #expect(head.header("Transfer-Encoding") == "chunked")
                #expect(head.header("Content-Length") == nil)
                // When a GET is answered 204 with a stream: no framing fields and no content
                try client.send(get("/empty"))
                let empty = try client.readResponse()
                #expect(empty.status == 204)
                #expect(empty.header("Transfer-Encoding") == nil && empty.header("Content-Length") == nil)
                // Then the next response on the connection is the next request's: no stray body bytes
                try client.send(get("/after"))
                #expect(try client.readResponse().echo?.path == "/after")
                #expect(!log.started)
            }
        }

        @Test func closesWithoutTheLastChunkWhenTheProducerThrows() throws {
            // Given a producer that fails after its first write
            struct ModelFailed: Error {}
            let handler = Self.streaming { writer in
                try await writer.write(Array("partial".utf8))
                throw ModelFailed()
            }
            try withServer(handler: handler) { _, port in
                let client = try TestClient(port: port)
                try client.send(get("/stream"))
                #expect(try client.readResponse(toHead: true).headerValues("Transfer-Encoding") == ["chunked"])
                // Then what was written arrives and the connection closes with no last chunk
                #expect(client.waitForClose())
                #expect(client.bufferedText == "7\r\npartial\r\n")
            }
        }

        @Test func failsTheProducersWriteWhenTheClientGoesAway() throws {
            // Given a producer that writes, waits at a gate, then keeps writing until a write fails
            let gate = Gate()
            let log = StreamLog()
            let handler = Self.streaming { writer in
                do {
                    try await log.write(Array("hello".utf8), to: writer)
                    await gate.wait()
                    for _ in 0..<2000 {
                        try await log.write(Array("tick".utf8), to: writer)
                        try? await Task.sleep(for: .milliseconds(1))
                    }
                    log.finish()
                } catch {
                    log.finish(error)
                }
            }
            try withServer(handler: handler) { _, port in
                let client = try TestClient(port: port)
                try client.send(get("/stream"))
                _ = try client.readResponse(toHead: true)
                #expect(try client.readChunk() == Array("hello".utf8))
                // When the client closes mid-stream
                client.close()
                gate.open()
                // Then a write throws ClientGone and the producer stops long before its 2,000 ticks
                #expect(log.waitUntil { $0.finished })
                #expect(log.sawClientGone, "producer ended with \(log.failure ?? "no error")")
                #expect(log.writes < 2001)
                // And the server still serves new connections
                let fresh = try TestClient(port: port)
                try fresh.send(get("/fresh"))
                #expect(try fresh.readResponse().echo?.path == "/fresh")
            }
        }

        @Test func suspendsTheProducerWhileTheClientDoesNotRead() throws {
            // Given a producer of 256 chunks of 64 KiB (16 MiB), each filled with its own index
            let chunkSize = 64 * 1024
            let chunkCount = 256
            let log = StreamLog()
            let handler = Self.streaming { writer in
                for index in 0..<chunkCount {
                    try await log.write([UInt8](repeating: UInt8(index % 251), count: chunkSize), to: writer)
                }
                log.finish()
            }
            try withServer(handler: handler) { _, port in
                // When a client with a small receive buffer asks and does not read
                let client = try TestClient(port: port, timeout: 20, receiveBufferBytes: 64 * 1024)
                try client.send(get("/stream"))
                // Then the producer stalls after what the socket buffers and 64 KiB of ours hold
                // (a few MiB at most), instead of queueing all 16 MiB in memory
                let settled = log.settledWrites()
                #expect(settled < chunkCount / 2, "\(settled) writes of 64 KiB completed with nobody reading")
                #expect(!log.finished)
                // And when the client reads, every chunk arrives intact and in order
                let head = try client.readResponse(toHead: true)
                #expect(head.status == 200)
                var received = 0
                while let chunk = try client.readChunk() {
                    #expect(chunk.count == chunkSize)
                    #expect(chunk.first == UInt8(received % 251) && chunk.last == UInt8(received % 251))
                    received += 1
                }
                #expect(received == chunkCount)
                #expect(log.waitUntil { $0.finished })
                #expect(log.writes == chunkCount)
            }
        }

        @Test func closesAStalledStreamAtTheWriteDeadline() throws {
            // Given a producer that writes 64 KiB chunks until a write fails, and a short idle timeout
            let log = StreamLog()
            let handler = Self.streaming { writer in
                do {
                    for _ in 0..<10_000 {
                        try await log.write([UInt8](repeating: 0x61, count: 64 * 1024), to: writer)
                    }
                    log.finish()
                } catch {
                    log.finish(error)
                }
            }
            try withServer(testConfiguration { $0.idleTimeout = 0.5 }, handler: handler) { _, port in
                // When the client never reads
                let client = try TestClient(port: port, timeout: 20, receiveBufferBytes: 64 * 1024)
                try client.send(get("/stream"))
                // Then the write deadline closes the connection and the pending write throws
                #expect(log.waitUntil(timeout: 20) { $0.finished })
                #expect(log.sawClientGone, "producer ended with \(log.failure ?? "no error")")
                #expect(log.writes < 10_000)
                #expect(client.waitForClose(timeout: 20))
            }
        }

        @Test func letsAStreamFinishWithinTheShutdownGracePeriod() throws {
            // Given a stream in progress, waiting at a gate
            let gate = Gate()
            let handler = Self.streaming { writer in
                try await writer.write(Array("before".utf8))
                await gate.wait()
                try await writer.write(Array("after".utf8))
            }
            let server = HTTPServer(configuration: testConfiguration(), handler: handler)
            let port = try server.start()
            let client = try TestClient(port: port)
            try client.send(get("/stream"))
            _ = try client.readResponse(toHead: true)
            #expect(try client.readChunk() == Array("before".utf8))

            // When shutdown starts (on another thread: it blocks until done) and refuses newcomers
            let finished = Atomic<Bool>(false)
            let shutdown = Thread {
                server.shutdown(gracePeriod: 10)
                finished.store(true, ordering: .releasing)
            }
            shutdown.start()
            // (shutdown runs on its own thread: a newcomer may still get in before it closes the listener)
            var refused = false
            for _ in 0..<200 where !refused {
                do {
                    let late = try TestClient(port: port, timeout: 2)
                    try late.send(get("/late"))
                    _ = try late.readResponse()
                    usleep(10_000)
                } catch {
                    refused = true
                }
            }
            #expect(refused)

            // Then the stream still completes, and the connection closes after its last chunk
            gate.open()
            #expect(try client.readChunk() == Array("after".utf8))
            #expect(try client.readChunk() == nil)
            #expect(client.waitForClose())
            for _ in 0..<500 where !finished.load(ordering: .acquiring) { usleep(10_000) }
            let finishedAtLast = finished.load(ordering: .acquiring)
            #expect(finishedAtLast)
        }

        @Test func failsTheWritesOfAStreamThatOutlivesTheGracePeriod() throws {
            // Given a stream that would tick for a long time
            let log = StreamLog()
            let handler = Self.streaming { writer in
                do {
                    for _ in 0..<5000 {
                        try await log.write(Array("tick".utf8), to: writer)
                        try? await Task.sleep(for: .milliseconds(10))
                    }
                    log.finish()
                } catch {
                    log.finish(error)
                }
            }
            let server = HTTPServer(configuration: testConfiguration(), handler: handler)
            let port = try server.start()
            let client = try TestClient(port: port)
            try client.send(get("/stream"))
            _ = try client.readResponse(toHead: true)
            #expect(try client.readChunk() == Array("tick".utf8))

            // When the grace period runs out
            server.shutdown(gracePeriod: 0.2)

            // Then the connection is closed and the producer's next write throws ClientGone
            #expect(client.waitForClose())
            #expect(log.waitUntil { $0.finished })
            #expect(log.sawClientGone, "producer ended with \(log.failure ?? "no error")")
        }
    }
}
