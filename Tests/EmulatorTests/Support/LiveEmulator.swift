import ARMTestSupport
import Foundation
import Testing

@testable import Emulator

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real emulator on 127.0.0.1, port 0, with TLS and its self-signed certificate, and a
/// URLSession to talk to it. On Linux, URLSession (FoundationNetworking over libcurl) pins its CA
/// file to the system bundle and offers no server-trust challenge, so it cannot be told to trust a
/// self-signed certificate: the URLSession requests use the plain-HTTP side of the same listener
/// (the server sniffs the first byte), and `verifiedTLSGet` proves the TLS side with a strict
/// client trusting only the emulator's certificate.
final class LiveEmulator: Sendable {
    let emulator: Emulator
    let baseURL: String
    let tlsBaseURL: String
    let session: URLSession
    /// Requests over the plain-HTTP side; no `api-version` added.
    let client: TestClient

    init(provisioningDelayMilliseconds: Int = 0, configure: (inout EmulatorConfig) -> Void = { _ in }) throws {
        var config = EmulatorConfig()
        config.port = 0
        config.dataDirectory = try makeTemporaryDirectory()
        config.logLevel = .error
        config.provisioningDelayMilliseconds = provisioningDelayMilliseconds
        configure(&config)
        emulator = try Emulator(config: config)
        let port = try emulator.start()
        baseURL = "http://127.0.0.1:\(port)"
        tlsBaseURL = "https://127.0.0.1:\(port)"
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 30
        session = URLSession(configuration: configuration)
        client = TestClient(baseURL: baseURL, session: session)
    }

    deinit { emulator.shutdown() }

    /// The operator's bearer token from `GET /_emulator/token`.
    func operatorToken() async throws -> String {
        let reply = try await client.send("GET", "/_emulator/token")
        return try #require(reply.json?["access_token"]?.stringValue)
    }

    /// GET over TLS with Python's `ssl` in its default strict mode (certificate chain and host name
    /// checked) trusting only the emulator's certificate; returns the status and body.
    func verifiedTLSGet(_ path: String, host: String = "127.0.0.1") throws -> (status: Int, body: String) {
        let script = """
            import ssl, sys, urllib.request
            context = ssl.create_default_context(cafile=sys.argv[1])
            with urllib.request.urlopen(sys.argv[2], context=context, timeout=20) as response:
                sys.stdout.write(str(response.status) + "\\n" + response.read().decode())
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let url = tlsBaseURL.replacingOccurrences(of: "127.0.0.1", with: host) + path
        process.arguments = ["python3", "-c", script, emulator.world.certificatePath, url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0, let newline = text.firstIndex(of: "\n"),
            let status = Int(text[..<newline])
        else {
            Issue.record("strict TLS GET \(url) failed: \(text)")
            return (0, text)
        }
        return (status, String(text[text.index(after: newline)...]))
    }
}
