import EmulatorHTTP
import Foundation
import Synchronization

/// The ARM request pipeline: an explicit, ordered list of middleware (docs/architecture.md "A request's
/// way")
/// and then the terminal responder, which calls the matched route's handler.
///
/// `handle` never throws: an `ARMError` becomes its wire form, any other error a 500
/// `InternalServerError`, and every response gets ARM's common headers (docs/azure-behaviours.md "Response headers").
package struct ARMPipeline: HTTPHandler, ARMResponder {
    package let middleware: [any ARMMiddleware]
    package let router: Router
    package let rateLimiter: RateLimiter
    /// The region in `x-ms-routing-request-id` (`EASTUS:20250505T141006Z:{guid}`).
    package let routingRegion: String
    let now: @Sendable () -> Date

    package init(
        middleware: [any ARMMiddleware], router: Router, rateLimiter: RateLimiter = RateLimiter(),
        routingRegion: String = "EASTUS", now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.middleware = middleware
        self.router = router
        self.rateLimiter = rateLimiter
        self.routingRegion = routingRegion.uppercased()
        self.now = now
    }

    package func handle(_ request: HTTPRequest) async -> HTTPResponse {
        await handle(ARMRequest(http: request))
    }

    /// Runs an already built request (internal requests keep their ids this way).
    nonisolated(nonsending) package func handle(_ request: ARMRequest) async -> HTTPResponse {
        let observer = RequestObserver(request)
        var response: HTTPResponse
        do {
            let armResponse = try await ChainLink(pipeline: self, index: 0, observer: observer).respond(to: request)
            response = render(armResponse)
        } catch let error as ARMError {
            response = render(error)
        } catch {
            response = render(ARMError.internalServerError())
        }
        var latest = request
        latest.callerBox = observer.callerBox
        addCommonHeaders(to: &response, request: latest)
        if request.method == "HEAD" { response.body = [] }
        return response
    }

    /// Runs the chain without rendering (for callers that want the `ARMResponse` or the thrown
    /// `ARMError`, such as internal requests of the template engine).
    package func respond(to request: ARMRequest) async throws -> ARMResponse {
        try await ChainLink(pipeline: self, index: 0, observer: RequestObserver(request)).respond(to: request)
    }

    /// The terminal responder: the matched route's handler (matching here when no
    /// `RouteMatchMiddleware` ran).
    nonisolated(nonsending) func callHandler(_ request: ARMRequest) async throws -> ARMResponse {
        var request = request
        let match: RouteMatch
        if let existing = request.route {
            match = existing
        } else {
            match = try RouteMatchMiddleware.match(request, router: router)
            request.route = match
        }
        return try await match.route.handler(request, match.parameters)
    }
}

/// `next` for the middleware at `index`. It records every request a step is handed, so that the
/// pipeline learns what middleware found out (the caller, for rate-limit buckets) even when a
/// later step throws. Steps that are done at once (`ARMMiddleware.passOn`) run in a loop
/// here, without an `await` each; the first that cannot gets a link to the rest.
struct ChainLink: ARMResponder {
    let pipeline: ARMPipeline
    let index: Int
    let observer: RequestObserver

    func respond(to request: ARMRequest) async throws -> ARMResponse {
        var request = request
        var index = self.index
        let middleware = pipeline.middleware
        while true {
            observer.record(request)
            guard index < middleware.count else { return try await pipeline.callHandler(request) }
            guard try middleware[index].passOn(&request) else { break }
            index += 1
        }
        let next = ChainLink(pipeline: pipeline, index: index + 1, observer: observer)
        return try await middleware[index].respond(to: request, next: next)
    }
}

/// The caller of the most enriched version of one request seen along the chain: the one thing
/// middleware learns that the common headers read (the rate-limit bucket). Everything else they
/// read is set when the request is built and never changes, so only the caller is kept (a whole
/// `ARMRequest` copied at every link was a measurable share of a GET's CPU).
final class RequestObserver: Sendable {
    private let state: Mutex<CallerBox?>

    init(_ request: ARMRequest) { state = Mutex(request.callerBox) }

    func record(_ request: ARMRequest) { state.withLock { $0 = request.callerBox } }

    var callerBox: CallerBox? { state.withLock { $0 } }
}
