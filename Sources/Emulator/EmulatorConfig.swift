/// Everything the command line decides. Defaults give the in-memory emulator on
/// https://127.0.0.1:8443 with a generated, reused self-signed certificate.
package struct EmulatorConfig: Sendable, Equatable {
    package enum LogLevel: String, Sendable, CaseIterable, Comparable {
        case debug, info, warning, error

        package static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    package var host = "127.0.0.1"
    package var port = 8443
    package var tlsCertificatePath: String?
    package var tlsPrivateKeyPath: String?
    /// Where the certificate (and, later, durable state) lives. Nil: in-memory state and the
    /// certificate in a per-user cache directory.
    package var dataDirectory: String?
    package var seedPath: String?
    /// 0: long-running operations complete synchronously. Otherwise creates and deletes answer
    /// with Azure-AsyncOperation/Location and finish in the background after this many ms.
    package var provisioningDelayMilliseconds = 0
    /// `--latency MS[:JITTER]`: added to every ARM request (fault injection, docs/reference.md "Fault and latency injection").
    package var latencyMilliseconds = 0
    package var latencyJitterMilliseconds = 0
    package var logLevel = LogLevel.info
    package var signingKeyPath: String?
    /// Protects the operator API (/_emulator/*) so it may be reached from other hosts.
    package var operatorKey: String?
    /// `--rbac enforce|off`: whether the ARM pipeline authorizes calls (Azure RBAC).
    package var rbac = RBACMode.enforce
    /// `--proxy-timeout MS`: how long the hub control-plane proxy waits for the resource manager
    /// that owns an account before answering 504 `GatewayTimeout`.
    package var proxyTimeoutMilliseconds = 30_000
    /// `--model-backend URL`: an OpenAI-compatible server (Ollama, llama.cpp, vLLM) that answers
    /// data-plane model calls instead of the built-in responder.
    package var modelBackendURL: String?
    /// `--model-map NAME=MODEL` (repeatable): the backend model for a deployment or model name.
    package var modelMap: [String: String] = [:]
    /// `--model-backend-timeout SECONDS`: then 504 (default 60).
    package var modelBackendTimeoutSeconds = 60.0
    /// `--dataplane-limits on|off`: deployments' capacity-derived rate limits (off for load tests).
    package var dataPlaneLimits = true
    /// Seconds a keep-alive connection may sit idle, and a response (a stream) may sit unread,
    /// before the server closes it (`HTTPServerConfiguration.idleTimeout`). No flag: tests shorten it.
    package var idleTimeoutSeconds = 60.0

    package enum RBACMode: String, Sendable, Equatable {
        case enforce, off
    }

    package init() {}
}
