import EmulatorHTTP
import Foundation
import Glibc
import Testing

/// An actor on the default executor: awaiting it takes a handler off its loop and back.
private actor Counter {
    var value = 0
    func next() -> Int {
        value += 1
        return value
    }
}

extension LiveServerTests {
    @Suite struct EventLoopTests {
        @Test func keepsServingWhileAThousandConnectionsSitIdle() throws {
            // Client and server ends both live in this process: make room for them.
            var limit = rlimit()
            getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            limit.rlim_cur = limit.rlim_max
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            let count = min(1000, (Int(limit.rlim_cur) - 256) / 2)
            #expect(count == 1000, "only \(count) descriptors' worth of connections available")
            try withServer { _, port in
                // Given a thousand connections that never send a byte
                let idle = try (0..<count).map { _ in try TestClient(port: port) }
                // When another client makes a request
                let client = try TestClient(port: port)
                try client.send(get("/busy"))
                // Then it is answered, and the idle ones are still open
                #expect(try client.readResponse().status == 200)
                let probe = idle[idle.count / 2]
                try probe.send(get("/late"))
                #expect(try probe.readResponse().status == 200)
                _ = idle
            }
        }

        @Test func closesConnectionsOverTheCap() throws {
            try withServer(testConfiguration { $0.maxConnections = 2 }) { _, port in
                // Given two open (and surely accepted) connections
                let first = try TestClient(port: port)
                try first.send(get("/1"))
                #expect(try first.readResponse().status == 200)
                let second = try TestClient(port: port)
                try second.send(get("/2"))
                #expect(try second.readResponse().status == 200)
                // When a third one connects, it is closed at once
                let third = try TestClient(port: port)
                #expect(third.waitForClose(timeout: 5))
                // And once a slot frees up, connections are served again
                first.close()
                var served = false
                for _ in 0..<100 where !served {
                    usleep(20_000)
                    if let client = try? TestClient(port: port), (try? client.send(get("/again"))) != nil,
                        let response = try? client.readResponse()
                    {
                        served = response.status == 200
                    }
                }
                #expect(served)
            }
        }

        @Test func deliversResponsesOfHandlersThatHopExecutors() throws {
            // Handlers that await actors and detached tasks resume elsewhere; the response must still
            // reach the connection's loop thread.
            let counter = Counter()
            let handler = ClosureHandler { request in
                let number = await counter.next()
                let detached = await Task.detached { "detached-\(number)" }.value
                try? await Task.sleep(for: .milliseconds(5))
                return .text(200, "\(request.path) \(detached)")
            }
            try withServer(handler: handler) { _, port in
                let clients = try (0..<8).map { _ in try TestClient(port: port) }
                for round in 0..<5 {
                    for (index, client) in clients.enumerated() { try client.send(get("/\(index)-\(round)")) }
                    for (index, client) in clients.enumerated() {
                        let response = try client.readResponse()
                        #expect(response.status == 200)
                        #expect(response.text.hasPrefix("/\(index)-\(round) detached-"))
                    }
                }
            }
        }

        @Test func spreadsConnectionsOverAllLoops() throws {
            // Each loop is a thread named http-loop-N; with round-robin hand-off every loop serves.
            let handler = ClosureHandler { _ in
                let name = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? "?"
                return .text(200, name.trimmingCharacters(in: "\n"))
            }
            try withServer(testConfiguration { $0.eventLoopCount = 3 }, handler: handler) { _, port in
                var names = Set<String>()
                var clients: [TestClient] = []
                for _ in 0..<9 {
                    let client = try TestClient(port: port)
                    try client.send(get("/"))
                    names.insert(try client.readResponse().text)
                    clients.append(client)
                }
                #expect(names == ["http-loop-0", "http-loop-1", "http-loop-2"])
            }
        }
    }
}
