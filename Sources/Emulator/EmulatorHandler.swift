import ARMCore
import EmulatorHTTP
import Foundation
import Persistence

/// The top-level dispatch (docs/dataplane.md "The chain"): route groups in order, each with its own
/// middleware (the data plane, the portal's files (docs/portal.md), the operator API, cloud
/// metadata, Graph, Entra ID, then the ARM pipeline for everything else). Writes one access-log line
/// per request.
struct EmulatorHandler: HTTPHandler {
    /// In order: the first that claims a request answers it.
    let groups: [RouteGroup]
    /// The ARM pipeline, for every request no group claims.
    let otherwise: RouteGroup
    let logger: Logger
    /// With `--data-dir`: no response leaves before the changes made so far are on disk.
    var persistence: Persistence? = nil

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        // The clock is read only for the access log's elapsed time.
        let started = logger.level <= .info ? ContinuousClock.now : nil
        let first = request.path.firstPathSegmentLowercased
        let group = groups.first { $0.claims(request, first) } ?? otherwise
        var response = await group.handler(request)
        // The agent service keeps project state in the store (agents, conversations, assistants,
        // threads, runs: docs/agents.md), so the data plane's answers wait for the journal like ARM's
        // (nothing to wait for on a plain model call); a stream's stored response is written when
        // the stream ends and lands with the next group commit.
        if let persistence { response = await Self.afterDurable(response, persistence: persistence) }
        if group.writesAccessLog, let started {
            let elapsed = ContinuousClock.now - started
            let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            let requestID = response.headers["x-ms-request-id"] ?? "-"
            logger.info("\(request.method) \(request.path) \(response.status) \(String(format: "%.1f", milliseconds))ms \(requestID)")
        }
        return response
    }
}
