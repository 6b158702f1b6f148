import ARMCore
import DataPlane
import EmulatorHTTP
import Foundation
import Identity
import Persistence
import Portal

/// The top-level dispatch (docs/dataplane.md "The chain"): the data plane, the operator
/// API, the portal's files (docs/portal.md), Entra ID, cloud metadata, Graph, then the ARM pipeline for
/// everything else. Writes one access-log line per request.
struct EmulatorHandler: HTTPHandler {
    let operatorPipeline: ARMPipeline
    let identity: IdentityService
    let publicPipeline: ARMPipeline
    let armPipeline: ARMPipeline
    let graphPipeline: ARMPipeline
    let dataPlane: DataPlane
    /// `GET /` for a browser and `/_portal/*`; anything else it declines goes on down the list.
    var portal = Portal()
    let logger: Logger
    /// With `--data-dir`: no response leaves before the changes made so far are on disk.
    var persistence: Persistence? = nil

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let started = ContinuousClock.now
        let first = request.path.firstPathSegmentLowercased
        if first == "dataplane" {
            // The data plane writes its own access-log line (deployment, tokens). The agent service
            // keeps project state in the store (agents, conversations, assistants, threads, runs:
            // docs/agents.md), so its answers wait for the journal like ARM's (nothing to wait for on
            // a plain model call); a stream's stored response is written when the stream ends and
            // lands with the next group commit.
            let answer = await dataPlane.handle(request)
            guard let persistence else { return answer }
            return await Self.afterDurable(answer, persistence: persistence)
        }
        let segments = request.path.nonEmptyPathSegments
        var response: HTTPResponse
        if let page = portal.response(to: request) {
            response = page
        } else if first == "_emulator" {
            response = await operatorPipeline.handle(request)
        } else if first == "metadata", segments.count > 1, segments[1].lowercased() == "endpoints" {
            response = await publicPipeline.handle(request)
        } else if first == "v1.0" {
            response = await graphPipeline.handle(request)
        } else if identity.handles(path: segments.map { $0.removingPercentEncodingLeniently }) {
            response = await identity.handle(request)
        } else {
            response = await armPipeline.handle(request)
        }
        if let persistence { response = await Self.afterDurable(response, persistence: persistence) }
        if logger.level <= .info {
            let elapsed = ContinuousClock.now - started
            let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            let requestID = response.headers["x-ms-request-id"] ?? "-"
            logger.info("\(request.method) \(request.path) \(response.status) \(String(format: "%.1f", milliseconds))ms \(requestID)")
        }
        return response
    }
}
