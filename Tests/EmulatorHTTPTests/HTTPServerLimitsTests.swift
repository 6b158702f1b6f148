import EmulatorHTTP
import Foundation
import Glibc
import Testing

extension LiveServerTests {
    /// Limits and timeouts that keep one client from hurting the server.
    @Suite struct LimitsTests {
        /// An ARM-flavoured responder, to prove limits go through `protocolErrorResponder`.
        static let armResponder: @Sendable (HTTPProtocolError) -> HTTPResponse = { error in
            .json(
                error.status, Array(#"{"error":{"code":"Arm\#(error.code)","message":"arm"}}"#.utf8),
                headers: HTTPHeaders([("x-ms-failure-cause", "gateway")]))
        }

        @Test func answersOversizedHeadersWith431AndCloses() throws {
            try withServer { _, port in
                let client = try TestClient(port: port)
                try client.send("GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + String(repeating: "h", count: 70 * 1024) + "\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 431)
                #expect(response.header("Connection") == "close")
                #expect(client.waitForClose())
            }
        }

        @Test func answersLongRequestTargetsWith414() throws {
            try withServer { _, port in
                let client = try TestClient(port: port)
                try client.send(get("/" + String(repeating: "t", count: 20 * 1024)))
                #expect(try client.readResponse().status == 414)
                #expect(client.waitForClose())
            }
        }

        @Test func answersOversizedContentLengthWith413FromTheResponder() throws {
            let configuration = testConfiguration {
                $0.maxBodyBytes = 1024
                $0.protocolErrorResponder = LimitsTests.armResponder
            }
            try withServer(configuration) { _, port in
                let client = try TestClient(port: port)
                try client.send("PUT /big HTTP/1.1\r\nHost: a\r\nContent-Length: 2048\r\n\r\n" + String(repeating: "b", count: 2048))
                let response = try client.readResponse()
                #expect(response.status == 413)
                #expect(response.header("Connection") == "close")
                #expect(response.header("x-ms-failure-cause") == "gateway")
                #expect(response.text.contains("ArmRequestEntityTooLarge"))
                #expect(client.waitForClose())
            }
        }

        @Test func answersOversizedChunkedBodiesWith413() throws {
            try withServer(testConfiguration { $0.maxBodyBytes = 1024 }) { _, port in
                let client = try TestClient(port: port)
                try client.send("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")
                let chunk = "200\r\n" + String(repeating: "c", count: 512) + "\r\n"  // 3 x 512 > 1024
                try client.send(chunk + chunk + chunk + "0\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 413)
                #expect(response.header("Connection") == "close")
            }
        }

        @Test func cutsOffSlowHeadersWith408() throws {
            try withServer(testConfiguration { $0.headerTimeout = 0.5 }) { _, port in
                // Given a client that sends half a head and stalls (slowloris)
                let client = try TestClient(port: port)
                try client.send("GET /slow HTTP/1.1\r\nHost: a\r\n")
                // Then the server answers 408 and closes
                let response = try client.readResponse()
                #expect(response.status == 408)
                #expect(response.header("Connection") == "close")
                #expect(client.waitForClose())
            }
        }

        @Test func closesSilentConnectionsWithoutAResponse() throws {
            try withServer(testConfiguration { $0.headerTimeout = 0.3 }) { _, port in
                let client = try TestClient(port: port)
                #expect(client.waitForClose())
                #expect(client.bufferedText.isEmpty)
            }
        }

        @Test func cutsOffTricklingBodiesWith408() throws {
            try withServer(testConfiguration { $0.bodyTimeout = 0.5 }) { _, port in
                let client = try TestClient(port: port)
                try client.send("PUT / HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nonly a little")
                #expect(try client.readResponse().status == 408)
                #expect(client.waitForClose())
            }
        }

        @Test func closesIdleKeepAliveConnections() throws {
            try withServer(testConfiguration { $0.idleTimeout = 0.5 }) { _, port in
                let client = try TestClient(port: port)
                try client.send(get("/once"))
                #expect(try client.readResponse().status == 200)
                #expect(client.waitForClose())
                #expect(client.bufferedText.isEmpty)
            }
        }
    }
}
