import Foundation

#if canImport(Glibc)
import Glibc
#endif

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The data-plane suite's OpenAI-compatible test server (`Tests/DataPlaneTests/Fixtures/
/// openai_compatible_server.py`) as a real process, for tests that run the whole emulator against
/// it with `--model-backend`. Same protocol as DataPlaneTests' `OpenAICompatibleServer`: it prints
/// `PORT n`, answers `GET /_last` with the last POST it got.
final class BackendFixture {
    struct StartFailed: Error, CustomStringConvertible {
        var description: String
    }

    let process: Process
    let port: Int

    var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    init() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("DataPlaneTests/Fixtures/openai_compatible_server.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", script.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw StartFailed(description: "the fixture server exited before printing its port") }
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
    /// SIGTERM, and corelibs' `waitUntilExit` would then wait forever (see OpenAICompatibleServer).
    /// Waits (bounded) until the port refuses connections, so a caller can rely on it being down.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        for _ in 0..<100 where acceptsConnections() { usleep(20_000) }
    }

    private func acceptsConnections() -> Bool {
        (try? RawHTTPConnection(port: port, timeout: 1)) != nil
    }

    /// The last POST the server got: `{"path", "route", "headers", "body"}`.
    func lastRequest() async throws -> [String: Any] {
        let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/_last")!)
        return (try JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }
}
