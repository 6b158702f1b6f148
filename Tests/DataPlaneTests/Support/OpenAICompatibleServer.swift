import ARMCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `Fixtures/openai_compatible_server.py` running as a real process on a loopback port: the
/// forwarding backend's tests talk HTTP to it as they would to Ollama or llama-server.
final class OpenAICompatibleServer {
    struct StartFailed: Error, CustomStringConvertible {
        var description: String
    }

    let process: Process
    let port: Int

    /// `http://127.0.0.1:{port}{prefix}/v1`; `prefix` chooses a behaviour (`/delay/5`, `/status/400`).
    func base(_ prefix: String = "") -> URL { URL(string: "http://127.0.0.1:\(port)\(prefix)/v1")! }

    /// Starts python3 (from PATH) on the script and waits for its `PORT n` line.
    init() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/openai_compatible_server.py")
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

    /// SIGKILL, without waiting: a child of the test runner may inherit a mask that blocks SIGTERM,
    /// and corelibs' `waitUntilExit` would then wait forever.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The last POST the server got: `{"path", "route", "headers", "body"}`.
    func lastRequest() async throws -> JSONValue { try await get("/_last") }

    /// What happened to the streams it served (`stream-complete`, `stream-aborted`).
    func streamEvents() async throws -> [String] {
        try await get("/_events").arrayValue?.compactMap(\.stringValue) ?? []
    }

    private func get(_ path: String) async throws -> JSONValue {
        let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        return try JSONParser.parse([UInt8](data))
    }
}
