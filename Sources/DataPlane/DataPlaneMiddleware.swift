import ARMCore
import EmulatorHTTP
import JSON

/// One step of the data plane's chain (account -> route -> credentials -> data action ->
/// deployment -> rate limit -> handler). Each step may answer, throw a `DataPlaneError`, or call
/// `next` with an enriched request.
///
/// The chain's functions are `nonisolated(nonsending)` (SE-0461): they run on the caller's executor,
/// the event loop that runs the connection's task, so the dozen awaits of one call do not each go
/// through `swift_task_switch` (which showed in a profile of chat completions, docs/dataplane.md "Speed").
package protocol DataPlaneMiddleware: Sendable {
    nonisolated(nonsending) func respond(to request: DataPlaneRequest, next: any DataPlaneResponder) async throws -> DataPlaneAnswer
}

/// A step that only checks and fills the request before the rest of the chain runs (account, route,
/// credentials, body, data action, agent, deployment). The chain calls `prepare` of consecutive
/// steps in a loop, without an async call each: the awaits of a step per call showed in a profile of
/// chat completions (docs/dataplane.md "Speed"). Steps that act after the rest of the chain
/// (usage counters, rate-limit headers) are plain `DataPlaneMiddleware`.
package protocol DataPlaneStep: DataPlaneMiddleware {
    /// Fills what the step finds out into `request`, or throws the `DataPlaneError` that answers the call.
    func prepare(_ request: DataPlaneRequest) throws
}

extension DataPlaneStep {
    package nonisolated(nonsending) func respond(
        to request: DataPlaneRequest, next: any DataPlaneResponder
    ) async throws
        -> DataPlaneAnswer
    {
        try prepare(request)
        return try await next.respond(to: request)
    }
}

/// What turns a request into an answer: the rest of the chain, ending in the route's handler.
package protocol DataPlaneResponder: Sendable {
    nonisolated(nonsending) func respond(to request: DataPlaneRequest) async throws -> DataPlaneAnswer
}

/// A handler's answer and what it cost, for the counters and the access log.
package struct DataPlaneAnswer: Sendable {
    package var response: HTTPResponse
    package var promptTokens: Int
    package var completionTokens: Int

    package init(response: HTTPResponse, promptTokens: Int = 0, completionTokens: Int = 0) {
        self.response = response
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }

    package static func json(_ status: Int, _ body: JSONValue, promptTokens: Int = 0, completionTokens: Int = 0) -> DataPlaneAnswer {
        DataPlaneAnswer(response: .json(status, body.serialized()), promptTokens: promptTokens, completionTokens: completionTokens)
    }
}
