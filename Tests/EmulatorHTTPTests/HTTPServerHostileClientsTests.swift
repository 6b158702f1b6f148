import EmulatorHTTP
import Glibc
import Testing

extension LiveServerTests {
    /// Hostile clients (docs/hardening.md) that the limits suite does not already cover: clients that
    /// trickle bytes to keep a connection alive, a crowd of idle connections, and header injection
    /// attempts. Outcomes are asserted, never durations.
    @Suite struct HostileClientsTests {
        /// Sends `bytes` one at a time with a pause, stopping early once the server has closed or
        /// answered (a send then fails with EPIPE/ECONNRESET, which is the point).
        private static func trickle(_ bytes: String, to client: TestClient, pauseMicroseconds: UInt32 = 100_000) {
            for byte in bytes.utf8 {
                guard (try? client.send([byte])) != nil else { return }
                usleep(pauseMicroseconds)
            }
        }

        @Test func cutsOffATricklingHeadWith408() throws {
            try withServer(testConfiguration { $0.headerTimeout = 0.5 }) { _, port in
                // Given a slow-loris client that sends its head one byte every 100 ms, never pausing
                // long enough for an idle timeout but never finishing within the header deadline
                let client = try TestClient(port: port)
                Self.trickle("GET /slow HTTP/1.1\r\nHost: a\r\nX-Padding: " + String(repeating: "p", count: 40) + "\r\n\r\n", to: client)
                // Then the deadline runs from the first byte, not the last: 408 and close
                let response = try client.readResponse()
                #expect(response.status == 408)
                #expect(response.header("Connection") == "close")
                #expect(client.waitForClose())
            }
        }

        @Test func cutsOffATricklingBodyWith408() throws {
            try withServer(testConfiguration { $0.bodyTimeout = 0.5 }) { _, port in
                // Given a complete head and a body sent one byte every 100 ms
                let client = try TestClient(port: port)
                try client.send("PUT /slow HTTP/1.1\r\nHost: a\r\nContent-Length: 40\r\n\r\n")
                Self.trickle(String(repeating: "b", count: 40), to: client)
                // Then the body deadline ends it with 408, and the handler never saw the request
                let response = try client.readResponse()
                #expect(response.status == 408)
                #expect(client.waitForClose())
            }
        }

        @Test func keepsAnsweringWithAThousandIdleConnectionsOpen() throws {
            try withServer { _, port in
                // Given 1,000 connections that are open and silent, and some with half a head
                var idle: [TestClient] = []
                for index in 0..<1000 {
                    let client = try TestClient(port: port)
                    if index % 4 == 0 { try client.send("GET /half HTTP/1.1\r\nHo") }
                    idle.append(client)
                }
                // When another client asks
                let fresh = try TestClient(port: port)
                try fresh.send(get("/fresh"))
                // Then it is answered
                let response = try fresh.readResponse()
                #expect(response.status == 200)
                #expect(response.echo?.path == "/fresh")
                // And the crowd is still served: a silent one and a half-sent one finish their requests
                try idle[1].send(get("/silent"))
                #expect(try idle[1].readResponse().echo?.path == "/silent")
                try idle[0].send("st: a\r\n\r\n")
                #expect(try idle[0].readResponse().echo?.path == "/half")
                #expect(idle.count == 1000)
            }
        }

        @Test(arguments: [
            "GET / HTTP/1.1\r\nHost: a\r\nX-Ms-Client-Request-Id: abc\rInjected: yes\r\n\r\n",  // bare CR in a value
            "GET / HTTP/1.1\r\nHost: a\r\nX-Ms-Client-Request-Id: abc\u{0}Injected: yes\r\n\r\n",  // NUL in a value
            "GET / HTTP/1.1\r\nHost: a\r\nX-Ms-Client-Request-Id: abc\r\n Injected: yes\r\n\r\n",  // obs-fold continuation
            "GET / HTTP/1.1\r\nHost: a\r\nX-Ms-Client-Request-Id\r\n: abc\r\n\r\n",  // line break inside a name
        ])
        func refusesHeaderInjectionAndNeverReflectsIt(request: String) throws {
            try withServer(handler: Self.reflectingHandler) { _, port in
                // Given a request whose header tries to smuggle a second header through a line break
                let client = try TestClient(port: port)
                try client.send(request)
                // Then it is refused as malformed before any handler runs, and nothing is reflected
                let response = try client.readResponse()
                #expect(response.status == 400)
                #expect(!response.rawHead.lowercased().contains("injected"))
                #expect(response.header("x-ms-client-request-id") == nil)
                #expect(client.waitForClose())
            }
        }

        @Test func aReflectedHeaderValueIsOneLineOnTheWire() throws {
            try withServer(handler: Self.reflectingHandler) { _, port in
                // Given a well-formed request whose echoed header carries percent-encoded CR LF
                let client = try TestClient(port: port)
                try client.send(get("/", headers: ["X-Ms-Client-Request-Id: abc%0D%0AInjected:%20yes"]))
                // Then the value comes back verbatim (never decoded) on one header line
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.header("x-ms-client-request-id") == "abc%0D%0AInjected:%20yes")
                #expect(response.header("Injected") == nil)
            }
        }

        /// Echoes `x-ms-client-request-id` back, as the ARM pipeline does (ARM contract: the client
        /// request id is returned in the response).
        static let reflectingHandler = ClosureHandler { request in
            var headers = HTTPHeaders()
            if let id = request.headers["x-ms-client-request-id"] { headers.add("x-ms-client-request-id", id) }
            return .json(200, Array(#"{"ok":true}"#.utf8), headers: headers)
        }
    }
}
