import EmulatorHTTP
import Foundation
import Glibc
import Synchronization
import Testing

extension LiveServerTests {
    @Suite struct HTTPServerTests {
        @Test func startsOnAnEphemeralPortAndReportsIt() throws {
            let server = HTTPServer(configuration: testConfiguration(), handler: TestHandlers.small)
            #expect(server.port == 0)
            let port = try server.start()
            defer { server.shutdown() }
            #expect(port > 0)
            #expect(server.port == port)
            let client = try TestClient(port: port)
            try client.send(get("/"))
            #expect(try client.readResponse().text == #"{"ok":true}"#)
        }

        @Test func explainsWhyItCannotBind() throws {
            try withServer { _, port in
                // Given a port that is taken
                let second = HTTPServer(configuration: testConfiguration { $0.port = port }, handler: TestHandlers.small)
                // When another server tries to bind it
                let error = #expect(throws: HTTPServerError.self) { try second.start() }
                // Then the error says what and where
                #expect(error?.kind == .bind)
                #expect(error?.description.contains("127.0.0.1:\(port)") == true)
                #expect(error?.description.contains("in use") == true)
            }
        }

        @Test func explainsABadListenAddress() {
            let server = HTTPServer(configuration: testConfiguration { $0.host = "no.such.host.invalid" }, handler: TestHandlers.small)
            let error = #expect(throws: HTTPServerError.self) { try server.start() }
            #expect(error?.description.contains("no.such.host.invalid") == true)
        }

        @Test func explainsAMissingCertificate() {
            let tls = TLSConfiguration(certificatePath: "/nonexistent/cert.pem", privateKeyPath: "/nonexistent/key.pem")
            let server = HTTPServer(configuration: testConfiguration { $0.tls = tls }, handler: TestHandlers.small)
            let error = #expect(throws: HTTPServerError.self) { try server.start() }
            #expect(error?.kind == .tls)
            #expect(error?.description.contains("/nonexistent/cert.pem") == true)
        }

        @Test func refusesToStartTwice() throws {
            try withServer { server, _ in
                let error = #expect(throws: HTTPServerError.self) { try server.start() }
                #expect(error?.kind == .alreadyStarted)
            }
        }

        @Test func shutdownFinishesInFlightRequestsAndClosesIdleOnes() throws {
            // Given a handler that waits at a gate, one request in flight and one idle connection
            let gate = Gate()
            let handler = ClosureHandler { request in
                await gate.wait()
                return .text(200, "finished \(request.path)")
            }
            let server = HTTPServer(configuration: testConfiguration(), handler: handler)
            let port = try server.start()
            let busy = try TestClient(port: port)
            try busy.send(get("/slow"))
            #expect(gate.waitUntilEntered())
            let idle = try TestClient(port: port)

            // When shutdown starts (on another thread: it blocks until done)
            let finished = Atomic<Bool>(false)
            let shutdown = Thread {
                server.shutdown(gracePeriod: 10)
                finished.store(true, ordering: .releasing)
            }
            shutdown.start()

            // Then idle connections are closed and new ones refused, while the slow one waits
            #expect(idle.waitForClose())
            #expect(throws: (any Error).self) {
                let late = try TestClient(port: port, timeout: 2)
                try late.send(get("/late"))
                _ = try late.readResponse()
            }
            let finishedEarly = finished.load(ordering: .acquiring)
            #expect(finishedEarly == false)

            // And once the handler finishes, its response is written with Connection: close
            gate.open()
            let response = try busy.readResponse()
            #expect(response.status == 200)
            #expect(response.text == "finished /slow")
            #expect(response.header("Connection") == "close")
            #expect(busy.waitForClose())
            for _ in 0..<500 where !finished.load(ordering: .acquiring) { usleep(10_000) }
            let finishedAtLast = finished.load(ordering: .acquiring)
            #expect(finishedAtLast)
        }

        @Test func shutdownGivesUpOnHandlersAfterTheGracePeriod() throws {
            let gate = Gate()
            let handler = ClosureHandler { _ in
                await gate.wait()
                return .text(200, "too late")
            }
            let server = HTTPServer(configuration: testConfiguration(), handler: handler)
            let port = try server.start()
            let client = try TestClient(port: port)
            try client.send(get("/stuck"))
            #expect(gate.waitUntilEntered())

            // When the grace period runs out, shutdown returns and the connection is closed
            server.shutdown(gracePeriod: 0.2)
            #expect(client.waitForClose())
            #expect(client.bufferedText.isEmpty)

            // And the abandoned handler can still finish without harm
            gate.open()
            usleep(50_000)
            server.shutdown()  // idempotent
        }

        @Test func shutdownCalledFromAHandlerDoesNotDeadlock() throws {
            // Given a handler that shuts its own server down (an operator "stop" endpoint)
            let box = Mutex<HTTPServer?>(nil)
            let handler = ClosureHandler { _ in
                box.withLock { $0 }?.shutdown(gracePeriod: 5)
                return .text(200, "stopping")
            }
            let server = HTTPServer(configuration: testConfiguration(), handler: handler)
            box.withLock { $0 = server }
            let port = try server.start()
            // When it is called
            let client = try TestClient(port: port)
            try client.send(get("/stop"))
            // Then its own response still goes out, with Connection: close, and the server stops
            let response = try client.readResponse()
            #expect(response.text == "stopping")
            #expect(response.header("Connection") == "close")
            #expect(client.waitForClose())
            var refused = false
            for _ in 0..<200 where !refused {
                refused = (try? TestClient(port: port, timeout: 1)) == nil
                if !refused { usleep(10_000) }
            }
            #expect(refused)
            box.withLock { $0 = nil }
        }
    }
}
