import ARMCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

#if canImport(FoundationNetworking)
import FoundationNetworking
import JSON
#endif

/// `Tests/DataPlaneTests/Fixtures/openai_compatible_server.py` running as a real process on a loopback
/// port: the forwarding backend's tests, and the live suites that start the emulator with
/// `--model-backend`, talk HTTP to it as they would to Ollama or llama-server.
package final class OpenAICompatibleServer {
    package struct StartFailed: Error, CustomStringConvertible {
        package var description: String
    }

    package let process: Process
    package let port: Int

    /// `http://127.0.0.1:{port}{prefix}/v1`; `prefix` chooses a behaviour (`/delay/5`, `/status/400`).
    package func base(_ prefix: String = "") -> URL { URL(string: "http://127.0.0.1:\(port)\(prefix)/v1")! }

    /// Starts python3 (from PATH) on the script and waits for its `PORT n` line.
    package init() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("DataPlaneTests/Fixtures/openai_compatible_server.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", script.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty {
                throw StartFailed(description: "the fixture server exited before printing its port")
            }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let port = text.split(whereSeparator: \.isWhitespace).dropFirst().first.flatMap({ Int($0) }) else {
            kill(process.processIdentifier, SIGKILL)
            throw StartFailed(description: "unexpected first line: \(text)")
        }
        self.process = process
        self.port = port
    }

    deinit { stop() }

    /// SIGKILL and no `waitUntilExit`: a child of the test runner may inherit a mask that blocks
    /// SIGTERM, and corelibs' `waitUntilExit` would then wait forever. Waits (bounded) until the port
    /// refuses connections, so a caller can rely on the backend being gone.
    package func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        for _ in 0..<100 where acceptsConnections() { usleep(20_000) }
    }

    private func acceptsConnections() -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// The last POST the server got: `{"path", "route", "headers", "body"}`.
    package func lastRequest() async throws -> JSONValue { try await get("/_last") }

    /// What happened to the streams it served (`stream-complete`, `stream-aborted`).
    package func streamEvents() async throws -> [String] {
        try await get("/_events").arrayValue?.compactMap(\.stringValue) ?? []
    }

    private func get(_ path: String) async throws -> JSONValue {
        let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        return try JSONParser.parse([UInt8](data))
    }
}
